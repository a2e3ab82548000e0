//===- NoLint.h - whether NOLINT silences a finding of a check --*- C++ -*-===//
//
// A source finding the check would report is silenced by `NOLINT`,
// `NOLINTNEXTLINE` or a `NOLINTBEGIN`/`NOLINTEND` block naming the check (or
// no check), on the line of the finding or of any macro expansion it is in.
// The cross-check asks clang-tidy's own NOLINT reader, the one that
// silences the check's diagnostics, with a diagnostic at the same place.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_NOLINT_H
#define BPF_TIDY_AUDIT_NOLINT_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace clang {
class SourceManager;
} // namespace clang

namespace bpftidy::audit {

class NoLintReader {
public:
  /// Reads the NOLINT comments of the files of \p SM, for \p CheckName.
  NoLintReader(const clang::SourceManager &SM, llvm::StringRef CheckName);
  ~NoLintReader();

  /// Whether a diagnostic of the check at \p Location would be silenced.
  bool silences(clang::SourceLocation Location);

private:
  class Impl;
  std::unique_ptr<Impl> PImpl;
};

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_NOLINT_H
