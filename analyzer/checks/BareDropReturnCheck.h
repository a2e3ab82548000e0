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
#include "analyzer/checks/BpfCheck.h"
#include "analyzer/core/NotifyExpansions.h"

namespace clang::tidy::bpf {

class BareDropReturnCheck : public BpfCheck {
public:
  static const bpftidy::CheckRule Rule;

  BareDropReturnCheck(StringRef Name, ClangTidyContext *Context);

  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void onPreprocessor(Preprocessor &PP) override;
  void report(const bpftidy::BareDropSite &Site);

  bpftidy::BareDropFinder Finder;
  bpftidy::BareDropFixPlanner Planner;
  bpftidy::NotifyExpansions Notifications;
  Preprocessor *PP = nullptr;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_CHECKS_BAREDROPRETURNCHECK_H
