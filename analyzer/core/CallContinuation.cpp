//===- CallContinuation.cpp -----------------------------------------------===//

#include "analyzer/core/CallContinuation.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include <map>
#include <set>
#include <tuple>

using namespace clang;

namespace bpftidy {

CallContinuations::~CallContinuations() = default;

const CFG *CallContinuations::graphOf(const FunctionDecl &F) {
  auto [It, Inserted] = Graphs.try_emplace(&F);
  if (Inserted && F.getBody()) {
    CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    It->second = CFG::buildCFG(&F, F.getBody(), &Ctx, std::move(Options));
  }
  return It->second.get();
}

namespace {
/// The local variables assigned since the call, and their last value.
using Assigned = std::map<const VarDecl *, const Expr *>;

const VarDecl *localVariable(const Expr *E) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasLocalStorage())
        return Var->getCanonicalDecl();
  return nullptr;
}

void record(const Stmt *S, Assigned &State) {
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->hasLocalStorage() && Var->getInit())
          State[Var->getCanonicalDecl()] = Var->getInit();
    return;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    if (Binary->isAssignmentOp())
      if (const VarDecl *Var = localVariable(Binary->getLHS()))
        State[Var] =
            Binary->getOpcode() == BO_Assign ? Binary->getRHS() : Binary;
}

ContinuationEnd endAt(const ReturnStmt &Return, const Assigned &State) {
  ContinuationEnd End;
  End.Return = &Return;
  const Expr *Value = Return.getRetValue();
  if (!Value)
    return End;
  if (const VarDecl *Var = localVariable(Value)) {
    auto It = State.find(Var);
    if (It == State.end())
      End.Stale = Var;
    else
      End.Value = It->second->IgnoreParenImpCasts();
    return End;
  }
  End.Value = Value->IgnoreParenImpCasts();
  return End;
}
} // namespace

/// The statement of \p S that runs last, as the CFG lists it: a block's
/// last statement, the body of a `do { ... } while (0)`.
static const Stmt &lastRun(const Stmt &S) {
  if (const auto *Block = dyn_cast<CompoundStmt>(&S))
    return Block->body_empty() ? S : lastRun(*Block->body_back());
  if (const auto *Do = dyn_cast<DoStmt>(&S)) {
    const auto *Cond =
        dyn_cast<IntegerLiteral>(Do->getCond()->IgnoreParenImpCasts());
    if (Cond && Cond->getValue() == 0)
      return lastRun(*Do->getBody());
  }
  return S;
}

std::vector<ContinuationEnd> CallContinuations::after(const Stmt &Statement,
                                                      const FunctionDecl &F) {
  const Stmt &Last = lastRun(Statement);
  std::vector<ContinuationEnd> Ends;
  const CFG *Graph = graphOf(F);
  if (!Graph)
    return Ends;

  struct Point {
    const CFGBlock *Block;
    unsigned Index;
    Assigned State;
  };
  std::vector<Point> Pending;
  for (const CFGBlock *Block : *Graph)
    for (unsigned I = 0; I < Block->size(); ++I)
      if (auto S = (*Block)[I].getAs<CFGStmt>(); S && S->getStmt() == &Last)
        Pending.push_back({Block, I + 1, {}});

  // Loops revisit a block with the same assignments: each pair is walked
  // once, and a budget bounds the rest.
  std::set<std::pair<unsigned, Assigned>> Seen;
  std::set<std::tuple<const ReturnStmt *, const Expr *, const VarDecl *>> Found;
  unsigned Budget = 4096;
  auto Add = [&](ContinuationEnd End) {
    if (Found.insert({End.Return, End.Value, End.Stale}).second)
      Ends.push_back(End);
  };
  while (!Pending.empty() && Budget-- > 0) {
    Point P = std::move(Pending.back());
    Pending.pop_back();
    bool Ended = false;
    for (unsigned I = P.Index; I < P.Block->size() && !Ended; ++I) {
      auto S = (*P.Block)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      if (const auto *Return = dyn_cast<ReturnStmt>(S->getStmt())) {
        Add(endAt(*Return, P.State));
        Ended = true;
      } else {
        record(S->getStmt(), P.State);
      }
    }
    if (Ended)
      continue;
    for (const CFGBlock *Succ : P.Block->succs()) {
      if (!Succ)
        continue;
      if (Succ == &Graph->getExit()) {
        Add(ContinuationEnd());
        continue;
      }
      if (Seen.insert({Succ->getBlockID(), P.State}).second)
        Pending.push_back({Succ, 0, P.State});
    }
  }
  return Ends;
}

} // namespace bpftidy
