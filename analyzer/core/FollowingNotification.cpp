//===- FollowingNotification.cpp ------------------------------------------===//

#include "analyzer/core/FollowingNotification.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace bpftidy {

namespace {
/// The local variables \p S mentions.
class VariablesIn : public RecursiveASTVisitor<VariablesIn> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *V = dyn_cast<VarDecl>(E->getDecl()))
      if (V->hasLocalStorage())
        Found.insert(V);
    return true;
  }
  llvm::SmallPtrSet<const VarDecl *, 4> Found;
};
} // namespace

static llvm::SmallPtrSet<const VarDecl *, 4> variablesIn(const Stmt *S) {
  VariablesIn Visitor;
  if (S)
    Visitor.TraverseStmt(const_cast<Stmt *>(S));
  return Visitor.Found;
}

/// The `return` of a notification that \p Then ends in, if any.
static const ReturnStmt *notifyingReturn(const Stmt *Then,
                                         const DropReasonMatcher &Matcher,
                                         ASTContext &Ctx) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Then))
    Then = Block->body_empty() ? nullptr : Block->body_back();
  const auto *Return = dyn_cast_or_null<ReturnStmt>(Then);
  if (!Return || !Return->getRetValue() ||
      !Matcher.isNotification(*Return->getRetValue(), Ctx))
    return nullptr;
  return Return;
}

static std::optional<FollowingNotification>
asNotificationBlock(const Stmt *S, const DropReasonMatcher &Matcher,
                    ASTContext &Ctx) {
  if (const auto *Label = dyn_cast_or_null<LabelStmt>(S))
    S = Label->getSubStmt();
  const auto *If = dyn_cast_or_null<IfStmt>(S);
  if (!If)
    return std::nullopt;
  const ReturnStmt *Return = notifyingReturn(If->getThen(), Matcher, Ctx);
  if (!Return)
    return std::nullopt;
  llvm::SmallPtrSet<const VarDecl *, 4> Tested = variablesIn(If->getCond());
  for (const VarDecl *V : variablesIn(Return->getRetValue()))
    if (Tested.count(V))
      return FollowingNotification{If, V, Return->getRetValue()};
  return std::nullopt;
}

static const Stmt *onlyParent(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  return Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
}

std::optional<FollowingNotification>
notificationAfter(const Stmt &S, const DropReasonMatcher &Matcher,
                  ASTContext &Ctx) {
  const Stmt *Current = &S;
  llvm::SmallPtrSet<const Stmt *, 8> Visited;
  while (Current && Visited.insert(Current).second) {
    const Stmt *Parent = onlyParent(*Current, Ctx);
    if (!Parent || isa<ForStmt>(Parent) || isa<WhileStmt>(Parent) ||
        isa<DoStmt>(Parent))
      return std::nullopt;
    const auto *Block = dyn_cast<CompoundStmt>(Parent);
    if (!Block) {
      Current = Parent;
      continue;
    }
    const Stmt *Next = Block;
    bool After = false;
    for (const Stmt *Later : Block->body()) {
      if (Later == Current) {
        After = true;
        continue;
      }
      if (!After)
        continue;
      if (std::optional<FollowingNotification> Found =
              asNotificationBlock(Later, Matcher, Ctx))
        return Found;
      if (isa<ReturnStmt>(Later))
        return std::nullopt;
      if (isa<BreakStmt>(Later)) {
        // Out of the nearest switch (a loop's break is not followed).
        const Stmt *Switch = onlyParent(*Block, Ctx);
        while (Switch && !isa<SwitchStmt>(Switch) && !isa<ForStmt>(Switch) &&
               !isa<WhileStmt>(Switch) && !isa<DoStmt>(Switch))
          Switch = onlyParent(*Switch, Ctx);
        if (!Switch || !isa<SwitchStmt>(Switch))
          return std::nullopt;
        Next = Switch;
        break;
      }
      if (const auto *Goto = dyn_cast<GotoStmt>(Later)) {
        const LabelStmt *Target = Goto->getLabel()->getStmt();
        if (!Target)
          return std::nullopt;
        if (std::optional<FollowingNotification> Found =
                asNotificationBlock(Target, Matcher, Ctx))
          return Found;
        Next = Target;
        break;
      }
    }
    Current = Next;
  }
  return std::nullopt;
}

} // namespace bpftidy
