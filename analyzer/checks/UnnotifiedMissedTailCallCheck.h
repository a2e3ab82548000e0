//===- UnnotifiedMissedTailCallCheck.h - missed tail calls -------*- C++
//-*-===//
//
// bpf-unnotified-missed-tail-call: a tail call that misses (empty slot,
// depth limit) returns, and every path on from there must notify the miss
// before the packet reaches the kernel. A path that returns a verdict or a
// stale value instead lets the packet pass silently.
//
// For the user-facing documentation of this check, see:
// docs/checks/bpf-unnotified-missed-tail-call.md
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_UNNOTIFIEDMISSEDTAILCALLCHECK_H
#define BPF_TIDY_ANALYZER_CHECKS_UNNOTIFIEDMISSEDTAILCALLCHECK_H

#include "analyzer/CheckRule.h"
#include "analyzer/checks/MissedTailCallFinder.h"
#include "analyzer/checks/WholeUnitCheck.h"
#include "analyzer/core/NotifyExpansions.h"

namespace clang::tidy::bpf {

class UnnotifiedMissedTailCallCheck : public WholeUnitCheck {
public:
  static const bpftidy::CheckRule Rule;

  UnnotifiedMissedTailCallCheck(StringRef Name, ClangTidyContext *Context);

private:
  void onUnitPreprocessor(Preprocessor &PP) override;
  void addFunction(const FunctionDecl &F, ASTContext &) override {
    Finder.addFunction(F);
  }
  void finishUnit(ASTContext &Ctx, Preprocessor &PP) override;
  void clearUnit() override;
  void report(const bpftidy::MissedTailCallSite &Site, ASTContext &Ctx);

  bpftidy::MissedTailCallFinder Finder;
  bpftidy::NotifyExpansions Notifications;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_CHECKS_UNNOTIFIEDMISSEDTAILCALLCHECK_H
