//===- SourceNotifyRule.cpp -----------------------------------------------===//

#include "analyzer/checks/SourceNotifyRule.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <set>

using namespace clang;

namespace bpftidy {

/// The argument positions of \p Call that pass \p Context as is.
static std::vector<unsigned> positionsPassing(const CallExpr &Call,
                                              const ParmVarDecl *Context) {
  std::vector<unsigned> Positions;
  if (!Context)
    return Positions;
  for (unsigned I = 0; I < Call.getNumArgs(); ++I)
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Call.getArg(I)->IgnoreParenImpCasts()))
      if (Ref->getDecl() == Context)
        Positions.push_back(I);
  return Positions;
}

const SourceNotifyDecision &SourceNotifyRule::decide(const FunctionDecl &F) {
  const FunctionDecl *Key = F.getCanonicalDecl();
  auto Known = Decisions.find(Key);
  if (Known != Decisions.end())
    return Known->second;
  // A call cycle (never in BPF) is not safe; this also ends the recursion.
  SourceNotifyDecision Cycle;
  Cycle.Why = "'" + F.getName().str() + "' is part of a call cycle";
  Decisions[Key] = std::move(Cycle);

  SourceNotifyDecision Result;
  Result.Safe = true;
  std::set<unsigned> ContextPositions;
  bool EveryCallPassesContext = true;
  const std::vector<FunctionUse> &UseList = Uses.usesOf(F);
  if (UseList.empty()) {
    Result.Safe = false;
    Result.Why = "'" + F.getName().str() + "' is not called";
  }
  for (const FunctionUse &Use : UseList) {
    std::string CallerName = Use.Caller->getName().str();
    if (!Use.Call) {
      Result.Safe = false;
      Result.Why = "'" + CallerName + "' uses '" + F.getName().str() +
                   "' other than by calling it";
      break;
    }
    if (!Use.ReturnedDirectly) {
      Result.Safe = false;
      Result.Why = "'" + CallerName + "' uses the value of '" +
                   F.getName().str() + "' instead of returning it";
      break;
    }
    const ParmVarDecl *CallerContext = nullptr;
    if (IsProgram(*Use.Caller)) {
      if (!llvm::is_contained(Result.Programs, Use.Caller))
        Result.Programs.push_back(Use.Caller);
      Result.KernelReturns.push_back({Use.Caller, Use.Return, &F});
      if (Use.Caller->getNumParams() > 0)
        CallerContext = Use.Caller->getParamDecl(0);
    } else {
      SourceNotifyDecision Caller = decide(*Use.Caller);
      if (!Caller.Safe) {
        Result.Safe = false;
        Result.Why = "'" + CallerName + "' returns the value of '" +
                     F.getName().str() + "', but " + Caller.Why;
        break;
      }
      for (const FunctionDecl *Program : Caller.Programs)
        if (!llvm::is_contained(Result.Programs, Program))
          Result.Programs.push_back(Program);
      Result.KernelReturns.insert(Result.KernelReturns.end(),
                                  Caller.KernelReturns.begin(),
                                  Caller.KernelReturns.end());
      CallerContext = Caller.Context;
    }
    std::vector<unsigned> Positions =
        positionsPassing(*Use.Call, CallerContext);
    if (Positions.size() == 1)
      ContextPositions.insert(Positions.front());
    else
      EveryCallPassesContext = false;
  }

  if (!Result.Safe) {
    Result.Programs.clear();
    Result.KernelReturns.clear();
  } else {
    const FunctionDecl *Definition = F.getDefinition();
    if (!Definition)
      Definition = &F;
    if (EveryCallPassesContext && ContextPositions.size() == 1 &&
        *ContextPositions.begin() < Definition->getNumParams() &&
        !Definition->getParamDecl(*ContextPositions.begin())->getName().empty())
      Result.Context = Definition->getParamDecl(*ContextPositions.begin());
    else
      Result.WhyNoContext = "no parameter of '" + F.getName().str() +
                            "' receives the program's context in every call";
  }
  return Decisions[Key] = std::move(Result);
}

} // namespace bpftidy
