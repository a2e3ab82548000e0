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

#ifndef BPF_TIDY_ANALYZER_BAREDROPRETURNCHECK_H
#define BPF_TIDY_ANALYZER_BAREDROPRETURNCHECK_H

#include "analyzer/BareDropFinder.h"
#include "analyzer/BareDropFixPlanner.h"
#include "analyzer/BareDropOptions.h"
#include "analyzer/NotifyExpansions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::bpf {

class BareDropReturnCheck : public ClangTidyCheck {
public:
  BareDropReturnCheck(StringRef Name, ClangTidyContext *Context);

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return true;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void report(const bpftidy::BareDropSite &Site);

  const bpftidy::BareDropOptions Config;
  bpftidy::BareDropFinder Finder;
  bpftidy::BareDropFixPlanner Planner;
  bpftidy::NotifyExpansions Notifications;
  Preprocessor *PP = nullptr;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_BAREDROPRETURNCHECK_H
