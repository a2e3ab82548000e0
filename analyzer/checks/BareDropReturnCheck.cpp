//===- BareDropReturnCheck.cpp - bpf-bare-drop-return ---------------------===//

#include "analyzer/checks/BareDropReturnCheck.h"
#include "rewriters/NotificationTemplate.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <set>

namespace clang::tidy::bpf {

const bpftidy::CheckRule BareDropReturnCheck::Rule = {
    "bpf-bare-drop-return",
    "A BPF program or tail call returns a drop reason to the kernel without "
    "a drop notification",
    "A program or tail call that returns a negative drop reason (DROP_*) to "
    "the kernel, literally or through a variable or helper, without a drop "
    "notification helper seeing it: the drop is silent (no event, no "
    "metric), and the kernel takes the value for an unknown verdict and may "
    "let the packet pass. The fix returns the notification helper's verdict "
    "instead.",
    "docs/checks/bpf-bare-drop-return.md",
    "Notify the drop and return its verdict"};

BareDropReturnCheck::BareDropReturnCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : WholeUnitCheck(Name, Context), Finder(conventions(), Name),
      Planner(conventions(), Finder.matcher()) {}

void BareDropReturnCheck::onUnitPreprocessor(Preprocessor &PP) {
  PP.addPPCallbacks(Notifications.recorder(Finder.matcher().notifyHelpers()));
  Planner.useExpansions(&Notifications);
}

void BareDropReturnCheck::finishUnit(ASTContext &Ctx, Preprocessor &PP) {
  Finder.finish(Ctx);
  for (const bpftidy::BareDropSite &Site : Finder.sites())
    report(Site, Ctx, PP);
}

void BareDropReturnCheck::clearUnit() {
  Finder.clear();
  Planner.reset();
  Notifications.clear();
}

/// Who returns the value. It names no kind of function: a
/// declare_tailcall_if() function is a tail call in one configuration and an
/// inline helper in another, and the message must be the same in all of them
/// for repeats of one site to collapse into one finding.
static std::string whoReturns(const bpftidy::BareDropSite &Site) {
  if (!Site.Macro.empty())
    return (Site.MacroGeneratesFunction ? "functions expanded from '"
                                        : "functions using macro '") +
           Site.Macro + "' return";
  return "'" + Site.Occurrences.front().Function->getName().str() + "' returns";
}

void BareDropReturnCheck::report(const bpftidy::BareDropSite &Site,
                                 ASTContext &Ctx, Preprocessor &PP) {
  const SourceManager &SM = Ctx.getSourceManager();
  const bpftidy::BareDropOccurrence &First = Site.Occurrences.front();
  const std::string Who = whoReturns(Site);
  const bool Propagated = First.Kind == bpftidy::BareDropKind::Propagated;

  bpftidy::FixPlan Plan = Planner.plan(Site, Ctx, PP);
  {
    // The message is the same for every expansion and configuration, so
    // that repeats of one site collapse into one finding.
    auto Diag =
        Propagated
            ? diag(Site.Location,
                   "%0 %1, which may hold %2, to the kernel without a drop "
                   "notification: the drop is silent, and the kernel takes "
                   "the value for an unknown verdict and may let the packet "
                   "pass")
                  << Who << First.Returned << First.From
            : diag(Site.Location,
                   "%0 drop reason '%1' to the kernel without a drop "
                   "notification: the drop is silent, and the kernel takes "
                   "the value for an unknown verdict and may let the packet "
                   "pass")
                  << Who << First.Reason.Name;
    if (Plan.Fix)
      Diag << fixIt(Site.Location, Plan.Fix->Edit);
  }

  using bpftidy::NoteReason;
  if (Propagated && !First.Reasons.empty())
    note(Site.Location, Site.Location, NoteReason::Explanation,
         "drop reasons it may carry here: " + llvm::join(First.Reasons, ", "));
  // One note per helper (per expansion of a generating macro) naming the
  // programs that return its value.
  llvm::StringSet<> Explained;
  for (const bpftidy::BareDropOccurrence &O : Site.Occurrences) {
    if (O.Info.isProgram() || !Explained.insert(O.Function->getName()).second)
      continue;
    std::vector<std::string> Names;
    for (const auto &[Program, Info] : O.Programs)
      Names.push_back((bpftidy::ProgramClassifier::describe(Info.Kind) + " '" +
                       Program->getName() + "'")
                          .str());
    if (!Names.empty())
      note(Site.Location, Site.Location, NoteReason::Explanation,
           "the value of '" + O.Function->getName().str() +
               "' is returned to the kernel by " + llvm::join(Names, ", ") +
               ", so the drop is notified where it is made");
  }
  // Where the drop reaches the kernel, so that a reviewer (and SARIF's
  // related locations, and a grep for that line) finds it. The text names
  // no kind of function: it must be the same in every configuration.
  std::set<std::pair<unsigned, std::string>> Handed;
  bool Shown = shownByHeaderFilters(Site.Location);
  for (const bpftidy::BareDropOccurrence &O : Site.Occurrences)
    for (const bpftidy::KernelReturn &K : O.KernelReturns) {
      if (!K.Return || !Shown)
        continue;
      SourceLocation Where = SM.getFileLoc(K.Return->getReturnLoc());
      std::string Text = "'" + K.Program->getName().str() +
                         "' hands the value of '" + K.Callee->getName().str() +
                         "' to the kernel here";
      if (Handed.emplace(Where.getRawEncoding(), Text).second)
        note(Site.Location, Where, NoteReason::KernelReturn, Text);
    }
  if (Site.MacroGeneratesFunction) {
    llvm::StringSet<> Named;
    for (const bpftidy::BareDropOccurrence &O : Site.Occurrences)
      if (Named.insert(O.Function->getName()).second)
        note(Site.Location, SM.getExpansionLoc(O.Return->getReturnLoc()),
             NoteReason::Explanation,
             (bpftidy::ProgramClassifier::describe(O.Info.Kind) + " '" +
              O.Function->getName() + "' is expanded here")
                 .str());
  }
  if (!Plan.Fix)
    note(Site.Location, Site.Location, NoteReason::NoFix,
         "no fix offered: " + Plan.WhyNot);
  else
    fixSourceNotes(Site.Location, Plan.Fix->DirectionSource,
                   Plan.Fix->SiblingArguments);
  if (Plan.Fix && !Plan.Fix->Guard.empty())
    note(Site.Location, Site.Location, NoteReason::FixDetail,
         "the value may also be a valid verdict: the fix notifies it only "
         "when '" +
             Plan.Fix->Guard + "' and returns every other value as it is");
}

} // namespace clang::tidy::bpf
