//===- WholeUnitCheck.h - a check that judges a whole unit -------*- C++
//-*-===//
//
// A bpf-* check whose findings depend on the whole translation unit (which
// programs reach a function, what its callers do with its value): it is
// given every function definition as the AST is matched, then analyses and
// reports once, at the end of the unit, and forgets it. The tail-call
// checks are written this way; a new check of that kind derives from this
// and says only what to record, how to analyse and report, and what to
// forget.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_WHOLEUNITCHECK_H
#define BPF_TIDY_ANALYZER_CHECKS_WHOLEUNITCHECK_H

#include "analyzer/checks/BpfCheck.h"

namespace clang::tidy::bpf {

class WholeUnitCheck : public BpfCheck {
public:
  using BpfCheck::BpfCheck;

  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void onEndOfTranslationUnit() final;

protected:
  /// Called while preprocessing, to attach the check's recorders.
  virtual void onUnitPreprocessor(Preprocessor &PP) {}
  /// Each function definition of the unit.
  virtual void addFunction(const FunctionDecl &F, ASTContext &Ctx) = 0;
  /// After the last definition: analyse the unit and report.
  virtual void finishUnit(ASTContext &Ctx, Preprocessor &PP) = 0;
  /// Forget the unit (also when it had no definition).
  virtual void clearUnit() = 0;

private:
  void onPreprocessor(Preprocessor &PP) final;

  Preprocessor *PP = nullptr;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_CHECKS_WHOLEUNITCHECK_H
