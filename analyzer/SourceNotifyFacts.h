//===- SourceNotifyFacts.h - source-notify decisions, process-wide -*- C++ -*-//
//
// Whether notifying at a helper's own `return` is safe can differ between
// build configurations (a caller tests the value in one, returns it in
// another). The analysis records each decision it takes for a helper's
// drop-returning `return`; the bpf-tidy command collects them after each
// translation unit and withholds the fix where configurations disagree.
// Under stock clang-tidy nobody reads them and they are simply dropped at
// the next take.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_SOURCENOTIFYFACTS_H
#define BPF_TIDY_ANALYZER_SOURCENOTIFYFACTS_H

#include <string>
#include <vector>

namespace bpftidy {

struct SourceNotifyFact {
  /// Canonical absolute path (llvm::sys::fs::real_path) of the file
  /// holding the helper's `return`.
  std::string File;
  /// Byte offset of the `return` keyword's spelling in that file.
  unsigned Offset = 0;
  /// Whether notifying at this `return` is safe in this translation unit.
  bool Safe = false;
  /// Why it is not (empty when it is).
  std::string Why;
};

/// Records \p Fact. Thread-safe.
void recordSourceNotifyFact(SourceNotifyFact Fact);

/// The facts recorded since the last call, in the order recorded.
/// Thread-safe.
std::vector<SourceNotifyFact> takeSourceNotifyFacts();

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_SOURCENOTIFYFACTS_H
