//===- DropFlowAnalysis.cpp -----------------------------------------------===//

#include "analyzer/core/DropFlowAnalysis.h"
#include "analyzer/core/BodyStatements.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/DenseMap.h"
#include <map>

using namespace clang;

namespace bpftidy {

DropValue FunctionFlow::returnedValue() const {
  DropValue All;
  for (const auto &[Return, Value] : Returns)
    All.join(Value);
  return All;
}

const DropValue *FunctionFlow::valueAt(const ReturnStmt *Return) const {
  for (const auto &[R, Value] : Returns)
    if (R == Return)
      return &Value;
  return nullptr;
}

namespace {

/// A tracked storage location: a local variable, then the fields selected
/// from it (`ct_buffer.ret` is {ct_buffer, ret}).
using Lvalue = std::vector<const void *>;
using State = std::map<Lvalue, DropValue>;

/// Whether \p Key is \p Prefix or a field inside it.
bool within(const Lvalue &Key, const Lvalue &Prefix) {
  return Key.size() >= Prefix.size() &&
         std::equal(Prefix.begin(), Prefix.end(), Key.begin());
}

/// `__builtin_expect(X, C)` (likely/unlikely) has the value of X.
const Expr *throughExpect(const Expr *E) {
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
        Call->getNumArgs() == 2)
      return Call->getArg(0);
  return nullptr;
}

class DropFlow {
public:
  DropFlow(ASTContext &Ctx, const DropReasonMatcher &Matcher,
           CalleeValueFn CalleeValue, bool NamedDropsOnly)
      : Ctx(Ctx), Matcher(Matcher), CalleeValue(CalleeValue),
        NamedDropsOnly(NamedDropsOnly) {}

  FunctionFlow run(const FunctionDecl &F);

private:
  std::optional<Lvalue> lvalueOf(const Expr *E) const;
  DropValue evaluate(const Expr *E, const State &S) const;
  DropValue load(const Lvalue &L, const State &S) const;
  void store(const Lvalue &L, DropValue V, State &S) const;
  void transfer(const Stmt *Element, State &S, FunctionFlow &Flow,
                llvm::DenseMap<const ReturnStmt *, size_t> &ReturnIndex) const;
  void refine(const Expr *Condition, bool Holds, State &S) const;
  bool stateFree(const Expr *E) const;
  bool runWithoutCFG(const FunctionDecl &F, FunctionFlow &Flow) const;

  ASTContext &Ctx;
  const DropReasonMatcher &Matcher;
  CalleeValueFn CalleeValue;
  bool NamedDropsOnly;
  /// While refining by a predicate helper's body: its parameters stand for
  /// the caller's arguments.
  mutable llvm::DenseMap<const ParmVarDecl *, Lvalue> Arguments;
  mutable unsigned PredicateDepth = 0;
};

/// What is known after either of two paths.
State joinStates(const State &A, const State &B) {
  State Joined = A;
  for (auto &[Key, Value] : B) {
    auto It = Joined.find(Key);
    if (It == Joined.end())
      Joined.emplace(Key, DropValue::unknown()).first->second.join(Value);
    else
      It->second.join(Value);
  }
  // A key missing on one side is unknown there.
  for (auto &[Key, Value] : Joined)
    if (!B.count(Key))
      Value.join(DropValue::unknown());
  return Joined;
}

/// The condition a predicate helper returns (`static bool fib_ok(int ret)
/// { return likely(ret == CTX_ACT_TX || ret == CTX_ACT_REDIRECT); }`), or
/// null when \p F is not a single `return`.
const Expr *predicateBody(const FunctionDecl &F) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(F.getBody());
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  return Return ? Return->getRetValue() : nullptr;
}

std::optional<Lvalue> DropFlow::lvalueOf(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl())) {
      auto It = Arguments.find(Param);
      if (It != Arguments.end())
        return It->second;
    }
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasLocalStorage())
        return Lvalue{Var->getCanonicalDecl()};
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (Member->isArrow())
      return std::nullopt;
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    auto Base = lvalueOf(Member->getBase());
    if (!Field || !Base)
      return std::nullopt;
    Base->push_back(Field->getCanonicalDecl());
    return Base;
  }
  return std::nullopt;
}

DropValue DropFlow::load(const Lvalue &L, const State &S) const {
  auto It = S.find(L);
  return It == S.end() ? DropValue::unknown() : It->second;
}

void DropFlow::store(const Lvalue &L, DropValue V, State &S) const {
  // Writing a struct replaces what was known of its fields.
  for (auto It = S.lower_bound(L); It != S.end() && within(It->first, L);)
    It = S.erase(It);
  S[L] = std::move(V);
}

DropValue DropFlow::evaluate(const Expr *E, const State &S) const {
  E = E->IgnoreParens();
  // A GNU statement expression `({ ...; X; })` has the value of its last
  // expression statement (invoke_tailcall_if from mid-2023: `({
  // ep_tail_call(ctx, N); DROP_MISSED_TAIL_CALL; })`); the statements
  // before it are already in the CFG, ahead of this element.
  if (const auto *Statement = dyn_cast<StmtExpr>(E->IgnoreParenCasts())) {
    const CompoundStmt *Body = Statement->getSubStmt();
    if (Body && !Body->body_empty())
      if (const auto *Last = dyn_cast<Expr>(Body->body_back()))
        return evaluate(Last, S);
    return DropValue::unknown();
  }
  if (Matcher.isNotification(*E, Ctx))
    return DropValue::notified();
  if (auto Reason = Matcher.literalDropReason(*E, Ctx, NamedDropsOnly))
    return DropValue::drop({Reason->Name, nullptr}, {Reason->Name});
  E = E->IgnoreParenCasts();
  Expr::EvalResult Result;
  if (!E->isValueDependent() && E->EvaluateAsInt(Result, Ctx))
    return DropValue::constant(Result.Val.getInt().getExtValue());
  if (auto L = lvalueOf(E))
    return load(*L, S);
  if (const Expr *Inner = throughExpect(E))
    return evaluate(Inner, S);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (auto V = CalleeValue(*Callee))
        return V->asSeenByCaller({Callee->getName().str(), Callee});
    return DropValue::unknown();
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    // Each side sees what its condition proves: `ret < 0 ? notify(ret) :
    // ret` (a guarded fix) returns no drop reason.
    State IfTrue = S, IfFalse = S;
    refine(Cond->getCond(), true, IfTrue);
    refine(Cond->getCond(), false, IfFalse);
    DropValue V = evaluate(Cond->getTrueExpr(), IfTrue);
    V.join(evaluate(Cond->getFalseExpr(), IfFalse));
    return V;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E))
    if (Binary->getOpcode() == BO_Assign || Binary->getOpcode() == BO_Comma)
      return evaluate(Binary->getRHS(), S);
  return DropValue::unknown();
}

void DropFlow::transfer(
    const Stmt *Element, State &S, FunctionFlow &Flow,
    llvm::DenseMap<const ReturnStmt *, size_t> &ReturnIndex) const {
  if (const auto *Decls = dyn_cast<DeclStmt>(Element)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->hasLocalStorage())
          store({Var->getCanonicalDecl()},
                Var->getInit() && !isa<InitListExpr>(Var->getInit())
                    ? evaluate(Var->getInit(), S)
                    : DropValue::unknown(),
                S);
    return;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(Element)) {
    if (!Binary->isAssignmentOp())
      return;
    if (auto L = lvalueOf(Binary->getLHS()))
      store(*L,
            Binary->getOpcode() == BO_Assign ? evaluate(Binary->getRHS(), S)
                                             : DropValue::unknown(),
            S);
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(Element)) {
    auto L = lvalueOf(Unary->getSubExpr());
    if (!L)
      return;
    if (Unary->isIncrementDecrementOp()) {
      store(*L, DropValue::unknown(), S);
    } else if (Unary->getOpcode() == UO_AddrOf) {
      // Whoever gets the address may write anything there.
      for (auto It = S.lower_bound(*L); It != S.end() && within(It->first, *L);
           ++It)
        It->second.join(DropValue::unknown());
    }
    return;
  }
  if (const auto *Return = dyn_cast<ReturnStmt>(Element)) {
    const Expr *Value = Return->getRetValue();
    if (!Value)
      return;
    DropValue V = evaluate(Value, S);
    auto [It, Inserted] = ReturnIndex.try_emplace(Return, Flow.Returns.size());
    if (Inserted)
      Flow.Returns.emplace_back(Return, std::move(V));
    else
      Flow.Returns[It->second].second = std::move(V);
  }
}

void DropFlow::refine(const Expr *Condition, bool Holds, State &S) const {
  const Expr *E = Condition->IgnoreParenCasts();
  if (const Expr *Inner = throughExpect(E))
    return refine(Inner, Holds, S);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_LNot)
      return refine(Unary->getSubExpr(), !Holds, S);
  // `a || b` false means both are false, `a && b` true means both are true
  // (Cilium's IS_ERR(x) is `x < 0 || x == CTX_ACT_DROP`). Otherwise one of
  // two paths was taken: the left side decided it, or the right side did.
  if (const auto *Logical = dyn_cast<BinaryOperator>(E);
      Logical && Logical->isLogicalOp()) {
    bool Decisive = Logical->getOpcode() == BO_LOr; // what `a` alone decides
    if (Holds != Decisive) {
      refine(Logical->getLHS(), Holds, S);
      refine(Logical->getRHS(), Holds, S);
      return;
    }
    State ByLeft = S;
    refine(Logical->getLHS(), Decisive, ByLeft);
    refine(Logical->getLHS(), !Decisive, S);
    refine(Logical->getRHS(), Holds, S);
    S = joinStates(ByLeft, S);
    return;
  }
  // A predicate helper tests its arguments as its body says.
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const Expr *Predicate = Callee ? predicateBody(*Callee) : nullptr;
    if (!Predicate || PredicateDepth > 3 ||
        Call->getNumArgs() != Callee->getNumParams())
      return;
    auto Saved = Arguments;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (auto L = lvalueOf(Call->getArg(I)))
        Arguments[Callee->getParamDecl(I)] = *L;
    ++PredicateDepth;
    refine(Predicate, Holds, S);
    --PredicateDepth;
    Arguments = std::move(Saved);
    return;
  }

  // The tested storage: `x`, or `x` in `(x = f())`.
  auto Tested = [&](const Expr *Side) -> std::optional<Lvalue> {
    Side = Side->IgnoreParenCasts();
    if (const auto *Assign = dyn_cast<BinaryOperator>(Side))
      if (Assign->getOpcode() == BO_Assign)
        Side = Assign->getLHS();
    return lvalueOf(Side);
  };
  auto Constant = [&](const Expr *Side) -> std::optional<int64_t> {
    Expr::EvalResult Result;
    if (!Side->isValueDependent() && Side->EvaluateAsInt(Result, Ctx))
      return Result.Val.getInt().getExtValue();
    return std::nullopt;
  };

  std::optional<Lvalue> L;
  BinaryOperatorKind Op = BO_NE;
  int64_t K = 0;
  if (const auto *Binary = dyn_cast<BinaryOperator>(E);
      Binary && Binary->isComparisonOp()) {
    Op = Binary->getOpcode();
    if (auto C = Constant(Binary->getRHS());
        C && (L = Tested(Binary->getLHS())))
      K = *C;
    else if (auto C = Constant(Binary->getLHS());
             C && (L = Tested(Binary->getRHS()))) {
      K = *C;
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
  } else {
    L = Tested(E); // `if (x)` is `x != 0`
  }
  if (!L)
    return;
  DropValue V = load(*L, S);
  V.refine(Op, K, Holds);
  S[*L] = std::move(V);
}

/// Whether \p E's value is the same whatever the function's locals hold:
/// constants, drop reasons, notifications, calls (their value is the
/// callee's summary), and conditionals of those.
bool DropFlow::stateFree(const Expr *E) const {
  E = E->IgnoreParenCasts();
  if (E->isValueDependent())
    return false;
  if (isa<CallExpr>(E) && !throughExpect(E))
    return true;
  if (const Expr *Inner = throughExpect(E))
    return stateFree(Inner);
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E))
    return stateFree(Cond->getTrueExpr()) && stateFree(Cond->getFalseExpr());
  Expr::EvalResult Result;
  return E->EvaluateAsInt(Result, Ctx);
}

/// Most helpers return constants and calls only (`if (...) return
/// DROP_X; return CTX_ACT_OK;`): their returns need no CFG, which costs
/// more than everything else the analysis does to a function.
bool DropFlow::runWithoutCFG(const FunctionDecl &F, FunctionFlow &Flow) const {
  std::vector<const ReturnStmt *> Returns = returnsIn(F.getBody());
  for (const ReturnStmt *Return : Returns)
    if (Return->getRetValue() && !stateFree(Return->getRetValue()))
      return false;
  State Empty;
  for (const ReturnStmt *Return : Returns)
    if (const Expr *Value = Return->getRetValue())
      Flow.Returns.emplace_back(Return, evaluate(Value, Empty));
  // Without a CFG every `return` counts as reached.
  Flow.Analysed = true;
  Flow.Complete = false;
  return true;
}

FunctionFlow DropFlow::run(const FunctionDecl &F) {
  FunctionFlow Flow;
  Stmt *Body = F.getBody();
  if (!Body)
    return Flow;
  if (runWithoutCFG(F, Flow))
    return Flow;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&F, Body, &Ctx, std::move(Options));
  if (!Graph)
    return Flow;
  Flow.Analysed = true;

  PostOrderCFGView Order(Graph.get());
  ForwardDataflowWorklist Worklist(*Graph, &Order);
  std::vector<std::optional<State>> Entry(Graph->getNumBlockIDs());
  llvm::DenseMap<const ReturnStmt *, size_t> ReturnIndex;

  const CFGBlock &EntryBlock = Graph->getEntry();
  Entry[EntryBlock.getBlockID()] = State();
  Worklist.enqueueBlock(&EntryBlock);
  // States only grow and their height is bounded; the budget guards
  // against a lattice bug turning into a hang.
  unsigned Budget = 64 * Graph->getNumBlockIDs() + 64;
  Flow.Complete = true;
  while (const CFGBlock *Block = Worklist.dequeue()) {
    if (Budget-- == 0) {
      Flow.Complete = false;
      break;
    }
    State S = *Entry[Block->getBlockID()];
    for (const CFGElement &Element : *Block)
      if (auto Statement = Element.getAs<CFGStmt>())
        transfer(Statement->getStmt(), S, Flow, ReturnIndex);

    const Expr *Condition =
        Block->succ_size() == 2 ? Block->getLastCondition() : nullptr;
    unsigned Index = 0;
    for (const CFGBlock *Succ : Block->succs()) {
      unsigned Branch = Index++;
      if (!Succ)
        continue;
      State Out = S;
      if (Condition)
        refine(Condition, Branch == 0, Out);
      std::optional<State> &In = Entry[Succ->getBlockID()];
      if (!In) {
        In = std::move(Out);
      } else {
        State Joined = joinStates(*In, Out);
        if (Joined == *In)
          continue;
        In = std::move(Joined);
      }
      Worklist.enqueueBlock(Succ);
    }
  }
  return Flow;
}

} // namespace

FunctionFlow analyzeDropFlow(const FunctionDecl &F, ASTContext &Ctx,
                             const DropReasonMatcher &Matcher,
                             CalleeValueFn CalleeValue, bool NamedDropsOnly) {
  return DropFlow(Ctx, Matcher, CalleeValue, NamedDropsOnly).run(F);
}

} // namespace bpftidy
