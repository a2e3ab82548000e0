//===- FunctionUses.cpp ---------------------------------------------------===//

#include "analyzer/core/FunctionUses.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace bpftidy {

namespace {
class UseCollector : public RecursiveASTVisitor<UseCollector> {
public:
  llvm::DenseMap<const CallExpr *, const ReturnStmt *> ReturnedCalls;
  llvm::DenseSet<const DeclRefExpr *> Callees;
  std::vector<std::pair<const FunctionDecl *, FunctionUse>> Found;
  const FunctionDecl *Caller = nullptr;

  bool VisitReturnStmt(ReturnStmt *Return) {
    if (const Expr *Value = Return->getRetValue())
      if (const auto *Call = dyn_cast<CallExpr>(Value->IgnoreParenImpCasts()))
        ReturnedCalls[Call] = Return;
    return true;
  }
  // Pre-order: a call is visited before its callee's DeclRefExpr.
  bool VisitCallExpr(CallExpr *Call) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
    const auto *Callee = Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
    if (!Callee)
      return true;
    Callees.insert(Ref);
    const ReturnStmt *Return = ReturnedCalls.lookup(Call);
    Found.emplace_back(Callee->getCanonicalDecl(),
                       FunctionUse{Caller, Call, Return != nullptr, Return});
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      if (!Callees.count(Ref))
        Found.emplace_back(F->getCanonicalDecl(),
                           FunctionUse{Caller, nullptr, false});
    return true;
  }
};
} // namespace

void FunctionUses::addBody(const FunctionDecl &Caller) {
  if (!Caller.getBody())
    return;
  UseCollector Collector;
  Collector.Caller = &Caller;
  Collector.TraverseStmt(Caller.getBody());
  auto &CalleeList = Callees[Caller.getCanonicalDecl()];
  for (auto &[F, Use] : Collector.Found) {
    if (Use.Call && !llvm::is_contained(CalleeList, F))
      CalleeList.push_back(F);
    Uses[F].push_back(Use);
  }
}

const std::vector<FunctionUse> &
FunctionUses::usesOf(const FunctionDecl &F) const {
  static const std::vector<FunctionUse> None;
  auto It = Uses.find(F.getCanonicalDecl());
  return It == Uses.end() ? None : It->second;
}

const std::vector<const FunctionDecl *> &
FunctionUses::calleesOf(const FunctionDecl &Caller) const {
  static const std::vector<const FunctionDecl *> None;
  auto It = Callees.find(Caller.getCanonicalDecl());
  return It == Callees.end() ? None : It->second;
}

} // namespace bpftidy
