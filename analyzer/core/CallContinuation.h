//===- CallContinuation.h - where a function goes after a call -*- C++ -*-===//
//
// A tail call that misses returns, and the function goes on. What it does
// next decides whether the miss is seen: this follows every path of the
// function's CFG from just after one call (or one statement that is a tail
// call, such as the expansion of a tail_call_static() macro whose body is
// inline asm) to where it ends (a `return`, or
// the end of a void function) and says, per path, what is returned: the
// returned expression, or, for a local variable, the expression last
// assigned to it on that path, or that it still holds what it held before
// the call (a stale value).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_CALLCONTINUATION_H
#define BPF_TIDY_ANALYZER_CORE_CALLCONTINUATION_H

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class ReturnStmt;
class Stmt;
class VarDecl;
} // namespace clang

namespace bpftidy {

/// One way the function ends after the call.
struct ContinuationEnd {
  /// The `return`; null when the path falls off the end of the function.
  const clang::ReturnStmt *Return = nullptr;
  /// What is returned on this path: the `return`'s value, or the last
  /// expression assigned since the call to the variable it returns; null
  /// for `return;` and the end of the function.
  const clang::Expr *Value = nullptr;
  /// The `return` returns a local variable not assigned since the call.
  const clang::VarDecl *Stale = nullptr;

  bool returnsNothing() const { return !Value && !Stale; }
};

class CallContinuations {
public:
  explicit CallContinuations(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  ~CallContinuations();

  /// The distinct ends of the paths from just after \p S (a call, or a
  /// statement such as `{ ...; asm volatile(...); }`, after its last
  /// statement) in the body of \p F, in the order found. Empty when no CFG
  /// could be built.
  std::vector<ContinuationEnd> after(const clang::Stmt &S,
                                     const clang::FunctionDecl &F);

private:
  const clang::CFG *graphOf(const clang::FunctionDecl &F);

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::CFG>>
      Graphs;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_CALLCONTINUATION_H
