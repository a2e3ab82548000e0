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
#include "analyzer/checks/BpfCheck.h"
#include "analyzer/checks/MissedTailCallFinder.h"
#include "analyzer/core/NotifyExpansions.h"

namespace clang::tidy::bpf {

class UnnotifiedMissedTailCallCheck : public BpfCheck {
public:
  static const bpftidy::CheckRule Rule;

  UnnotifiedMissedTailCallCheck(StringRef Name, ClangTidyContext *Context);

  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void onPreprocessor(Preprocessor &PP) override;
  void report(const bpftidy::MissedTailCallSite &Site);

  bpftidy::MissedTailCallFinder Finder;
  bpftidy::NotifyExpansions Notifications;
  Preprocessor *PP = nullptr;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_CHECKS_UNNOTIFIEDMISSEDTAILCALLCHECK_H
