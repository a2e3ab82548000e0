//===- BareDropFixPlanner.cpp ---------------------------------------------===//

#include "analyzer/checks/BareDropFixPlanner.h"
#include "analyzer/core/EditableRange.h"
#include "analyzer/core/MacroInvocation.h"
#include "rewriters/KernelStyleLayout.h"
#include "rewriters/NotificationTemplate.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include <set>

using namespace clang;

namespace bpftidy {

BareDropFixPlanner::BareDropFixPlanner(const Conventions &Options,
                                       const DropReasonMatcher &Matcher)
    : Options(Options), Directions(Options, Matcher) {}

void BareDropFixPlanner::reset() {
  TemplateForTU.reset();
  Directions.reset();
}

static bool isIdentifier(llvm::StringRef Text) {
  if (Text.empty() || !(isalpha(Text[0]) || Text[0] == '_'))
    return false;
  return llvm::all_of(Text, [](char C) { return isalnum(C) || C == '_'; });
}

std::optional<unsigned> helperArity(llvm::StringRef Name, ASTContext &Ctx,
                                    Preprocessor &PP) {
  IdentifierInfo &Id = Ctx.Idents.get(Name);
  if (const MacroInfo *Macro = PP.getMacroInfo(&Id))
    return Macro->isFunctionLike()
               ? std::optional<unsigned>(Macro->getNumParams())
               : std::nullopt;
  for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&Id))
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      return F->getNumParams();
  return std::nullopt;
}

bool isExpressionAvailable(llvm::StringRef Expression, ASTContext &Ctx,
                           Preprocessor &PP) {
  Expression = Expression.trim();
  if (!isIdentifier(Expression))
    return true;
  IdentifierInfo &Id = Ctx.Idents.get(Expression);
  return PP.isMacroDefined(&Id) ||
         !Ctx.getTranslationUnitDecl()->lookup(&Id).empty();
}

bool BareDropFixPlanner::resolveTemplate(ASTContext &Ctx, Preprocessor &PP,
                                         std::string &Template,
                                         std::string &WhyNot) {
  if (TemplateForTU) {
    Template = TemplateForTU->first;
    WhyNot = TemplateForTU->second;
    return WhyNot.empty();
  }
  auto Finish = [&](std::string T, std::string Why) {
    TemplateForTU.emplace(T, Why);
    Template = std::move(T);
    WhyNot = std::move(Why);
    return WhyNot.empty();
  };

  const rewriters::NotifyPreset *Preset = nullptr;
  if (Options.NotifyPreset == "custom") {
    if (Options.NotifyTemplate.empty())
      return Finish("", "NotifyPreset is 'custom' but NotifyTemplate is empty");
    llvm::StringRef Helper =
        llvm::StringRef(Options.NotifyTemplate).split('(').first.trim();
    if (isIdentifier(Helper) && !isExpressionAvailable(Helper, Ctx, PP))
      return Finish("", "the notification helper '" + Helper.str() +
                            "' of NotifyTemplate is not defined in this "
                            "translation unit");
    return Finish(Options.NotifyTemplate, "");
  }
  if (Options.NotifyPreset == "auto") {
    // The helper's arity tells the era: 5 arguments before the exit code
    // was dropped (2025), 4 after.
    std::optional<unsigned> Arity =
        helperArity("send_drop_notify_error", Ctx, PP);
    for (const rewriters::NotifyPreset &Candidate : rewriters::notifyPresets())
      if (Arity && Candidate.Helper == "send_drop_notify_error" &&
          Candidate.HelperArity == *Arity) {
        Preset = &Candidate;
        break;
      }
    if (!Preset)
      return Finish("", Arity ? "'send_drop_notify_error' takes " +
                                    std::to_string(*Arity) +
                                    " arguments, which matches no preset; "
                                    "set NotifyPreset or NotifyTemplate"
                              : "no notification helper "
                                "'send_drop_notify_error' is defined in this "
                                "translation unit; set NotifyPreset or "
                                "NotifyTemplate");
  } else {
    Preset = rewriters::findNotifyPreset(Options.NotifyPreset);
    if (!Preset)
      return Finish("", "unknown NotifyPreset '" + Options.NotifyPreset + "'");
    std::optional<unsigned> Arity = helperArity(Preset->Helper, Ctx, PP);
    if (!Arity)
      return Finish("", "the notification helper '" + Preset->Helper.str() +
                            "' is not defined in this translation unit");
    if (*Arity != Preset->HelperArity)
      return Finish("", "'" + Preset->Helper.str() + "' takes " +
                            std::to_string(*Arity) +
                            " arguments here, but "
                            "NotifyPreset '" +
                            Preset->Name.str() + "' passes " +
                            std::to_string(Preset->HelperArity));
  }
  return Finish(Preset->Template.str(), "");
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

  // A propagated value that may also be a valid verdict is not rewritten
  // as a whole.
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

  std::string Template;
  if (!resolveTemplate(Ctx, PP, Template, Plan.WhyNot))
    return Plan;
  Directions.useTemplate(Template);
  auto Uses = rewriters::templateUses(Template);
  if (!Uses) {
    Plan.WhyNot = llvm::toString(Uses.takeError());
    return Plan;
  }

  llvm::StringMap<std::string> Values;
  Values["ctx"] = ContextName;
  Values["reason"] = Lexer::getSourceText(Range.Range, SM, LO).str();
  Values["src"] = Options.SourceExpression;
  Values["exitcode"] = Options.ExitCode;
  Values["ext_err"] = Options.ExtError;
  Values["dst"] = Options.Destination;
  Values["dst_id"] = Options.DestinationId;
  std::string DirectionSource;
  for (const std::string &Use : *Uses) {
    if (Use == "direction") {
      auto Dir = siteDirection(Site, Ctx, PP, Plan.WhyNot);
      if (!Dir) {
        Plan.WhyNot = "cannot tell the drop direction: " + Plan.WhyNot;
        return Plan;
      }
      Values["direction"] = Dir->Expression;
      DirectionSource = Dir->Source;
    } else if (Use != "ctx" && Use != "reason" &&
               !isExpressionAvailable(Values[Use], Ctx, PP)) {
      Plan.WhyNot = "'" + Values[Use] + "' (${" + Use +
                    "}) is not defined in this translation unit";
      return Plan;
    }
  }
  auto Call = rewriters::expandTemplate(Template, Values);
  if (!Call) {
    Plan.WhyNot = llvm::toString(Call.takeError());
    return Plan;
  }

  FileID File = SM.getFileID(Range.Range.getBegin());
  unsigned Offset = SM.getFileOffset(Range.Range.getBegin());
  unsigned Length = SM.getFileOffset(Range.Range.getEnd()) - Offset;
  tooling::Replacement Where(SM, Range.Range, "");
  rewriters::LayoutStyle Style;
  Style.ColumnLimit = Options.ColumnLimit;
  Style.TabWidth = Options.TabWidth;
  Plan.Fix = PlannedFix{
      rewriters::layoutReplacement(Where.getFilePath(), SM.getBufferData(File),
                                   Offset, Length, *Call, Style),
      *Call, DirectionSource};
  return Plan;
}

} // namespace bpftidy
