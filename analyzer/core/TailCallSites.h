//===- TailCallSites.h - the calls that enter a tail call -*- C++ -*-===//
//
// A tail call that misses (empty slot, depth limit) returns to its caller.
// A site is a call after which the caller goes on when the tail call
// misses:
//  - a call of a tail-call helper (TailCallHelpers: bpf_tail_call,
//    tail_call_static, ep_tail_call, ...) whose value carries no drop
//    reason;
//  - a statement that is all of one expansion of a helper that is a macro
//    and holds no call of a helper: Cilium's tail_call_static() from 2024
//    on is `{ ...; asm volatile("... call 12" ...); }`, no call at all; a
//    helper that returns DROP_MISSED_TAIL_CALL to its caller
//    (tail_call_internal) hands the miss on as a value, which value flow
//    follows, so its calls are not sites here;
//  - a call of a wrapper: a function that is no program, holds a site and
//    can end without a value after it (Cilium's ep_tail_call as a function).
//    The wrapper's own call is then no site: its callers' calls are.
// Calls inside the notification helpers are no sites: where the drop
// notification is itself a tail call (Cilium 2023), its miss has nothing
// left to notify with.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_TAILCALLSITES_H
#define BPF_TIDY_ANALYZER_CORE_TAILCALLSITES_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/TailCallInvocations.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
class PPCallbacks;
class SourceManager;
class Stmt;
} // namespace clang

namespace bpftidy {

class CallContinuations;
class DropReasonMatcher;
class FunctionDropSummaries;
class FunctionUses;

struct TailCallSite {
  /// The call, or the statement a helper macro expands to.
  const clang::Stmt *Statement = nullptr;
  /// The function holding the call.
  const clang::FunctionDecl *Function = nullptr;
  /// The helper, wrapper or helper macro called.
  std::string Helper;

  /// The call, when the site is one.
  const clang::CallExpr *call() const;
};

class TailCallSites {
public:
  using IsProgramFn = llvm::function_ref<bool(const clang::FunctionDecl &)>;

  TailCallSites(const Conventions &Options, const DropReasonMatcher &Matcher);
  ~TailCallSites();

  /// Callbacks that record the expansions of helpers that are macros (and
  /// of TailCallMacros); without them only calls are sites.
  std::unique_ptr<clang::PPCallbacks> recorder();

  /// The TailCallMacros invocation (invoke_tailcall_if) whose expansion
  /// holds \p Site, innermost first, or null.
  const TailCallInvocation *
  resultMacroHolding(const TailCallSite &Site,
                     const clang::SourceManager &SM) const;
  /// See TailCallInvocations::producing.
  const TailCallInvocation *producing(const clang::Stmt &S,
                                      const clang::SourceManager &SM) const {
    return MacroCalls.producing(S, SM);
  }

  /// Finds the sites in \p Reached, the definitions programs reach.
  void find(llvm::ArrayRef<const clang::FunctionDecl *> Reached,
            IsProgramFn IsProgram, const FunctionUses &Uses,
            FunctionDropSummaries &Summaries, CallContinuations &Continuations,
            clang::ASTContext &Ctx);

  /// The sites, in the order of \p Reached, then of the calls.
  const std::vector<TailCallSite> &sites() const { return Sites; }

  /// Whether \p F is a notification helper, or is only called to notify
  /// (by notification helpers, or from functions that are).
  bool isNotification(const clang::FunctionDecl &F, const FunctionUses &Uses,
                      clang::ASTContext &Ctx);

  void clear() {
    Sites.clear();
    MacroCalls.clear();
    Wrappers.clear();
    NotificationFunctions.clear();
  }

private:
  /// The name of the helper or wrapper \p Call enters a tail call through.
  std::optional<std::string> enteredThrough(const clang::CallExpr &Call) const;
  /// The sites in \p Body: calls, and expansions of helper macros.
  std::vector<TailCallSite> candidatesIn(const clang::FunctionDecl &F,
                                         clang::ASTContext &Ctx) const;

  const DropReasonMatcher &Matcher;
  llvm::StringSet<> Helpers;
  llvm::StringSet<> ResultMacros;
  /// Helpers and TailCallMacros, as one recorder sees them.
  llvm::StringSet<> Recorded;
  TailCallInvocations MacroCalls;
  llvm::DenseSet<const clang::FunctionDecl *> Wrappers;
  /// Memo of isNotification(); absent while being decided.
  llvm::DenseMap<const clang::FunctionDecl *, bool> NotificationFunctions;
  std::vector<TailCallSite> Sites;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_TAILCALLSITES_H
