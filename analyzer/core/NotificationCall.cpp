//===- NotificationCall.cpp -----------------------------------------------===//

#include "analyzer/core/NotificationCall.h"
#include "analyzer/core/NameAtSite.h"
#include "rewriters/NotificationTemplate.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace bpftidy {

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

const std::string *NotificationCallBuilder::templateFor(ASTContext &Ctx,
                                                        Preprocessor &PP,
                                                        std::string &WhyNot) {
  auto Finish = [&](std::string T, std::string Why) -> const std::string * {
    TemplateForTU.emplace(std::move(T), std::move(Why));
    WhyNot = TemplateForTU->second;
    return WhyNot.empty() ? &TemplateForTU->first : nullptr;
  };
  if (TemplateForTU) {
    WhyNot = TemplateForTU->second;
    return WhyNot.empty() ? &TemplateForTU->first : nullptr;
  }

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

std::optional<NotificationCall> NotificationCallBuilder::build(
    llvm::StringRef Template, const NotificationArguments &Args,
    ASTContext &Ctx, Preprocessor &PP, std::string &WhyNot) const {
  auto Uses = rewriters::templateUses(Template);
  if (!Uses) {
    WhyNot = llvm::toString(Uses.takeError());
    return std::nullopt;
  }

  llvm::StringMap<std::string> Values;
  Values["ctx"] = Args.Context;
  Values["reason"] = Args.Reason;
  Values["src"] = Options.SourceExpression;
  // ExitCode at its default follows what the tree defines: CTX_ACT_DROP
  // (which Cilium defines per program type), else, in trees older than
  // it, the program type's own drop verdict. A user's ExitCode is kept.
  Values["exitcode"] = Options.ExitCode;
  if (Options.ExitCode == Conventions().ExitCode &&
      !isExpressionAvailable(Options.ExitCode, Ctx, PP)) {
    std::string Verdict = Args.Xdp ? "XDP_DROP" : "TC_ACT_SHOT";
    if (isExpressionAvailable(Verdict, Ctx, PP))
      Values["exitcode"] = Verdict;
  }
  Values["ext_err"] = Options.ExtError;
  Values["dst"] = Options.Destination;
  Values["dst_id"] = Options.DestinationId;
  NotificationCall Call;
  // Placeholders taken from the function's own notifications: checked at
  // each place already (they may be locals).
  std::vector<std::string> FromSiblings;
  if (llvm::is_contained(*Uses, "direction")) {
    auto Dir = Args.Direction(WhyNot);
    if (!Dir) {
      WhyNot = "cannot tell the drop direction: " + WhyNot;
      return std::nullopt;
    }
    Values["direction"] = Dir->Expression;
    Call.DirectionSource = Dir->Source;
    // The source identity (and destination) the function's own
    // notifications in that direction pass, where they agree: the upstream
    // fixes notified ingress drops with the remote identity, egress ones
    // with SECLABEL.
    std::vector<std::string> Taken;
    for (const char *Placeholder : {"src", "dst", "dst_id"}) {
      if (!llvm::is_contained(*Uses, Placeholder) || !Args.Siblings ||
          Args.Places.empty())
        continue;
      std::optional<std::string> Agreed;
      for (const auto &Place : Args.Places) {
        auto Found = Args.Siblings->siblingArgument(*Place.first, Placeholder,
                                                    Dir->Expression, Ctx, PP);
        if (!Found || (Agreed && *Agreed != *Found) ||
            notUsableAt(*Found, Place, Args, Ctx, PP)) {
          Agreed.reset();
          break;
        }
        Agreed = Found;
      }
      if (Agreed && *Agreed != Values[Placeholder]) {
        Values[Placeholder] = *Agreed;
        Taken.push_back(std::string("${") + Placeholder + "} " + *Agreed);
        FromSiblings.push_back(Placeholder);
      }
    }
    Call.SiblingArguments = llvm::join(Taken, ", ");
  }
  for (const std::string &Use : *Uses) {
    if (Use == "ctx" || Use == "reason" ||
        llvm::is_contained(FromSiblings, Use))
      continue;
    if (Use != "direction" && !isExpressionAvailable(Values[Use], Ctx, PP)) {
      WhyNot = "'" + Values[Use] + "' (${" + Use +
               "}) is not defined in this translation unit";
      return std::nullopt;
    }
    // Each name must mean something where the call is compiled.
    for (const auto &Place : Args.Places) {
      std::optional<std::string> Why;
      forEachIdentifier(Values[Use], [&](llvm::StringRef Name) {
        if (!Why)
          Why = notUsableAt(Name, Place, Args, Ctx, PP);
      });
      if (Why) {
        WhyNot = "${" + Use + "}: " + *Why;
        return std::nullopt;
      }
    }
  }
  // So must the helper the template calls (and any other name it writes).
  std::string Fixed = Template.str();
  for (size_t At; (At = Fixed.find("${")) != std::string::npos;)
    Fixed.replace(At, Fixed.find('}', At) + 1 - At, " ");
  for (const auto &Place : Args.Places) {
    std::optional<std::string> Why;
    forEachIdentifier(Fixed, [&](llvm::StringRef Name) {
      if (!Why)
        Why = notUsableAt(Name, Place, Args, Ctx, PP);
    });
    if (Why) {
      WhyNot = *Why;
      return std::nullopt;
    }
  }
  auto Text = rewriters::expandTemplate(Template, Values);
  if (!Text) {
    WhyNot = llvm::toString(Text.takeError());
    return std::nullopt;
  }
  Call.Text = std::move(*Text);
  return Call;
}

std::optional<std::string> NotificationCallBuilder::notUsableAt(
    llvm::StringRef Name,
    const std::pair<const FunctionDecl *, const Stmt *> &Place,
    const NotificationArguments &Args, ASTContext &Ctx,
    Preprocessor &PP) const {
  if (llvm::is_contained(Args.MacroParameters, Name))
    return std::nullopt;
  const FunctionDecl &F = *Place.first;
  auto [Count, Variable] = variablesNamed(F, Name);
  // Declared twice in the function: which one the site sees is not sure.
  if (Count > 1)
    return "'" + Name.str() + "' is declared more than once in '" +
           F.getName().str() + "'";
  if (Variable) {
    if (holdsValueAt(*Variable, F, *Place.second, Ctx))
      return std::nullopt;
    return "'" + Name.str() +
           "' may hold no value where the fix is "
           "compiled in '" +
           F.getName().str() + "'";
  }
  const SourceManager &SM = Ctx.getSourceManager();
  return undefinedAt(Name, SM.getExpansionLoc(Place.second->getBeginLoc()), Ctx,
                     PP);
}

} // namespace bpftidy
