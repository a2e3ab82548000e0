//===- IgnoredTailCallResultCheck.cpp -------------------------------------===//

#include "analyzer/checks/IgnoredTailCallResultCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::bpf {

const bpftidy::CheckRule IgnoredTailCallResultCheck::Rule = {
    "bpf-ignored-tail-call-result",
    "The value of a tail-call invocation never reaches the caller's error "
    "block",
    "A tail-call invocation has a value: the drop reason of a missed tail "
    "call (tail_call_internal(), invoke_tailcall_if()'s tail-call form), "
    "or, where invoke_tailcall_if() calls its function inline, that "
    "function's verdict. Used as a statement, the value is thrown away; in "
    "the inline form of a statement macro ('return FUNC(ctx)') it is "
    "returned past the error block that notifies it in the other "
    "configurations. Either way an error is never notified. The fix "
    "assigns the value to the variable the caller's error block notifies.",
    "docs/checks/bpf-ignored-tail-call-result.md",
    "Assign the tail-call result to the variable the error block notifies"};

IgnoredTailCallResultCheck::IgnoredTailCallResultCheck(
    StringRef Name, ClangTidyContext *Context)
    : WholeUnitCheck(Name, Context), Finder(conventions()) {}

void IgnoredTailCallResultCheck::onUnitPreprocessor(Preprocessor &PP) {
  PP.addPPCallbacks(Finder.invocations().recorder(Finder.macros()));
}

void IgnoredTailCallResultCheck::finishUnit(ASTContext &Ctx, Preprocessor &PP) {
  Finder.finish(Ctx, PP);
  for (const bpftidy::IgnoredTailCallResultSite &Site : Finder.sites())
    report(Site, Ctx);
}

void IgnoredTailCallResultCheck::clearUnit() { Finder.clear(); }

void IgnoredTailCallResultCheck::report(
    const bpftidy::IgnoredTailCallResultSite &Site, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  using bpftidy::IgnoredResultKind;
  const bpftidy::FollowingNotification *Block = nullptr;
  for (const bpftidy::IgnoredResultOccurrence &O : Site.Occurrences)
    if (O.Notification && !Block)
      Block = &*O.Notification;
  // The same words in every expansion and configuration, so that repeats
  // of one site collapse into one finding.
  {
    auto Diag =
        Site.Kind == IgnoredResultKind::Discarded
            ? diag(Site.Location,
                   "the value of tail-call invocation '%0' is discarded: "
                   "%select{a missed tail call ('%2')|a missed tail call "
                   "('%2'), or the error of the function it calls inline,}1 "
                   "is never notified")
                  << Site.Invocation << Site.ThroughMacro
                  << conventions().MissedTailCallReason
            : diag(Site.Location,
                   "where '%0' calls %select{its function|'%2'}1 inline, it "
                   "returns that value past the error block of '%3' that "
                   "its tail-call form reaches: an error is never notified "
                   "there")
                  << Site.Invocation << !Site.Inlined.empty() << Site.Inlined
                  << Block->Variable->getName();
    if (Site.Fix)
      Diag << fixIt(Site.Location, *Site.Fix);
  }

  using bpftidy::NoteReason;
  if (Block)
    note(Site.Location, SM.getSpellingLoc(Block->Block->getIfLoc()),
         NoteReason::Explanation,
         "the error block that notifies '" + Block->Variable->getName().str() +
             "'");
  // Where the fix shows at run time: the notification each error block
  // returns, at the line its __LINE__ evaluates to (a migration proves the
  // fix there, not at the edit).
  if (Site.Fix) {
    llvm::SmallVector<SourceLocation, 2> Notified;
    for (const bpftidy::IgnoredResultOccurrence &O : Site.Occurrences) {
      if (!O.Notification || !O.Notification->Notification)
        continue;
      SourceLocation At =
          SM.getExpansionLoc(O.Notification->Notification->getBeginLoc());
      if (llvm::is_contained(Notified, At))
        continue;
      Notified.push_back(At);
      note(Site.Location, At, NoteReason::FixEffect,
           "the assigned value is notified here: where the fix shows at run "
           "time");
    }
  }
  if (!Site.Fix)
    note(Site.Location, Site.Location, NoteReason::NoFix,
         "no fix offered: " + Site.WhyNoFix);
}

} // namespace clang::tidy::bpf
