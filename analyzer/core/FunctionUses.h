//===- FunctionUses.h - where each function is used, and how -*- C++ -*-===//
//
// The reporting rule for drop reasons a helper returns depends on how the
// helper is used in the whole translation unit: notifying inside it is
// only safe when every use is a call whose value the caller returns
// directly (`return f(ctx);`). This records, for every function, each of
// its uses in the bodies of the translation unit's definitions: the caller,
// the call (if the use is a call), and whether the call is returned as is.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_FUNCTIONUSES_H
#define BPF_TIDY_ANALYZER_CORE_FUNCTIONUSES_H

#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang {
class CallExpr;
class FunctionDecl;
class ReturnStmt;
} // namespace clang

namespace bpftidy {

struct FunctionUse {
  /// The function whose body holds the use.
  const clang::FunctionDecl *Caller = nullptr;
  /// The call, or null when the function is referred to otherwise (its
  /// address taken, passed along).
  const clang::CallExpr *Call = nullptr;
  /// Whether the call's value is the returned value of a `return`.
  bool ReturnedDirectly = false;
  /// That `return`, when it is.
  const clang::ReturnStmt *Return = nullptr;
};

/// A program's `return` that hands a helper's value to the kernel:
/// `return helper(ctx);`, or the return of the value of a helper that
/// returns it.
struct KernelReturn {
  const clang::FunctionDecl *Program = nullptr;
  const clang::ReturnStmt *Return = nullptr;
  /// The function whose value that `return` returns.
  const clang::FunctionDecl *Callee = nullptr;
};

class FunctionUses {
public:
  /// Records the uses in the body of the definition \p Caller.
  void addBody(const clang::FunctionDecl &Caller);

  /// The uses of \p F (any redeclaration), in the order seen.
  const std::vector<FunctionUse> &usesOf(const clang::FunctionDecl &F) const;

  /// The functions \p Caller calls directly, in the order seen.
  const std::vector<const clang::FunctionDecl *> &
  calleesOf(const clang::FunctionDecl &Caller) const;

  void clear() {
    Uses.clear();
    Callees.clear();
  }

private:
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<FunctionUse>> Uses;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::FunctionDecl *>>
      Callees;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_FUNCTIONUSES_H
