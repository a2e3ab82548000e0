//===- UnnotifiedMissedTailCallCheck.cpp ----------------------------------===//

#include "analyzer/checks/UnnotifiedMissedTailCallCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::bpf {

const bpftidy::CheckRule UnnotifiedMissedTailCallCheck::Rule = {
    "bpf-unnotified-missed-tail-call",
    "A path that goes on after a missed tail call reaches the kernel without "
    "a notification of the miss",
    "A tail call returns when its slot is empty (or the tail-call limit is "
    "reached), and the program goes on. A path from there that returns a "
    "verdict, or a variable still holding its value from before the tail "
    "call, hands the packet to the kernel without notifying "
    "DROP_MISSED_TAIL_CALL: the miss is silent and the packet may pass. The "
    "fix returns the notification of DROP_MISSED_TAIL_CALL on that path.",
    "docs/checks/bpf-unnotified-missed-tail-call.md",
    "Notify the missed tail call and return its verdict"};

UnnotifiedMissedTailCallCheck::UnnotifiedMissedTailCallCheck(
    StringRef Name, ClangTidyContext *Context)
    : WholeUnitCheck(Name, Context), Finder(conventions()) {}

void UnnotifiedMissedTailCallCheck::onUnitPreprocessor(Preprocessor &PP) {
  PP.addPPCallbacks(Notifications.recorder(Finder.matcher().notifyHelpers()));
  PP.addPPCallbacks(Finder.siteRecorder());
  Finder.useExpansions(&Notifications);
}

void UnnotifiedMissedTailCallCheck::finishUnit(ASTContext &Ctx,
                                               Preprocessor &PP) {
  Finder.finish(Ctx, PP);
  for (const bpftidy::MissedTailCallSite &Site : Finder.sites())
    report(Site, Ctx);
}

void UnnotifiedMissedTailCallCheck::clearUnit() {
  Finder.clear();
  Notifications.clear();
}

void UnnotifiedMissedTailCallCheck::report(
    const bpftidy::MissedTailCallSite &Site, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // The same words for every expansion and configuration, so that repeats
  // of one site collapse into one finding.
  std::string Who =
      Site.Macro.empty()
          ? "'" + Site.Occurrences.front().Call.Function->getName().str() + "'"
          : "the functions using macro '" + Site.Macro + "'";
  {
    auto Diag = diag(Site.Location,
                     "when this tail call misses (empty slot), %0 go%select{"
                     "es|}1 on and return%select{s|}1 without notifying "
                     "'%2': the missed tail call is silent, and the packet "
                     "may pass")
                << Who << !Site.Macro.empty()
                << conventions().MissedTailCallReason;
    if (Site.Fix)
      Diag << fixIt(Site.Location, *Site.Fix);
  }

  using bpftidy::NoteReason;
  llvm::StringSet<> Noted;
  for (const bpftidy::MissedTailCallOccurrence &O : Site.Occurrences)
    for (const bpftidy::SilentEnd &End : O.Silent) {
      SourceLocation Where = SM.getExpansionLoc(End.Return->getReturnLoc());
      std::string Text = "after a missed tail call, '" +
                         O.Call.Function->getName().str() + "' returns here " +
                         End.What;
      if (Noted.insert(Text).second)
        note(Site.Location, Where, NoteReason::Explanation, Text);
    }
  if (!Site.Fix)
    note(Site.Location, Site.Location, NoteReason::NoFix,
         "no fix offered: " + Site.WhyNoFix);
  else
    fixSourceNotes(Site.Location, Site.DirectionSource, Site.SiblingArguments);
}

} // namespace clang::tidy::bpf
