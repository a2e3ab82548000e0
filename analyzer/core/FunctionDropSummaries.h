//===- FunctionDropSummaries.h - may a function return a drop? -*- C++ -*-===//
//
// Function summaries over the translation unit's call graph: for each
// function the dataflow (DropFlowAnalysis) is run once, bottom-up on
// demand, and its result says which of its returns may return a drop
// reason, which reasons, and from where (literal drops, propagated values,
// callees). BPF has no recursion, but a call cycle is still cut: a call of
// a function whose summary is being computed is "unknown".
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_FUNCTIONDROPSUMMARIES_H
#define BPF_TIDY_ANALYZER_CORE_FUNCTIONDROPSUMMARIES_H

#include "analyzer/core/DropFlowAnalysis.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace bpftidy {

class DropReasonMatcher;
class ProgramClassifier;

class FunctionDropSummaries {
public:
  FunctionDropSummaries(const DropReasonMatcher &Matcher,
                        const ProgramClassifier &Classifier)
      : Matcher(Matcher), Classifier(Classifier) {}

  /// The dataflow result of the definition of \p F (computed once).
  const FunctionFlow &flow(const clang::FunctionDecl &F,
                           clang::ASTContext &Ctx);

  /// What a call of \p F may yield, or nothing when unknown (no body in
  /// this translation unit, or a call cycle).
  std::optional<DropValue> callValue(const clang::FunctionDecl &F,
                                     clang::ASTContext &Ctx);

  void clear() {
    Flows.clear();
    Provisional.clear();
    InProgress.clear();
  }

private:
  const DropReasonMatcher &Matcher;
  const ProgramClassifier &Classifier;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFlow>>
      Flows;
  /// Results that saw a cut cycle through a caller still being computed:
  /// valid for that caller's computation, not to be reused later.
  std::vector<std::unique_ptr<FunctionFlow>> Provisional;
  /// Functions being computed, with their depth on the computation stack.
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> InProgress;
  /// The shallowest depth a cut cycle reached back to, while computing.
  unsigned ShallowestCut = ~0u;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_FUNCTIONDROPSUMMARIES_H
