//===- NotificationCall.cpp -----------------------------------------------===//

#include "analyzer/core/NotificationCall.h"
#include "rewriters/NotificationTemplate.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace bpftidy {

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
  for (const std::string &Use : *Uses) {
    if (Use == "direction") {
      auto Dir = Args.Direction(WhyNot);
      if (!Dir) {
        WhyNot = "cannot tell the drop direction: " + WhyNot;
        return std::nullopt;
      }
      Values["direction"] = Dir->Expression;
      Call.DirectionSource = Dir->Source;
    } else if (Use != "ctx" && Use != "reason" &&
               !isExpressionAvailable(Values[Use], Ctx, PP)) {
      WhyNot = "'" + Values[Use] + "' (${" + Use +
               "}) is not defined in this translation unit";
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

} // namespace bpftidy
