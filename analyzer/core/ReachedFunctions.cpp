//===- ReachedFunctions.cpp -----------------------------------------------===//

#include "analyzer/core/ReachedFunctions.h"
#include "analyzer/core/FunctionUses.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace bpftidy {

std::vector<const FunctionDecl *>
reachedFromPrograms(llvm::ArrayRef<const FunctionDecl *> Definitions,
                    llvm::function_ref<bool(const FunctionDecl &)> IsProgram,
                    const FunctionUses &Uses) {
  llvm::DenseSet<const FunctionDecl *> Reached;
  std::vector<const FunctionDecl *> Pending;
  for (const FunctionDecl *F : Definitions)
    if (IsProgram(*F) && Reached.insert(F->getCanonicalDecl()).second)
      Pending.push_back(F);
  while (!Pending.empty()) {
    const FunctionDecl *F = Pending.back();
    Pending.pop_back();
    for (const FunctionDecl *Callee : Uses.calleesOf(*F))
      if (const FunctionDecl *Definition = Callee->getDefinition())
        if (Reached.insert(Definition->getCanonicalDecl()).second)
          Pending.push_back(Definition);
  }
  std::vector<const FunctionDecl *> InOrder;
  for (const FunctionDecl *F : Definitions)
    if (Reached.count(F->getCanonicalDecl()))
      InOrder.push_back(F);
  return InOrder;
}

} // namespace bpftidy
