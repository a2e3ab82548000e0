//===- FindingMerger.h - one finding per site across units ------*- C++ -*-===//
//
// The same site is found in many units: every configuration, every source
// that includes the header holding it. Findings are merged by check, file,
// offset and message (the check keeps its message the same for every
// occurrence of a site), remembering the configurations each occurs in.
// A fix is kept only if every unit that found the site proposed the very
// same edit; otherwise the site is reported without a fix, and a note says
// why.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_FINDINGMERGER_H
#define BPF_TIDY_CLI_FINDINGMERGER_H

#include "analyzer/core/NoteReason.h"
#include "analyzer/core/SiteFacts.h"
#include "cli/AnalysisUnit.h"
#include "cli/UnitRunner.h"
#include <string>
#include <vector>

namespace bpftidy {

struct MergedFinding {
  /// The first unit's diagnostic; its fix is cleared when units disagree.
  clang::tidy::ClangTidyError Error;
  /// What each note of Error is for (core/NoteReason.h), in step with
  /// Error.Notes.
  std::vector<NoteReason> NoteReasons;
  /// Configurations in which the site was found, in order of first sight.
  std::vector<std::string> Configurations;
  /// Why the fix was withheld, if it was.
  std::string FixWithheld;
  /// When configurations proposed different edits: one (configuration,
  /// replacement text) per distinct edit. Applying fixes reports them as a
  /// refused edit.
  std::vector<std::pair<std::string, std::string>> ConflictingFixes;
  /// The edits of ConflictingFixes, in step with it: a guarded fix among
  /// them may still be taken (withholdDisputedFixes).
  std::vector<llvm::StringMap<clang::tooling::Replacements>> ConflictingEdits;
};

struct MergedFindings {
  std::vector<MergedFinding> Findings;
  /// Every configuration analysed, in order.
  std::vector<std::string> Configurations;
};

/// Merges \p Results (one per unit of \p Units, in the same order).
MergedFindings mergeFindings(const std::vector<AnalysisUnit> &Units,
                             const std::vector<UnitResult> &Results);

/// Withholds the fix of the findings of \p Check at (\p File, \p Offset),
/// saying \p Why in a note.
void withholdFixesAt(MergedFindings &Merged, llvm::StringRef Check,
                     llvm::StringRef File, unsigned Offset,
                     llvm::StringRef Why);

/// Withholds the fix of sites that some unit says is wrong there
/// (analyzer/core/SiteFacts.h, gathered from every unit): a helper `return`
/// where notifying at the source is safe in some configurations but not
/// in others, and a `return` whose value may be a valid verdict in some
/// configuration, where wrapping it would drop the packet. Where a
/// configuration fixes such a `return` under a guard that spares every
/// verdict the others report, and the others wrap the same notification
/// whole (their value is a drop reason there, which the guard notifies
/// too), the guarded fix is taken.
void withholdDisputedFixes(MergedFindings &Merged,
                           const std::vector<SiteFact> &Facts);

/// The diagnostics to print or export: one per finding, with a note naming
/// the configurations when more than one was analysed, and a note saying
/// why a fix was withheld. \p Reasons, if given, receives what each note of
/// each diagnostic is for.
std::vector<clang::tidy::ClangTidyError>
diagnosticsOf(const MergedFindings &Merged,
              std::vector<std::vector<NoteReason>> *Reasons = nullptr);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_FINDINGMERGER_H
