//===- WholeUnitCheck.cpp -------------------------------------------------===//

#include "analyzer/checks/WholeUnitCheck.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::bpf {

void WholeUnitCheck::onPreprocessor(Preprocessor &PP) {
  this->PP = &PP;
  onUnitPreprocessor(PP);
}

void WholeUnitCheck::registerMatchers(MatchFinder *Finder) {
  if (!optionsValid())
    return;
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
}

void WholeUnitCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("function"))
    addFunction(*F, *Result.Context);
}

void WholeUnitCheck::onEndOfTranslationUnit() {
  if (Context && PP)
    finishUnit(*Context, *PP);
  clearUnit();
  Context = nullptr;
}

} // namespace clang::tidy::bpf
