//===- Baseline.h - findings accepted as they are today ---------*- C++ -*-===//
//
// A team adopting bpf-tidy records today's findings (--write-baseline) and
// fails CI only on new ones (--baseline). Findings are matched by file,
// check, enclosing function, the statement's normalized text and its
// occurrence in that function (StatementContext), never by line, so edits
// elsewhere in a file do not turn old findings into new ones. Files are
// named relative to the baseline's own directory, so a baseline committed
// with the tree matches in any checkout.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_BASELINE_H
#define BPF_TIDY_CLI_BASELINE_H

#include "cli/FindingRecord.h"
#include "llvm/Support/Error.h"
#include <set>
#include <tuple>

namespace bpftidy {

class Baseline {
public:
  /// Reads a baseline made by baselineText.
  static llvm::Expected<Baseline> read(llvm::StringRef Path);

  /// Whether \p Finding is recorded in the baseline; each entry matches at
  /// most once (the first call).
  bool match(const FindingRecord &Finding);

  /// Entries no finding matched: fixed since the baseline was written.
  size_t unmatched() const { return Keys.size() - Matched.size(); }

private:
  using Key =
      std::tuple<std::string, std::string, std::string, std::string, unsigned>;
  static Key keyOf(const FindingRecord &Finding, llvm::StringRef Directory);

  std::string Directory;
  std::set<Key> Keys;
  std::set<Key> Matched;

  friend std::string baselineText(llvm::StringRef Path,
                                  const std::vector<FindingRecord> &Records);
};

/// The baseline of the findings of \p Records (not compiler errors), to be
/// written to \p Path (files are named relative to its directory).
std::string baselineText(llvm::StringRef Path,
                         const std::vector<FindingRecord> &Records);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_BASELINE_H
