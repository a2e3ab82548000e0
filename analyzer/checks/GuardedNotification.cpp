//===- GuardedNotification.cpp --------------------------------------------===//

#include "analyzer/checks/GuardedNotification.h"
#include "analyzer/core/NotificationCall.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace bpftidy {

/// A local variable or parameter, or a `.` field of one: reading it twice
/// has no effect and gives the same value.
static bool isPlainLvalue(const Expr &E) {
  const Expr *Inner = E.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var && !Var->getType().isVolatileQualified();
  }
  if (const auto *Member = dyn_cast<MemberExpr>(Inner))
    return !Member->isArrow() && isPlainLvalue(*Member->getBase());
  return false;
}

GuardedValue guardedValue(const Expr &Returned, llvm::StringRef Text,
                          const FunctionDecl &Function, ASTContext &Ctx) {
  GuardedValue Value;
  if (isPlainLvalue(Returned)) {
    Value.Tested = Text.str();
    return Value;
  }
  QualType Type = Function.getReturnType();
  if (!Type->isIntegerType()) {
    Value.WhyNot = "'" + Function.getName().str() +
                   "' does not return an integer, so the value cannot be "
                   "held for a guard";
    return Value;
  }
  // A name spelled nowhere in the translation unit (no declaration, macro
  // or macro argument uses it) can neither shadow nor be shadowed
  // (-Wshadow), whatever the notification expands to.
  for (llvm::StringRef Candidate : {"__ret", "__verdict", "__drop_ret"}) {
    if (Ctx.Idents.find(Candidate) != Ctx.Idents.end())
      continue;
    Value.Tested = Candidate.str();
    Value.Declaration =
        Type.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()) + " " +
        Value.Tested + " = " + Text.str();
    return Value;
  }
  Value.WhyNot = "no name for the temporary holding the value is free in "
                 "this translation unit";
  return Value;
}

std::string guardCondition(llvm::StringRef Tested, bool SpareMinusOne,
                           ASTContext &Ctx, Preprocessor &PP) {
  std::string Condition = Tested.str() + " < 0";
  if (!SpareMinusOne)
    return Condition;
  return Condition + " && " + Tested.str() + " != " +
         (isExpressionAvailable("TC_ACT_UNSPEC", Ctx, PP) ? "TC_ACT_UNSPEC"
                                                          : "-1");
}

bool fitsStatementForm(const ReturnStmt &Return, const GuardedValue &Value,
                       ASTContext &Ctx) {
  if (!Value.Declaration.empty() || Return.getReturnLoc().isMacroID() ||
      Return.getEndLoc().isMacroID())
    return false;
  DynTypedNodeList Parents = Ctx.getParents(Return);
  return Parents.size() == 1 && Parents[0].get<CompoundStmt>();
}

std::string guardedExpression(const GuardedValue &Value,
                              llvm::StringRef Condition,
                              llvm::StringRef Notification) {
  std::string Conditional =
      Condition.str() + " ? " + Notification.str() + " : " + Value.Tested;
  if (Value.Declaration.empty())
    return Conditional;
  return "({ " + Value.Declaration + "; " + Conditional + "; })";
}

} // namespace bpftidy
