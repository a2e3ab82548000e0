//===- FixApplier.h - write the merged fixes --------------------*- C++ -*-===//
//
// Collects the fixes of the merged findings into an edit set, which merges
// identical edits, refuses conflicting ones and files changed since they
// were parsed, and writes each file atomically.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_FIXAPPLIER_H
#define BPF_TIDY_CLI_FIXAPPLIER_H

#include "cli/FindingMerger.h"
#include "cli/RecordingFileSystem.h"
#include "rewriters/EditSet.h"

namespace bpftidy {

struct FixOutcome {
  /// Findings whose every edit was written.
  unsigned Fixed = 0;
  /// Per finding of the merged findings, in order: whether it was fixed.
  std::vector<bool> FindingFixed;
  /// Some edit was refused (conflict, changed file, write failure).
  bool Refused = false;
};

/// Applies the fixes of \p Merged; \p Log holds what the parser read (the
/// text and the file). Reports refusals on stderr; with \p Quiet, no
/// per-file lines. \p Links: what to do with a file with other hard links.
FixOutcome applyFixes(const MergedFindings &Merged, const ReadLog &Log,
                      bool Quiet, rewriters::EditSet::HardLinks Links);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_FIXAPPLIER_H
