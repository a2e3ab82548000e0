//===- SourceNotifyRule.h - where a helper's drop reasons are fixed -*- C++
//-*-//
//
// The one reporting rule for drop reasons that a helper (a function that is
// not a program) returns: notify at the helper's own `return` when *every*
// use of the helper in the translation unit is a call whose value its
// caller returns directly (`return f(ctx);`), and that caller is a program
// or a helper for which the same holds. Notifying at the source then
// changes nothing but the reporting. Otherwise the drop is reported where a
// program returns it, because a notification inside a helper whose callers
// test `ret < 0` or use the value (a header length) would turn a drop into
// a pass.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_SOURCENOTIFYRULE_H
#define BPF_TIDY_ANALYZER_CHECKS_SOURCENOTIFYRULE_H

#include "analyzer/core/FunctionUses.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class ParmVarDecl;
class ReturnStmt;
} // namespace clang

namespace bpftidy {

struct SourceNotifyDecision {
  /// Whether notifying inside the helper is safe.
  bool Safe = false;
  /// Why not, when it is not.
  std::string Why;
  /// The programs that return the helper's value to the kernel (through
  /// other helpers), in the order first seen.
  std::vector<const clang::FunctionDecl *> Programs;
  /// The helper's parameter that receives the program's context in every
  /// call, if any.
  const clang::ParmVarDecl *Context = nullptr;
  /// Why there is no context parameter, when there is none.
  std::string WhyNoContext;
  /// The programs' `return`s that hand the helper's value to the kernel.
  std::vector<KernelReturn> KernelReturns;
};

class SourceNotifyRule {
public:
  using IsProgramFn = llvm::function_ref<bool(const clang::FunctionDecl &)>;

  SourceNotifyRule(const FunctionUses &Uses, IsProgramFn IsProgram)
      : Uses(Uses), IsProgram(IsProgram) {}

  /// The decision for the helper \p F (not a program).
  const SourceNotifyDecision &decide(const clang::FunctionDecl &F);

private:
  const FunctionUses &Uses;
  IsProgramFn IsProgram;
  llvm::DenseMap<const clang::FunctionDecl *, SourceNotifyDecision> Decisions;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_SOURCENOTIFYRULE_H
