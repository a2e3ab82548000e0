//===- BareDropReturnCheck.h - bpf-bare-drop-return --------------*- C++
//-*-===//
//
// Finds programs and tail calls that return a drop reason to the kernel
// without a drop notification, and rewrites the return to notify.
//
// For the user-facing documentation of this check, see:
// docs/checks/bpf-bare-drop-return.md
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_BAREDROPRETURNCHECK_H
#define BPF_TIDY_ANALYZER_CHECKS_BAREDROPRETURNCHECK_H

#include "analyzer/CheckRule.h"
#include "analyzer/checks/BareDropFinder.h"
#include "analyzer/checks/BareDropFixPlanner.h"
#include "analyzer/checks/WholeUnitCheck.h"
#include "analyzer/core/NotifyExpansions.h"

namespace clang::tidy::bpf {

class BareDropReturnCheck : public WholeUnitCheck {
public:
  static const bpftidy::CheckRule Rule;

  BareDropReturnCheck(StringRef Name, ClangTidyContext *Context);

private:
  void onUnitPreprocessor(Preprocessor &PP) override;
  void addFunction(const FunctionDecl &F, ASTContext &Ctx) override {
    Finder.addFunction(F, Ctx);
  }
  void finishUnit(ASTContext &Ctx, Preprocessor &PP) override;
  void clearUnit() override;
  void report(const bpftidy::BareDropSite &Site, ASTContext &Ctx,
              Preprocessor &PP);

  bpftidy::BareDropFinder Finder;
  bpftidy::BareDropFixPlanner Planner;
  bpftidy::NotifyExpansions Notifications;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_CHECKS_BAREDROPRETURNCHECK_H
