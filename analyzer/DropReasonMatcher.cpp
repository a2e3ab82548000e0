//===- DropReasonMatcher.cpp ----------------------------------------------===//

#include "analyzer/DropReasonMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace bpftidy {

DropReasonMatcher::DropReasonMatcher(const BareDropOptions &Options)
    : DropReasonPattern(Options.DropReasonPattern),
      NegativeConstantsAreDrops(Options.NegativeConstantsAreDrops) {
  for (const std::string &Name : Options.NotifyHelpers)
    NotifyHelpers.insert(Name);
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
  // of the expression.
  while (Begin.isMacroID() && End.isMacroID()) {
    SourceLocation ExpBegin, ExpEnd;
    // The end test wants the location just past the last token.
    unsigned EndLength =
        Lexer::MeasureTokenLength(SM.getSpellingLoc(End), SM, LO);
    if (EndLength == 0 ||
        !SM.isAtStartOfImmediateMacroExpansion(Begin, &ExpBegin) ||
        !SM.isAtEndOfImmediateMacroExpansion(End.getLocWithOffset(EndLength),
                                             &ExpEnd))
      return std::nullopt;
    if (SM.getFileID(Begin) == SM.getFileID(End)) {
      StringRef Name = Lexer::getImmediateMacroName(Begin, SM, LO);
      if (Accept(Name))
        return Name.str();
    }
    Begin = ExpBegin;
    End = ExpEnd;
  }
  return std::nullopt;
}

std::optional<DropReason>
DropReasonMatcher::literalDropReason(const Expr &E, ASTContext &Ctx) const {
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

  if (auto Macro = macroSpellingWholeExpr(E, Ctx, [&](StringRef Name) {
        return DropReasonPattern.match(Name);
      }))
    return DropReason{*Macro, Constant};

  if (const auto *Ref = dyn_cast<DeclRefExpr>(Value->IgnoreParenCasts()))
    if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      if (DropReasonPattern.match(Enumerator->getName()))
        return DropReason{Enumerator->getName().str(), Constant};

  if (Constant && NegativeConstantsAreDrops) {
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
