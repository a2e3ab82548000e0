//===- TailCallGraph.cpp --------------------------------------------------===//

#include "analyzer/core/TailCallGraph.h"
#include "analyzer/core/BodyStatements.h"
#include "tailcalls/TailCallSlot.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <set>

using namespace clang;

namespace bpftidy {

TailCallGraph::TailCallGraph(const Conventions &Options)
    : Options(Options), Classifier(Options) {}

std::optional<int64_t> TailCallGraph::slotOf(const ProgramInfo &Program) {
  llvm::StringRef Name = Program.TailTag.empty()
                             ? llvm::StringRef(Program.Section)
                             : llvm::StringRef(Program.TailTag);
  if (std::optional<uint32_t> Key =
          tailcalls::parseSlotKey(Name.rsplit('/').second))
    return *Key;
  return std::nullopt;
}

void TailCallGraph::reset() {
  Built = false;
  Callees.clear();
  Enters.clear();
  Programs.clear();
  Info.clear();
  TailCalls.clear();
  Live.clear();
  Reached.clear();
}

/// The slots a tail-call helper call enters: the last argument that is an
/// integer constant (bpf_tail_call(ctx, &map, 7), tail_call_internal(ctx,
/// 7, &ext_err)), or both arms of a conditional of constants.
static std::vector<int64_t> slotsOfCall(const CallExpr &Call, ASTContext &Ctx) {
  auto Constant = [&](const Expr &E) -> std::optional<int64_t> {
    Expr::EvalResult Value;
    if (!E.isValueDependent() && E.EvaluateAsInt(Value, Ctx))
      return Value.Val.getInt().getExtValue();
    return std::nullopt;
  };
  for (unsigned I = Call.getNumArgs(); I-- > 0;) {
    const Expr *Arg = Call.getArg(I);
    if (auto Slot = Constant(*Arg))
      return {*Slot};
    if (const auto *Choice =
            dyn_cast<ConditionalOperator>(Arg->IgnoreParenImpCasts())) {
      auto True = Constant(*Choice->getTrueExpr());
      auto False = Constant(*Choice->getFalseExpr());
      if (True && False)
        return {*True, *False};
    }
  }
  return {};
}

void TailCallGraph::build(ASTContext &Ctx) {
  Built = true;
  llvm::StringSet<> Helpers;
  for (const std::string &Name : Options.TailCallHelpers)
    Helpers.insert(Name);
  std::set<int64_t> Entered;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *F = dyn_cast<FunctionDecl>(D);
    if (!F || !F->doesThisDeclarationHaveABody())
      continue;
    auto &Calls = Callees[F];
    for (const CallExpr *Call : callsIn(F->getBody())) {
      // libbpf's bpf_tail_call is a function pointer variable.
      const auto *Callee = dyn_cast_or_null<NamedDecl>(Call->getCalleeDecl());
      if (Callee && Callee->getIdentifier() &&
          Helpers.contains(Callee->getName())) {
        for (int64_t Slot : slotsOfCall(*Call, Ctx)) {
          Enters[F].push_back(Slot);
          Entered.insert(Slot);
        }
      }
      if (const FunctionDecl *Direct = Call->getDirectCallee())
        if (const FunctionDecl *Definition = Direct->getDefinition())
          Calls.push_back(Definition);
    }
    ProgramInfo Program = Classifier.classify(*F);
    if (!Program.isProgram())
      continue;
    Programs.push_back(F);
    if (Program.Kind == ProgramKind::TailCall)
      if (auto Slot = slotOf(Program))
        TailCalls[*Slot].push_back(F);
    Info[F] = std::move(Program);
  }

  // Live: entry programs and tail calls no code here enters, then what
  // live code enters.
  std::vector<const FunctionDecl *> Work;
  for (const FunctionDecl *P : Programs) {
    const ProgramInfo &Program = Info[P];
    auto Slot = slotOf(Program);
    if (Program.Kind == ProgramKind::EntryProgram || !Slot ||
        !Entered.count(*Slot)) {
      Live[P] = true;
      Work.push_back(P);
    }
  }
  while (!Work.empty()) {
    const FunctionDecl *P = Work.back();
    Work.pop_back();
    for (const FunctionDecl *G : reached(*P, Ctx))
      for (int64_t Slot : Enters.lookup(G))
        for (const FunctionDecl *T : TailCalls[Slot])
          if (!Live.lookup(T)) {
            Live[T] = true;
            Work.push_back(T);
          }
  }
}

const std::vector<const FunctionDecl *> &
TailCallGraph::reached(const FunctionDecl &F, ASTContext &Ctx) {
  if (!Built)
    build(Ctx);
  auto Found = Reached.find(&F);
  if (Found != Reached.end())
    return Found->second;
  std::vector<const FunctionDecl *> Order{&F};
  llvm::DenseSet<const FunctionDecl *> Seen{&F};
  for (size_t I = 0; I < Order.size(); ++I)
    for (const FunctionDecl *Callee : Callees.lookup(Order[I]))
      if (Seen.insert(Callee).second)
        Order.push_back(Callee);
  return Reached[&F] = std::move(Order);
}

std::vector<const FunctionDecl *>
TailCallGraph::enteringPrograms(int64_t Slot) {
  std::vector<const FunctionDecl *> Found;
  for (const FunctionDecl *P : Programs) {
    if (!Live.lookup(P))
      continue;
    auto It = Reached.find(P);
    if (It == Reached.end())
      continue; // every live program was reached while building
    if (llvm::any_of(It->second, [&](const FunctionDecl *G) {
          return llvm::is_contained(Enters.lookup(G), Slot);
        }))
      Found.push_back(P);
  }
  return Found;
}

EnteringDirections TailCallGraph::enteringDirections(
    const FunctionDecl &F, ASTContext &Ctx,
    llvm::function_ref<std::optional<std::string>(const FunctionDecl &)> Own) {
  EnteringDirections Result;
  if (!Built)
    build(Ctx);
  auto Slot = slotOf(Classifier.classify(F));
  if (!Slot)
    return Result;
  Result.Slot = *Slot;
  // Back from F's slot through tail calls that tell nothing themselves, to
  // the programs that tell (or to entry programs that do not).
  std::vector<int64_t> Slots{*Slot};
  std::set<int64_t> SeenSlots{*Slot};
  llvm::DenseSet<const FunctionDecl *> SeenPrograms{&F};
  for (size_t I = 0; I < Slots.size(); ++I) {
    for (const FunctionDecl *P : enteringPrograms(Slots[I])) {
      if (!SeenPrograms.insert(P).second)
        continue;
      std::string Name = "'" + P->getName().str() + "'";
      if (std::optional<std::string> Told = Own(*P)) {
        Result.Told[*Told].push_back(Name);
        continue;
      }
      auto Next = slotOf(Info[P]);
      if (Info[P].Kind != ProgramKind::TailCall || !Next ||
          enteringPrograms(*Next).empty()) {
        Result.Silent.push_back(Name);
        continue;
      }
      Result.Through.push_back(Name + " (slot " + std::to_string(*Next) + ")");
      if (SeenSlots.insert(*Next).second)
        Slots.push_back(*Next);
    }
  }
  return Result;
}

} // namespace bpftidy
