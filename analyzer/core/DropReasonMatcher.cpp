//===- DropReasonMatcher.cpp ----------------------------------------------===//

#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/NotifyHelperShape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace bpftidy {

DropReasonMatcher::DropReasonMatcher(const Conventions &Options)
    : DropReasonPattern(Options.DropReasonPattern),
      NegativeConstantsAreDrops(Options.NegativeConstantsAreDrops) {
  for (const std::string &Item : Options.NotifyHelpers)
    NotifyHelpers.insert(helperOfItem(Item));
}

std::optional<std::string>
macroSpellingWholeExpr(const Expr &E, ASTContext &Ctx,
                       llvm::function_ref<bool(llvm::StringRef)> Accept) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation Begin = E.getBeginLoc();
  SourceLocation End = E.getEndLoc();
  // Walk out from the innermost expansion. At each level both ends must sit
  // at the start and end of the same expansion for the macro to spell all
  // of the expression. The outermost accepted name is the one written at
  // the site (`DROP_CT_FAIL`, an alias of `DROP_CT_INVALID_HDR`).
  std::optional<std::string> Outermost;
  while (Begin.isMacroID() && End.isMacroID()) {
    SourceLocation ExpBegin, ExpEnd;
    // The end test wants the location just past the last token.
    unsigned EndLength =
        Lexer::MeasureTokenLength(SM.getSpellingLoc(End), SM, LO);
    if (EndLength == 0 ||
        !SM.isAtStartOfImmediateMacroExpansion(Begin, &ExpBegin) ||
        !SM.isAtEndOfImmediateMacroExpansion(End.getLocWithOffset(EndLength),
                                             &ExpEnd))
      break;
    if (SM.getFileID(Begin) == SM.getFileID(End)) {
      StringRef Name = Lexer::getImmediateMacroName(Begin, SM, LO);
      if (Accept(Name))
        Outermost = Name.str();
    }
    Begin = ExpBegin;
    End = ExpEnd;
  }
  return Outermost;
}

/// \p E, then each expression inside its parentheses and casts, outermost
/// first: `(int)(DROP_POLICY)` is named by the macro inside.
static SmallVector<const Expr *, 4> parenAndCastLayers(const Expr &E) {
  SmallVector<const Expr *, 4> Layers = {&E};
  while (true) {
    const Expr *Last = Layers.back();
    const Expr *Inner = nullptr;
    if (const auto *Paren = dyn_cast<ParenExpr>(Last))
      Inner = Paren->getSubExpr();
    else if (const auto *Cast = dyn_cast<CastExpr>(Last))
      Inner = Cast->getSubExpr();
    if (!Inner)
      return Layers;
    Layers.push_back(Inner);
  }
}

std::optional<DropReason>
DropReasonMatcher::literalDropReason(const Expr &E, ASTContext &Ctx,
                                     bool NamedOnly) const {
  const Expr *Value = E.IgnoreParenImpCasts();
  std::optional<int64_t> Constant;
  Expr::EvalResult Result;
  if (!Value->isValueDependent() && Value->EvaluateAsInt(Result, Ctx))
    Constant = Result.Val.getInt().getExtValue();
  // A name that matches but a value that is a valid verdict (or positive)
  // is not a drop reason: the pattern is a naming convention, the value is
  // what reaches the kernel.
  if (Constant && *Constant >= -1)
    return std::nullopt;

  for (const Expr *Layer : parenAndCastLayers(E))
    if (auto Macro = macroSpellingWholeExpr(*Layer, Ctx, [&](StringRef Name) {
          return DropReasonPattern.match(Name);
        }))
      return DropReason{*Macro, Constant};

  if (const auto *Ref = dyn_cast<DeclRefExpr>(Value->IgnoreParenCasts()))
    if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      if (DropReasonPattern.match(Enumerator->getName()))
        return DropReason{Enumerator->getName().str(), Constant};

  if (Constant && NegativeConstantsAreDrops && !NamedOnly) {
    const SourceManager &SM = Ctx.getSourceManager();
    CharSourceRange Range = CharSourceRange::getTokenRange(E.getSourceRange());
    StringRef Text = Lexer::getSourceText(
        Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts()), SM,
        Ctx.getLangOpts());
    if (Text.empty())
      Text = Lexer::getSourceText(
          CharSourceRange::getTokenRange(SM.getSpellingLoc(E.getBeginLoc()),
                                         SM.getSpellingLoc(E.getEndLoc())),
          SM, Ctx.getLangOpts());
    return DropReason{Text.empty() ? std::to_string(*Constant) : Text.str(),
                      Constant};
  }
  return std::nullopt;
}

bool DropReasonMatcher::isNotification(const Expr &E, ASTContext &Ctx) const {
  const Expr *Value = E.IgnoreParenCasts();
  if (const auto *Call = dyn_cast<CallExpr>(Value))
    if (const auto *Callee = Call->getDirectCallee())
      if (NotifyHelpers.contains(Callee->getName()))
        return true;
  return macroSpellingWholeExpr(
             E, Ctx,
             [&](StringRef Name) { return NotifyHelpers.contains(Name); })
      .has_value();
}

} // namespace bpftidy
