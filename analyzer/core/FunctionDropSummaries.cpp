//===- FunctionDropSummaries.cpp ------------------------------------------===//

#include "analyzer/core/FunctionDropSummaries.h"
#include "analyzer/core/ProgramClassifier.h"
#include "clang/AST/Decl.h"
#include <algorithm>

using namespace clang;

namespace bpftidy {

const FunctionFlow &FunctionDropSummaries::flow(const FunctionDecl &F,
                                                ASTContext &Ctx) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition)
    Definition = &F;
  auto It = Flows.find(Definition);
  if (It != Flows.end())
    return *It->second;

  unsigned Depth = InProgress.size();
  InProgress[Definition] = Depth;
  unsigned OuterCut = ShallowestCut;
  ShallowestCut = ~0u;
  auto Flow = std::make_unique<FunctionFlow>(analyzeDropFlow(
      *Definition, Ctx, Matcher,
      [&](const FunctionDecl &Callee) { return callValue(Callee, Ctx); },
      /*NamedDropsOnly=*/!Classifier.classify(*Definition).isProgram()));
  InProgress.erase(Definition);
  // A cycle cut at a caller still being computed made this result depend
  // on where the computation started: use it now, compute it again later.
  bool SawOuterCycle = ShallowestCut < Depth;
  ShallowestCut = std::min(OuterCut, ShallowestCut);
  if (SawOuterCycle) {
    Provisional.push_back(std::move(Flow));
    return *Provisional.back();
  }
  return *(Flows[Definition] = std::move(Flow));
}

std::optional<DropValue> FunctionDropSummaries::callValue(const FunctionDecl &F,
                                                          ASTContext &Ctx) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->hasBody())
    return std::nullopt;
  auto Cut = InProgress.find(Definition);
  if (Cut != InProgress.end()) {
    ShallowestCut = std::min(ShallowestCut, Cut->second);
    return std::nullopt;
  }
  const FunctionFlow &Flow = flow(*Definition, Ctx);
  if (!Flow.Analysed)
    return std::nullopt;
  return Flow.returnedValue();
}

} // namespace bpftidy
