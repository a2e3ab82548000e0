//===- TailCallSites.cpp --------------------------------------------------===//

#include "analyzer/core/TailCallSites.h"
#include "analyzer/core/BodyStatements.h"
#include "analyzer/core/CallContinuation.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/FunctionDropSummaries.h"
#include "analyzer/core/FunctionUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace bpftidy {

TailCallSites::TailCallSites(const Conventions &Options,
                             const DropReasonMatcher &Matcher)
    : Matcher(Matcher) {
  for (const std::string &Name : Options.TailCallHelpers)
    Helpers.insert(Name);
}

std::optional<std::string>
TailCallSites::enteredThrough(const CallExpr &Call) const {
  // libbpf's bpf_tail_call is a function pointer variable.
  const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl());
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  if (Helpers.contains(Callee->getName()))
    return Callee->getName().str();
  if (const auto *F = dyn_cast<FunctionDecl>(Callee))
    if (const FunctionDecl *Definition = F->getDefinition())
      if (Wrappers.count(Definition->getCanonicalDecl()))
        return F->getName().str();
  return std::nullopt;
}

bool TailCallSites::isNotification(const FunctionDecl &F,
                                   const FunctionUses &Uses, ASTContext &Ctx) {
  const FunctionDecl *Key = F.getCanonicalDecl();
  auto [It, Inserted] = NotificationFunctions.try_emplace(Key, false);
  if (!Inserted)
    return It->second;
  bool Result = Matcher.isNotifyHelperName(F.getName());
  if (!Result) {
    const std::vector<FunctionUse> &UsesOfF = Uses.usesOf(F);
    Result =
        !UsesOfF.empty() && llvm::all_of(UsesOfF, [&](const FunctionUse &U) {
          return (U.Call && Matcher.isNotification(*U.Call, Ctx)) ||
                 (U.Caller && U.Caller->getCanonicalDecl() != Key &&
                  isNotification(*U.Caller, Uses, Ctx));
        });
  }
  NotificationFunctions[Key] = Result;
  return Result;
}

void TailCallSites::find(llvm::ArrayRef<const FunctionDecl *> Reached,
                         IsProgramFn IsProgram, const FunctionUses &Uses,
                         FunctionDropSummaries &Summaries,
                         CallContinuations &Continuations, ASTContext &Ctx) {
  std::vector<const FunctionDecl *> Candidates;
  for (const FunctionDecl *F : Reached)
    if (!isNotification(*F, Uses, Ctx))
      Candidates.push_back(F);

  // Wrappers make their callers' calls sites, and may wrap each other:
  // until no new wrapper is found.
  bool Changed = true;
  while (Changed) {
    Changed = false;
    Sites.clear();
    for (const FunctionDecl *F : Candidates) {
      for (const CallExpr *Call : callsIn(F->getBody())) {
        std::optional<std::string> Helper = enteredThrough(*Call);
        if (!Helper)
          continue;
        // A helper whose value may be a drop reason hands the miss on.
        if (const FunctionDecl *Callee = Call->getDirectCallee())
          if (std::optional<DropValue> Value =
                  Summaries.callValue(*Callee, Ctx);
              Value && Value->mayBeDrop())
            continue;
        if (!IsProgram(*F) && !Wrappers.count(F->getCanonicalDecl()) &&
            llvm::any_of(Continuations.after(*Call, *F),
                         [](const ContinuationEnd &End) {
                           return End.returnsNothing();
                         })) {
          Wrappers.insert(F->getCanonicalDecl());
          Changed = true;
        }
        if (!Wrappers.count(F->getCanonicalDecl()))
          Sites.push_back({Call, F, *Helper});
      }
    }
  }
}

} // namespace bpftidy
