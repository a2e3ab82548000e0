//===- IgnoredTailCallResultCheck.h - lost tail-call results -----*- C++
//-*-===//
//
// bpf-ignored-tail-call-result: the value of a tail-call invocation (a
// missed tail call's drop reason, or the verdict of the function it calls
// inline in other configurations) must reach the caller's error block. A
// discarded invocation, or an inline form that returns past that block,
// loses it.
//
// For the user-facing documentation of this check, see:
// docs/checks/bpf-ignored-tail-call-result.md
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_IGNOREDTAILCALLRESULTCHECK_H
#define BPF_TIDY_ANALYZER_CHECKS_IGNOREDTAILCALLRESULTCHECK_H

#include "analyzer/CheckRule.h"
#include "analyzer/checks/IgnoredTailCallResultFinder.h"
#include "analyzer/checks/WholeUnitCheck.h"

namespace clang::tidy::bpf {

class IgnoredTailCallResultCheck : public WholeUnitCheck {
public:
  static const bpftidy::CheckRule Rule;

  IgnoredTailCallResultCheck(StringRef Name, ClangTidyContext *Context);

private:
  void onUnitPreprocessor(Preprocessor &PP) override;
  void addFunction(const FunctionDecl &F, ASTContext &) override {
    Finder.addFunction(F);
  }
  void finishUnit(ASTContext &Ctx, Preprocessor &PP) override;
  void clearUnit() override;
  void report(const bpftidy::IgnoredTailCallResultSite &Site, ASTContext &Ctx);

  bpftidy::IgnoredTailCallResultFinder Finder;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_CHECKS_IGNOREDTAILCALLRESULTCHECK_H
