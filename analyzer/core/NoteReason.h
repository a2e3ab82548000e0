//===- NoteReason.h - what a note of a finding is for ------------*- C++
//-*-===//
//
// A driver that merges findings across configurations must know what each
// note says without reading its words: a note that explains a fix goes when
// the fix is withheld, and a note saying why there is no fix is the answer
// a migration report gives. A check attaches a reason to every note it
// emits; the reasons travel beside the diagnostics (clang-tidy's carry only
// text), recorded on a thread whose driver asked for them, like the site
// facts (SiteFacts.h). Under stock clang-tidy nothing is recorded.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_NOTEREASON_H
#define BPF_TIDY_ANALYZER_CORE_NOTEREASON_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace bpftidy {

enum class NoteReason {
  /// Explains the finding (where a macro is expanded, what a value holds).
  Explanation,
  /// Explains the fix (where its direction comes from); void without it.
  FixDetail,
  /// Points at the notification that proves the fix at run time when that
  /// is not the edit itself (`ret = invoke(...)` is notified by the error
  /// block further down); void without the fix.
  FixEffect,
  /// Says why there is no fix.
  NoFix,
  /// Points at a program's `return` that hands a helper's drop to the
  /// kernel (merged across configurations by the driver).
  KernelReturn,
  /// Names the configurations a site was found in (added by the driver).
  Configurations,
};

/// The reason's name in machine-readable reports: "explanation",
/// "fix-detail", "fix-effect", "no-fix", "kernel-return", "configurations".
llvm::StringRef noteReasonName(NoteReason Reason);

/// One note a check emitted: the finding it belongs to (check, file as
/// the diagnostic names it, offset), its text and its reason.
struct NoteTag {
  std::string Check;
  std::string File;
  unsigned Offset = 0;
  std::string Text;
  NoteReason Reason = NoteReason::Explanation;
};

/// Where the translation units analysed on this thread record their note
/// reasons; null (the default) records nothing.
void setNoteTagSink(std::vector<NoteTag> *Sink);

/// Whether note reasons are being recorded on this thread.
bool noteTagsWanted();

/// Records \p Tag into this thread's sink, if any.
void recordNoteTag(NoteTag Tag);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_NOTEREASON_H
