//===- BareDropFixPlanner.cpp ---------------------------------------------===//

#include "analyzer/checks/BareDropFixPlanner.h"
#include "analyzer/checks/GuardedNotification.h"
#include "analyzer/core/EditableRange.h"
#include "analyzer/core/MacroInvocation.h"
#include "analyzer/core/SiteFacts.h"
#include "rewriters/KernelStyleLayout.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FileSystem.h"
#include <set>

using namespace clang;

namespace bpftidy {

BareDropFixPlanner::BareDropFixPlanner(const Conventions &Options,
                                       const DropReasonMatcher &Matcher)
    : Options(Options), Directions(Options, Matcher), Calls(Options) {}

void BareDropFixPlanner::reset() {
  Calls.reset();
  Directions.reset();
}

std::optional<Direction>
BareDropFixPlanner::occurrenceDirection(const BareDropOccurrence &O,
                                        ASTContext &Ctx, Preprocessor &PP,
                                        std::string &WhyNot) {
  if (O.Info.isProgram())
    return Directions.programDirection(*O.Function, O.Info, Ctx, PP, WhyNot);
  // A helper's drops go the way of the programs returning its value; they
  // must all agree.
  std::optional<Direction> Agreed;
  for (const auto &[Program, Info] : O.Programs) {
    auto Dir = Directions.programDirection(*Program, Info, Ctx, PP, WhyNot);
    if (!Dir)
      return std::nullopt;
    if (Agreed && Agreed->Expression != Dir->Expression) {
      WhyNot = "the programs returning the value of '" +
               O.Function->getName().str() +
               "' drop in different directions ('" +
               O.Programs.front().first->getName().str() +
               "': " + Agreed->Expression + ", '" + Program->getName().str() +
               "': " + Dir->Expression + ")";
      return std::nullopt;
    }
    if (!Agreed)
      Agreed =
          Direction{Dir->Expression, Dir->Source +
                                         " (which returns the "
                                         "value of '" +
                                         O.Function->getName().str() + "')"};
  }
  if (!Agreed)
    WhyNot =
        "no program returns the value of '" + O.Function->getName().str() + "'";
  return Agreed;
}

std::optional<Direction>
BareDropFixPlanner::siteDirection(const BareDropSite &Site, ASTContext &Ctx,
                                  Preprocessor &PP, std::string &WhyNot) {
  const SourceManager &SM = Ctx.getSourceManager();

  // What each program says on its own (notifications, rules, default).
  std::vector<std::optional<Direction>> PerProgram;
  std::string FirstWhyNot;
  for (const BareDropOccurrence &O : Site.Occurrences) {
    std::string Why;
    PerProgram.push_back(occurrenceDirection(O, Ctx, PP, Why));
    if (!PerProgram.back() && FirstWhyNot.empty())
      FirstWhyNot = Why;
  }

  // In a macro body, a parameter that carries a direction in every
  // expansion gives an expression right for each of them.
  if (!Site.Macro.empty()) {
    std::vector<MacroInvocation> Invocations;
    for (const BareDropOccurrence &O : Site.Occurrences) {
      auto Invocation = macroInvocationOf(
          SM.getFileID(O.Return->getReturnLoc()), SM, Ctx.getLangOpts(), PP);
      if (!Invocation)
        break;
      Invocations.push_back(std::move(*Invocation));
    }
    if (Invocations.size() == Site.Occurrences.size()) {
      std::vector<std::string> Candidates;
      for (const std::string &Param : Invocations.front().Params) {
        bool AllMapped = true;
        for (const MacroInvocation &I : Invocations) {
          const std::string *Arg = I.argFor(Param);
          AllMapped &= Arg && Directions.directionOfConstant(*Arg).has_value();
        }
        if (AllMapped)
          Candidates.push_back(Param);
      }
      if (Candidates.size() == 1) {
        const std::string &Param = Candidates.front();
        bool HoldsMetric = true;
        for (size_t I = 0; I < Invocations.size(); ++I) {
          const std::string &Arg = *Invocations[I].argFor(Param);
          std::string Mapped = *Directions.directionOfConstant(Arg);
          HoldsMetric &= Mapped == llvm::StringRef(Arg).trim();
          // The parameter must agree with what the program says elsewhere.
          if (PerProgram[I] && PerProgram[I]->Expression != Mapped) {
            WhyNot = "macro parameter '" + Param + "' gives " + Mapped +
                     " for '" + Site.Occurrences[I].Function->getName().str() +
                     "', but " + PerProgram[I]->Source + " say " +
                     PerProgram[I]->Expression;
            return std::nullopt;
          }
        }
        std::string Expression =
            Directions.parameterExpression(Param, HoldsMetric);
        if (!Expression.empty())
          return Direction{Expression, "macro parameter '" + Param + "' of '" +
                                           Site.Macro + "'"};
      }
    }
  }

  std::set<std::string> Distinct;
  for (const auto &D : PerProgram) {
    if (!D) {
      WhyNot = FirstWhyNot;
      return std::nullopt;
    }
    Distinct.insert(D->Expression);
  }
  if (Distinct.size() == 1)
    return PerProgram.front();
  WhyNot = Site.Macro.empty()
               ? "the programs returning this value drop in different "
                 "directions"
               : "the functions using '" + Site.Macro +
                     "' drop in different directions and no macro parameter "
                     "carries the direction (see DirectionMapping)";
  return std::nullopt;
}

FixPlan BareDropFixPlanner::plan(const BareDropSite &Site, ASTContext &Ctx,
                                 Preprocessor &PP) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  FixPlan Plan;

  // One text range, the same for every occurrence.
  EditableRange Range;
  for (const BareDropOccurrence &O : Site.Occurrences) {
    EditableRange This = editableRange(*O.Return->getRetValue(),
                                       O.Return->getReturnLoc(), SM, LO);
    if (!This.isValid()) {
      Plan.WhyNot = This.WhyNot;
      return Plan;
    }
    if (Range.isValid() && (This.Range.getBegin() != Range.Range.getBegin() ||
                            This.Range.getEnd() != Range.Range.getEnd())) {
      Plan.WhyNot = "the returned value is spelled differently in different "
                    "expansions";
      return Plan;
    }
    Range = This;
  }

  // A value of which nothing is known where the same text runs elsewhere
  // is not rewritten at all.
  for (const BareDropOccurrence &O : Site.Occurrences) {
    if (!O.WhyNoFix.empty()) {
      Plan.WhyNot = O.WhyNoFix;
      return Plan;
    }
  }

  // ${ctx}: the context parameter of the function holding the return (the
  // program's, or the helper's that receives it), named alike everywhere.
  std::string ContextName;
  for (const BareDropOccurrence &O : Site.Occurrences) {
    if (!O.Context) {
      Plan.WhyNot = O.WhyNoContext;
      return Plan;
    }
    std::string Name = O.Context->getName().str();
    if (!ContextName.empty() && Name != ContextName) {
      Plan.WhyNot = "the context parameter is named differently in "
                    "different expansions";
      return Plan;
    }
    ContextName = Name;
  }

  // A value that may also be a verdict is notified only under a guard.
  bool Guard = false, SpareMinusOne = false;
  for (const BareDropOccurrence &O : Site.Occurrences) {
    Guard |= O.NeedsGuard;
    SpareMinusOne |= O.GuardSparesMinusOne;
  }
  const std::string ValueText = Lexer::getSourceText(Range.Range, SM, LO).str();
  GuardedValue Guarded;
  std::string Condition;
  if (Guard) {
    const BareDropOccurrence &First = Site.Occurrences.front();
    Guarded = guardedValue(*First.Return->getRetValue(), ValueText,
                           *First.Function, Ctx);
    if (!Guarded.WhyNot.empty()) {
      Plan.WhyNot =
          "the value may also be a valid verdict, and " + Guarded.WhyNot;
      return Plan;
    }
    Condition = guardCondition(Guarded.Tested, SpareMinusOne, Ctx, PP);
  }

  const std::string *Template = Calls.templateFor(Ctx, PP, Plan.WhyNot);
  if (!Template)
    return Plan;
  Directions.useTemplate(*Template);
  auto Direction = [&](std::string &WhyNot) {
    return siteDirection(Site, Ctx, PP, WhyNot);
  };
  NotificationArguments Args{ContextName, Guard ? Guarded.Tested : ValueText,
                             Direction};
  Args.Xdp = llvm::all_of(Site.Occurrences, [](const BareDropOccurrence &O) {
    return !O.Programs.empty() &&
           llvm::all_of(O.Programs, [](const auto &Program) {
             return takesXdpContext(*Program.first);
           });
  });
  for (const BareDropOccurrence &O : Site.Occurrences)
    Args.Places.emplace_back(O.Function, O.Return);
  Args.Siblings = &Directions;
  if (!Site.Macro.empty())
    if (const MacroInfo *Macro =
            PP.getMacroInfo(PP.getIdentifierInfo(Site.Macro)))
      for (const IdentifierInfo *Param : Macro->params())
        Args.MacroParameters.push_back(Param->getName().str());
  std::optional<NotificationCall> Call =
      Calls.build(*Template, Args, Ctx, PP, Plan.WhyNot);
  if (!Call)
    return Plan;

  FileID File = SM.getFileID(Range.Range.getBegin());
  unsigned Offset = SM.getFileOffset(Range.Range.getBegin());
  unsigned Length = SM.getFileOffset(Range.Range.getEnd()) - Offset;
  tooling::Replacement Where(SM, Range.Range, "");
  rewriters::LayoutStyle Style;
  Style.ColumnLimit = Options.ColumnLimit;
  Style.TabWidth = Options.TabWidth;
  StringRef Code = SM.getBufferData(File);
  std::string NewText = Call->Text;
  if (Guard) {
    bool Statement = llvm::all_of(Site.Occurrences, [&](const auto &O) {
      return fitsStatementForm(*O.Return, Guarded, Ctx);
    });
    unsigned ReturnOffset =
        SM.getFileOffset(Site.Occurrences.front().Return->getReturnLoc());
    StringRef Before = Code.substr(0, ReturnOffset);
    size_t LineStart = Before.rfind('\n');
    StringRef Indent =
        Before.substr(LineStart == StringRef::npos ? 0 : LineStart + 1);
    if (Statement && Indent.trim(" \t").empty()) {
      Plan.Fix = PlannedFix{
          guardedStatement(Where.getFilePath(), ReturnOffset,
                           Offset + Length - ReturnOffset, Indent, Condition,
                           Call->Text, ValueText, Style),
          Call->Text, Call->DirectionSource, Condition, Call->SiblingArguments};
      recordGuardedFix(Plan.Fix->Edit, !SpareMinusOne, SM, Site.Location);
      return Plan;
    }
    NewText = guardedExpression(Guarded, Condition, Call->Text);
    // Outside macros a statement expression gets a line of its own for
    // its value, laid out as that line.
    if (!Guarded.Declaration.empty() && Indent.trim(" \t").empty() &&
        !Site.Occurrences.front().Return->getReturnLoc().isMacroID()) {
      std::string Prefix = Indent.str() + "\t";
      std::string Line = Prefix + "X; })";
      tooling::Replacement Laid = rewriters::layoutReplacement(
          Where.getFilePath(), Line, Prefix.size(), 1,
          guardedExpression({Guarded.Tested, "", ""}, Condition, Call->Text),
          Style);
      NewText = "({ " + Guarded.Declaration + ";\n" +
                Line.substr(0, Laid.getOffset()) +
                Laid.getReplacementText().str() +
                Line.substr(Laid.getOffset() + Laid.getLength());
      Plan.Fix = PlannedFix{
          tooling::Replacement(Where.getFilePath(), Offset, Length, NewText),
          Call->Text, Call->DirectionSource, Condition, Call->SiblingArguments};
      recordGuardedFix(Plan.Fix->Edit, !SpareMinusOne, SM, Site.Location);
      return Plan;
    }
  }
  Plan.Fix =
      PlannedFix{rewriters::layoutReplacement(Where.getFilePath(), Code, Offset,
                                              Length, NewText, Style),
                 Call->Text, Call->DirectionSource, "", Call->SiblingArguments};
  if (Guard) {
    Plan.Fix->Guard = Condition;
    recordGuardedFix(Plan.Fix->Edit, !SpareMinusOne, SM, Site.Location);
  }
  return Plan;
}

tooling::Replacement BareDropFixPlanner::guardedStatement(
    StringRef FilePath, unsigned Offset, unsigned Length, StringRef Indent,
    StringRef Condition, StringRef Call, StringRef Value,
    const rewriters::LayoutStyle &Style) {
  // The notifying `return` is laid out as the line it becomes.
  std::string Prefix = Indent.str() + "\treturn ";
  std::string Line = Prefix + "X;";
  tooling::Replacement Laid = rewriters::layoutReplacement(
      FilePath, Line, Prefix.size(), 1, Call, Style);
  std::string Notify = Line.substr(0, Laid.getOffset()) +
                       Laid.getReplacementText().str() +
                       Line.substr(Laid.getOffset() + Laid.getLength());
  return tooling::Replacement(FilePath, Offset, Length,
                              "if (" + Condition.str() + ")\n" + Notify + "\n" +
                                  Indent.str() + "return " + Value.str());
}

void BareDropFixPlanner::recordGuardedFix(const tooling::Replacement &Edit,
                                          bool GuardIsLessThanZero,
                                          const SourceManager &SM,
                                          SourceLocation Site) {
  if (!siteFactsWanted())
    return;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(SM.getFileID(Site));
  if (!Entry)
    return;
  llvm::SmallString<256> Path;
  if (llvm::sys::fs::real_path(Entry->getName(), Path))
    Path = Entry->getName();
  recordSiteFact({SiteFact::GuardedFix, Path.str().str(),
                  SM.getFileOffset(Site), GuardIsLessThanZero,
                  Edit.getReplacementText().str(), "bpf-bare-drop-return"});
}

} // namespace bpftidy
