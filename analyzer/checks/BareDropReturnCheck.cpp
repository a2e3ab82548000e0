//===- BareDropReturnCheck.cpp - bpf-bare-drop-return ---------------------===//

#include "analyzer/BareDropReturnCheck.h"
#include "analyzer/PreprocessorFootprint.h"
#include "rewriters/NotificationTemplate.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bpf {

namespace {
/// The default DirectionMapping: Cilium's conntrack directions, whose values
/// differ from the metric directions they stand for.
const char *DefaultDirectionMapping =
    "CT_EGRESS=METRIC_EGRESS;CT_INGRESS=METRIC_INGRESS";

/// Reads the check's options once, reporting malformed ones.
bpftidy::BareDropOptions readOptions(ClangTidyCheck::OptionsView &View,
                                     ClangTidyCheck &Check) {
  bpftidy::BareDropOptions O;
  std::string Error;
  bpftidy::parsePatternRules(DefaultDirectionMapping, O.DirectionMapping,
                             Error);
  auto Str = [&](StringRef Name, std::string &Field) {
    Field = View.get(Name, Field).str();
  };
  Str("DropReasonPattern", O.DropReasonPattern);
  O.NegativeConstantsAreDrops =
      View.get("NegativeConstantsAreDrops", O.NegativeConstantsAreDrops);
  O.NotifyHelpers = bpftidy::splitOptionList(
      View.get("NotifyHelpers", bpftidy::joinOptionList(O.NotifyHelpers)));
  O.TailCallHelpers = bpftidy::splitOptionList(
      View.get("TailCallHelpers", bpftidy::joinOptionList(O.TailCallHelpers)));
  Str("TailCallSections", O.TailCallSections);
  Str("TailCallTags", O.TailCallTags);
  Str("IgnoredSections", O.IgnoredSections);
  Str("NotifyPreset", O.NotifyPreset);
  Str("NotifyTemplate", O.NotifyTemplate);
  Str("SourceExpression", O.SourceExpression);
  Str("ExitCode", O.ExitCode);
  Str("ExtError", O.ExtError);
  Str("Destination", O.Destination);
  Str("DestinationId", O.DestinationId);
  Str("DirectionPattern", O.DirectionPattern);
  Str("DirectionDispatch", O.DirectionDispatch);
  Str("DefaultDirection", O.DefaultDirection);
  O.ColumnLimit = View.get("ColumnLimit", O.ColumnLimit);
  O.TabWidth = View.get("TabWidth", O.TabWidth);

  for (auto [Name, Rules] :
       {std::pair<StringRef, std::vector<bpftidy::PatternRule> *>{
            "DirectionMapping", &O.DirectionMapping},
        {"DirectionRules", &O.DirectionRules}}) {
    std::string Default = bpftidy::printPatternRules(*Rules);
    if (!bpftidy::parsePatternRules(View.get(Name, Default), *Rules, Error))
      Check.configurationDiag("invalid %0 option: %1") << Name << Error;
  }

  for (auto [Name, Pattern] : {std::pair<StringRef, std::string *>{
                                   "DropReasonPattern", &O.DropReasonPattern},
                               {"TailCallSections", &O.TailCallSections},
                               {"TailCallTags", &O.TailCallTags},
                               {"IgnoredSections", &O.IgnoredSections},
                               {"DirectionPattern", &O.DirectionPattern}}) {
    if (!llvm::Regex(*Pattern).isValid(Error))
      Check.configurationDiag("invalid regular expression in %0: %1")
          << Name << Error;
  }
  for (const auto &Rule : O.DirectionRules)
    if (!llvm::Regex(Rule.Pattern).isValid(Error))
      Check.configurationDiag("invalid regular expression in DirectionRules: "
                              "%0")
          << Error;
  if (!O.NotifyTemplate.empty())
    if (llvm::Error E = bpftidy::rewriters::validateTemplate(O.NotifyTemplate))
      Check.configurationDiag("invalid NotifyTemplate '%0': %1",
                              DiagnosticIDs::Error)
          << O.NotifyTemplate << llvm::toString(std::move(E));
  if (O.NotifyPreset != "auto" && O.NotifyPreset != "custom" &&
      !bpftidy::rewriters::findNotifyPreset(O.NotifyPreset))
    Check.configurationDiag("unknown NotifyPreset '%0'") << O.NotifyPreset;
  return O;
}

} // namespace

BareDropReturnCheck::BareDropReturnCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Config(readOptions(Options, *this)),
      Finder(Config), Planner(Config, Finder.matcher()) {}

void BareDropReturnCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  const bpftidy::BareDropOptions &O = Config;
  auto &View = Options;
  View.store(Opts, "DropReasonPattern", O.DropReasonPattern);
  View.store(Opts, "NegativeConstantsAreDrops", O.NegativeConstantsAreDrops);
  View.store(Opts, "NotifyHelpers", bpftidy::joinOptionList(O.NotifyHelpers));
  View.store(Opts, "TailCallSections", O.TailCallSections);
  View.store(Opts, "TailCallTags", O.TailCallTags);
  View.store(Opts, "IgnoredSections", O.IgnoredSections);
  View.store(Opts, "NotifyPreset", O.NotifyPreset);
  View.store(Opts, "NotifyTemplate", O.NotifyTemplate);
  View.store(Opts, "SourceExpression", O.SourceExpression);
  View.store(Opts, "ExitCode", O.ExitCode);
  View.store(Opts, "ExtError", O.ExtError);
  View.store(Opts, "Destination", O.Destination);
  View.store(Opts, "DestinationId", O.DestinationId);
  View.store(Opts, "DirectionPattern", O.DirectionPattern);
  View.store(Opts, "DirectionMapping",
             bpftidy::printPatternRules(O.DirectionMapping));
  View.store(Opts, "DirectionDispatch", O.DirectionDispatch);
  View.store(Opts, "DirectionRules",
             bpftidy::printPatternRules(O.DirectionRules));
  View.store(Opts, "TailCallHelpers",
             bpftidy::joinOptionList(O.TailCallHelpers));
  View.store(Opts, "DefaultDirection", O.DefaultDirection);
  View.store(Opts, "ColumnLimit", O.ColumnLimit);
  View.store(Opts, "TabWidth", O.TabWidth);
}

void BareDropReturnCheck::registerPPCallbacks(const SourceManager &,
                                              Preprocessor *PP,
                                              Preprocessor *) {
  this->PP = PP;
  bpftidy::recordFootprint(*PP);
  PP->addPPCallbacks(Notifications.recorder(Finder.matcher().notifyHelpers()));
  Planner.useExpansions(&Notifications);
}

void BareDropReturnCheck::registerMatchers(MatchFinder *Finder) {
  // Programs are recognised by their attributes in check(); matching every
  // definition is cheap and keeps the policy in one place.
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
}

void BareDropReturnCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("function"))
    this->Finder.addFunction(*F, *Result.Context);
}

void BareDropReturnCheck::onEndOfTranslationUnit() {
  if (Context && PP) {
    Finder.finish(*Context);
    for (const bpftidy::BareDropSite &Site : Finder.sites())
      report(Site);
  }
  Finder.clear();
  Planner.reset();
  Notifications.clear();
  Context = nullptr;
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

void BareDropReturnCheck::report(const bpftidy::BareDropSite &Site) {
  const SourceManager &SM = Context->getSourceManager();
  const bpftidy::BareDropOccurrence &First = Site.Occurrences.front();
  const std::string Who = whoReturns(Site);
  const bool Propagated = First.Kind == bpftidy::BareDropKind::Propagated;

  bpftidy::FixPlan Plan = Planner.plan(Site, *Context, *PP);
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
    if (Plan.Fix) {
      const tooling::Replacement &Edit = Plan.Fix->Edit;
      FileID File = SM.getFileID(Site.Location);
      SourceLocation Begin =
          SM.getLocForStartOfFile(File).getLocWithOffset(Edit.getOffset());
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(
              Begin, Begin.getLocWithOffset(Edit.getLength())),
          Edit.getReplacementText());
    }
  }

  if (Propagated && !First.Reasons.empty())
    diag(Site.Location, "drop reasons it may carry here: %0",
         DiagnosticIDs::Note)
        << llvm::join(First.Reasons, ", ");
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
      diag(Site.Location,
           "the value of '%0' is returned to the kernel by %1, so the drop "
           "is notified where it is made",
           DiagnosticIDs::Note)
          << O.Function->getName() << llvm::join(Names, ", ");
  }
  if (Site.MacroGeneratesFunction) {
    llvm::StringSet<> Named;
    for (const bpftidy::BareDropOccurrence &O : Site.Occurrences)
      if (Named.insert(O.Function->getName()).second)
        diag(SM.getExpansionLoc(O.Return->getReturnLoc()),
             "%0 '%1' is expanded here", DiagnosticIDs::Note)
            << bpftidy::ProgramClassifier::describe(O.Info.Kind)
            << O.Function->getName();
  }
  if (!Plan.Fix)
    diag(Site.Location, "no fix offered: %0", DiagnosticIDs::Note)
        << Plan.WhyNot;
  else if (!Plan.Fix->DirectionSource.empty())
    diag(Site.Location, "drop direction taken from %0", DiagnosticIDs::Note)
        << Plan.Fix->DirectionSource;
}

} // namespace clang::tidy::bpf
