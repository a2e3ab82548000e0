//===- IgnoredTailCallResultFinder.h - lost tail-call results ---*- C++ -*-===//
//
// The per-translation-unit pass of bpf-ignored-tail-call-result. A
// tail-call invocation has a value its caller must see: the drop reason of
// a missed tail call (DROP_MISSED_TAIL_CALL from tail_call_internal() or
// from invoke_tailcall_if()'s tail-call form), or, in the configurations
// where invoke_tailcall_if() calls its function inline, that function's
// verdict or error. Two ways lose it:
//  - discarded: the invocation is an expression statement of its own
//    (`invoke_tailcall_if(...);`, `tail_call_internal(ctx, ID, &ext_err);`);
//  - returned past the caller's error block: the inline form of a
//    statement macro (`return FUNC(ctx)`) leaves the function before the
//    `if (IS_ERR(ret)) return send_drop_notify_error(..., ret, ...)` its
//    tail-call form reaches.
// Sites are grouped by the spelling of the invocation; each gets one fix
// (assign the value to the variable that block notifies) or why not.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_IGNOREDTAILCALLRESULTFINDER_H
#define BPF_TIDY_ANALYZER_CHECKS_IGNOREDTAILCALLRESULTFINDER_H

#include "analyzer/checks/WholeUnitFinder.h"
#include "analyzer/core/FollowingNotification.h"
#include "analyzer/core/TailCallInvocations.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Tooling/Core/Replacement.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class Preprocessor;
class Stmt;
} // namespace clang

namespace bpftidy {

enum class IgnoredResultKind {
  /// The invocation is a statement of its own: its value is thrown away.
  Discarded,
  /// Its inline form returns past the caller's error block.
  ReturnedPastNotification,
};

/// One invocation in one function (one expansion, one configuration).
struct IgnoredResultOccurrence {
  const clang::Stmt *Statement = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  std::optional<FollowingNotification> Notification;
};

struct IgnoredTailCallResultSite {
  /// The spelling of the invocation's name (inside the #define when it is
  /// written in a macro body).
  clang::SourceLocation Location;
  IgnoredResultKind Kind = IgnoredResultKind::Discarded;
  /// The tail-call macro (TailCallMacros) or helper invoked.
  std::string Invocation;
  bool ThroughMacro = false;
  /// ReturnedPastNotification: the function called inline, if a call.
  std::string Inlined;
  std::vector<IgnoredResultOccurrence> Occurrences;

  /// The fix, at spelling locations, or why there is none.
  std::optional<clang::tooling::Replacement> Fix;
  std::string WhyNoFix;
};

class IgnoredTailCallResultFinder : public WholeUnitFinder {
public:
  explicit IgnoredTailCallResultFinder(const Conventions &Options);

  /// Analyses the functions recorded; call once, after the last one.
  void finish(clang::ASTContext &Ctx, clang::Preprocessor &PP);

  const std::vector<IgnoredTailCallResultSite> &sites() const { return Sites; }

  /// Records the expansions of TailCallMacros while preprocessing.
  TailCallInvocations &invocations() { return Invocations; }
  const llvm::StringSet<> &macros() const { return Macros; }

  void clear();

private:
  /// Records \p S if it loses a tail-call result; whether to look at the
  /// statements inside it.
  bool inspect(const clang::Stmt &S, const clang::FunctionDecl &F,
               clang::ASTContext &Ctx, clang::Preprocessor &PP);
  void add(clang::SourceLocation Location, IgnoredTailCallResultSite Shape,
           IgnoredResultOccurrence O);
  void plan(IgnoredTailCallResultSite &Site, clang::ASTContext &Ctx) const;
  /// A helper call whose value may be a drop reason, as a statement.
  bool isDiscardedHelperCall(const clang::Stmt &S, clang::ASTContext &Ctx,
                             std::string &Helper);

  TailCallInvocations Invocations;
  llvm::StringSet<> Macros;
  llvm::StringSet<> Helpers;
  std::vector<IgnoredTailCallResultSite> Sites;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_IGNOREDTAILCALLRESULTFINDER_H
