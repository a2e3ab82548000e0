//===- MissedTailCallFinder.h - unnotified missed tail calls ----*- C++ -*-===//
//
// The per-translation-unit pass of bpf-unnotified-missed-tail-call. For
// each tail-call site (core/TailCallSites.h) in a program or a function
// programs reach, each way the function ends after the call
// (core/CallContinuation.h) is judged: a notification, or a drop reason
// (bpf-bare-drop-return's finding when bare, the caller's when a helper
// hands it on), is no finding; a verdict, a stale variable or a value that
// may be a verdict lets a missed tail call pass silently. Sites are grouped
// by the spelling location of the call, and each gets one fix or why not.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_MISSEDTAILCALLFINDER_H
#define BPF_TIDY_ANALYZER_CHECKS_MISSEDTAILCALLFINDER_H

#include "analyzer/checks/WholeUnitFinder.h"
#include "analyzer/core/CallContinuation.h"
#include "analyzer/core/DirectionResolver.h"
#include "analyzer/core/NotificationCall.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Tooling/Core/Replacement.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class PPCallbacks;
class Preprocessor;
class ReturnStmt;
} // namespace clang

namespace bpftidy {

/// A way the function ends after a missed tail call without notifying it.
struct SilentEnd {
  const clang::ReturnStmt *Return = nullptr;
  /// What it returns, for a note: "'ret', which still holds its value
  /// from before the tail call".
  std::string What;
};

/// One tail-call site of one function (one expansion, one configuration).
struct MissedTailCallOccurrence {
  TailCallSite Call;
  std::vector<SilentEnd> Silent;
  /// Whether every way on from the call is silent.
  bool AllSilent = false;
};

struct MissedTailCallSite {
  /// The spelling of the call (inside the #define for a macro body).
  clang::SourceLocation Location;
  /// The macro whose body holds the call at Location; empty otherwise.
  std::string Macro;
  std::vector<MissedTailCallOccurrence> Occurrences;

  /// The fix, at spelling locations, or why there is none.
  std::optional<clang::tooling::Replacement> Fix;
  std::string WhyNoFix;
  /// Where the fix's direction was read, for a note.
  std::string DirectionSource;
  /// The placeholders taken from the function's own notifications, for a
  /// note (NotificationCall::SiblingArguments).
  std::string SiblingArguments;
};

class MissedTailCallFinder : public WholeUnitFinder {
public:
  explicit MissedTailCallFinder(const Conventions &Options);
  ~MissedTailCallFinder();

  /// Analyses the functions recorded; call once, after the last one.
  void finish(clang::ASTContext &Ctx, clang::Preprocessor &PP);

  const std::vector<MissedTailCallSite> &sites() const { return Sites; }

  /// Records the expansions of tail-call helpers that are macros while
  /// preprocessing (tail_call_static() as inline asm).
  std::unique_ptr<clang::PPCallbacks> siteRecorder();

  /// See DirectionResolver::useExpansions.
  void useExpansions(const NotifyExpansions *Recorded) {
    Directions.useExpansions(Recorded);
  }

  void clear();

private:
  std::optional<SilentEnd> judge(const ContinuationEnd &End,
                                 const clang::FunctionDecl &F,
                                 clang::ASTContext &Ctx);
  void plan(MissedTailCallSite &Site, clang::ASTContext &Ctx,
            clang::Preprocessor &PP);
  std::optional<Direction> direction(const clang::FunctionDecl &F,
                                     clang::ASTContext &Ctx,
                                     clang::Preprocessor &PP,
                                     std::string &WhyNot);
  std::optional<clang::tooling::Replacement>
  edit(const MissedTailCallOccurrence &O, llvm::StringRef Call,
       clang::ASTContext &Ctx, std::string &WhyNot) const;

  DirectionResolver Directions;
  NotificationCallBuilder Notifications;
  std::unique_ptr<CallContinuations> Continuations;
  std::vector<MissedTailCallSite> Sites;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_MISSEDTAILCALLFINDER_H
