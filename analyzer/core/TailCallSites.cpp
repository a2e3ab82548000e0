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
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"

using namespace clang;

namespace bpftidy {

TailCallSites::TailCallSites(const Conventions &Options,
                             const DropReasonMatcher &Matcher)
    : Matcher(Matcher) {
  for (const std::string &Name : Options.TailCallHelpers)
    Helpers.insert(Name);
  for (const std::string &Name : Options.TailCallMacros)
    ResultMacros.insert(Name);
  for (const llvm::StringSet<> *Names : {&Helpers, &ResultMacros})
    for (const auto &Name : *Names)
      Recorded.insert(Name.getKey());
}

TailCallSites::~TailCallSites() = default;

const CallExpr *TailCallSite::call() const {
  return dyn_cast_or_null<CallExpr>(Statement);
}

std::unique_ptr<PPCallbacks> TailCallSites::recorder() {
  return MacroCalls.recorder(Recorded);
}

const TailCallInvocation *
TailCallSites::resultMacroHolding(const TailCallSite &Site,
                                  const SourceManager &SM) const {
  for (SourceLocation Loc = Site.Statement->getBeginLoc();;) {
    const TailCallInvocation *Invocation = MacroCalls.holding(Loc, SM);
    if (!Invocation || ResultMacros.contains(Invocation->Macro))
      return Invocation;
    Loc = Invocation->NameLoc;
  }
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

/// Calls \p Visit on each statement and expression of \p S, outermost
/// first, and on the ones inside those for which it returns true.
template <typename Fn> static void forEachNode(const Stmt &S, Fn Visit) {
  for (const Stmt *Child : S.children())
    if (Child && Visit(*Child))
      forEachNode(*Child, Visit);
}

std::vector<TailCallSite> TailCallSites::candidatesIn(const FunctionDecl &F,
                                                      ASTContext &Ctx) const {
  std::vector<TailCallSite> Found;
  for (const CallExpr *Call : callsIn(F.getBody()))
    if (std::optional<std::string> Helper = enteredThrough(*Call))
      Found.push_back({Call, &F, *Helper});
  // A helper macro's expansion is a site when it holds no helper call (its
  // calls are the sites otherwise); nothing inside it is another site.
  const SourceManager &SM = Ctx.getSourceManager();
  forEachNode(*F.getBody(), [&](const Stmt &S) {
    const TailCallInvocation *Macro = MacroCalls.producing(S, SM);
    if (!Macro || !Helpers.contains(Macro->Macro))
      return true;
    if (llvm::none_of(callsIn(&S), [&](const CallExpr *Call) {
          return enteredThrough(*Call).has_value();
        }))
      Found.push_back({&S, &F, Macro->Macro});
    return false;
  });
  llvm::sort(Found, [&](const TailCallSite &A, const TailCallSite &B) {
    return SM.isBeforeInTranslationUnit(A.Statement->getBeginLoc(),
                                        B.Statement->getBeginLoc());
  });
  return Found;
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
      for (const TailCallSite &Site : candidatesIn(*F, Ctx)) {
        // A helper whose value may be a drop reason hands the miss on.
        if (const CallExpr *Call = Site.call())
          if (const FunctionDecl *Callee = Call->getDirectCallee())
            if (std::optional<DropValue> Value =
                    Summaries.callValue(*Callee, Ctx);
                Value && Value->mayBeDrop())
              continue;
        if (!IsProgram(*F) && !Wrappers.count(F->getCanonicalDecl()) &&
            llvm::any_of(Continuations.after(*Site.Statement, *F),
                         [](const ContinuationEnd &End) {
                           return End.returnsNothing();
                         })) {
          Wrappers.insert(F->getCanonicalDecl());
          Changed = true;
        }
        if (!Wrappers.count(F->getCanonicalDecl()))
          Sites.push_back(Site);
      }
    }
  }
}

} // namespace bpftidy
