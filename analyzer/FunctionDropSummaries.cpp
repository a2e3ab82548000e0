//===- FunctionDropSummaries.cpp ------------------------------------------===//

#include "analyzer/FunctionDropSummaries.h"
#include "clang/AST/Decl.h"

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

  InProgress.insert(Definition);
  auto Flow = std::make_unique<FunctionFlow>(analyzeDropFlow(
      *Definition, Ctx, Matcher,
      [&](const FunctionDecl &Callee) { return callValue(Callee, Ctx); }));
  InProgress.erase(Definition);
  return *(Flows[Definition] = std::move(Flow));
}

std::optional<DropValue> FunctionDropSummaries::callValue(const FunctionDecl &F,
                                                          ASTContext &Ctx) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->hasBody() || InProgress.count(Definition))
    return std::nullopt;
  const FunctionFlow &Flow = flow(*Definition, Ctx);
  if (!Flow.Analysed)
    return std::nullopt;
  return Flow.returnedValue();
}

} // namespace bpftidy
