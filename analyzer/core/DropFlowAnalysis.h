//===- DropFlowAnalysis.h - which values reach each return -*- C++ -*-===//
//
// A forward dataflow over one function's CFG (clang/Analysis/CFG.h): for
// each local variable and each field of a local struct (`ct_buffer.ret`),
// the DropValue it may hold at each point; at each `return`, the value
// returned. Branch conditions refine the values along each CFG edge, so
// `if (ret < 0) return ret;` returns only what can be negative and the
// fall-through path no longer carries the drop reason. Values from callees
// come from their summaries (FunctionDropSummaries).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_DROPFLOWANALYSIS_H
#define BPF_TIDY_ANALYZER_CORE_DROPFLOWANALYSIS_H

#include "analyzer/core/DropValue.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class ReturnStmt;
} // namespace clang

namespace bpftidy {

class DropReasonMatcher;

/// The value each reachable `return` of a function may return.
struct FunctionFlow {
  std::vector<std::pair<const clang::ReturnStmt *, DropValue>> Returns;
  /// False when no CFG could be built; then nothing is known.
  bool Analysed = false;
  /// False when the dataflow stopped before a fixpoint; then a `return`
  /// missing from Returns may still be reachable.
  bool Complete = false;

  /// The join of every returned value.
  DropValue returnedValue() const;
  const DropValue *valueAt(const clang::ReturnStmt *Return) const;
  /// Whether \p Return is provably never executed: the dataflow reached a
  /// fixpoint without reaching it (dead code after `return FUNC(ctx);`).
  bool isUnreachable(const clang::ReturnStmt *Return) const {
    return Analysed && Complete && !valueAt(Return);
  }
};

/// The value a call of \p Callee yields, or nothing if unknown.
using CalleeValueFn =
    llvm::function_ref<std::optional<DropValue>(const clang::FunctionDecl &)>;

/// Runs the dataflow over the body of \p F.
/// \p NamedDropsOnly: \p F is a helper, where only named drop reasons
/// count (see DropReasonMatcher::literalDropReason).
FunctionFlow analyzeDropFlow(const clang::FunctionDecl &F,
                             clang::ASTContext &Ctx,
                             const DropReasonMatcher &Matcher,
                             CalleeValueFn CalleeValue, bool NamedDropsOnly);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_DROPFLOWANALYSIS_H
