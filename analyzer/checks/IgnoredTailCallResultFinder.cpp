//===- IgnoredTailCallResultFinder.cpp ------------------------------------===//

#include "analyzer/checks/IgnoredTailCallResultFinder.h"
#include "analyzer/core/BodyStatements.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace bpftidy {

IgnoredTailCallResultFinder::IgnoredTailCallResultFinder(
    const Conventions &Options)
    : WholeUnitFinder(Options) {
  for (const std::string &Name : Options.TailCallMacros)
    Macros.insert(Name);
  for (const std::string &Name : Options.TailCallHelpers)
    Helpers.insert(Name);
}

void IgnoredTailCallResultFinder::clear() {
  clearUnit();
  Sites.clear();
  Invocations.clear();
}

/// Whether \p Child stands where a statement does in \p Parent (its value,
/// if an expression, is discarded).
static bool isStatementOf(const Stmt &Parent, const Stmt *Child) {
  if (isa<CompoundStmt>(Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *Case = dyn_cast<SwitchCase>(&Parent))
    return Child == Case->getSubStmt();
  if (const auto *Label = dyn_cast<LabelStmt>(&Parent))
    return Child == Label->getSubStmt();
  return false;
}

/// Calls \p Visit on each statement of \p S (not inside expressions), and
/// on the statements inside those for which it returns true.
template <typename Fn> static void forEachStatement(const Stmt &S, Fn Visit) {
  for (const Stmt *Child : S.children()) {
    if (!Child)
      continue;
    if (isa<Expr>(Child)) {
      if (isStatementOf(S, Child))
        Visit(*Child);
      continue;
    }
    if (Visit(*Child))
      forEachStatement(*Child, Visit);
  }
}

void IgnoredTailCallResultFinder::finish(ASTContext &Ctx, Preprocessor &PP) {
  for (const FunctionDecl *F : reachedDefinitions()) {
    // A notification helper that is itself a tail call (Cilium 2023) has
    // nothing left to notify its miss with.
    if (Calls.isNotification(*F, Uses, Ctx))
      continue;
    forEachStatement(*F->getBody(),
                     [&](const Stmt &S) { return inspect(S, *F, Ctx, PP); });
  }
  for (IgnoredTailCallResultSite &Site : Sites)
    plan(Site, Ctx);
}

bool IgnoredTailCallResultFinder::isDiscardedHelperCall(const Stmt &S,
                                                        ASTContext &Ctx,
                                                        std::string &Helper) {
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() ||
      !Helpers.contains(Callee->getName()))
    return false;
  // bpf_tail_call() and ep_tail_call() return nothing worth keeping: a
  // missed tail call goes on after them (bpf-unnotified-missed-tail-call).
  // A helper that returns the miss as a drop reason must be heard.
  std::optional<DropValue> Value = Summaries.callValue(*Callee, Ctx);
  if (!Value || !Value->mayBeDrop())
    return false;
  Helper = Callee->getName().str();
  return true;
}

bool IgnoredTailCallResultFinder::inspect(const Stmt &S, const FunctionDecl &F,
                                          ASTContext &Ctx, Preprocessor &PP) {
  const SourceManager &SM = Ctx.getSourceManager();
  IgnoredTailCallResultSite Shape;
  IgnoredResultOccurrence O{&S, &F, std::nullopt};
  if (const TailCallInvocation *Invocation = Invocations.producing(S, SM)) {
    Shape.Invocation = Invocation->Macro;
    Shape.ThroughMacro = true;
    if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
      // Where the tail-call form leaves the function as well (it returns
      // the notification of its own miss), the block is reached by neither.
      if (TailCallInvocations::otherFormReturns(S.getBeginLoc(), PP)
              .value_or(false))
        return false;
      O.Notification = notificationAfter(S, Matcher, Ctx);
      if (!O.Notification)
        return false;
      Shape.Kind = IgnoredResultKind::ReturnedPastNotification;
      if (const Expr *Value = Return->getRetValue())
        if (const auto *Call = dyn_cast<CallExpr>(Value->IgnoreParenCasts()))
          if (const FunctionDecl *Callee = Call->getDirectCallee())
            Shape.Inlined = Callee->getName().str();
    } else if (isa<Expr>(S)) {
      Shape.Kind = IgnoredResultKind::Discarded;
      O.Notification = notificationAfter(S, Matcher, Ctx);
    } else {
      // A `do { ... } while (0)` that keeps the value itself; its own
      // statements are the macro's business.
      return false;
    }
    add(SM.getSpellingLoc(Invocation->NameLoc), std::move(Shape), std::move(O));
    return false;
  }
  std::string Helper;
  if (!isDiscardedHelperCall(S, Ctx, Helper))
    return true;
  Shape.Invocation = Helper;
  Shape.Kind = IgnoredResultKind::Discarded;
  O.Notification = notificationAfter(S, Matcher, Ctx);
  add(SM.getSpellingLoc(S.getBeginLoc()), std::move(Shape), std::move(O));
  return false;
}

void IgnoredTailCallResultFinder::add(SourceLocation Location,
                                      IgnoredTailCallResultSite Shape,
                                      IgnoredResultOccurrence O) {
  for (IgnoredTailCallResultSite &Site : Sites)
    if (Site.Location == Location && Site.Kind == Shape.Kind) {
      Site.Occurrences.push_back(std::move(O));
      return;
    }
  Shape.Location = Location;
  Shape.Occurrences.push_back(std::move(O));
  Sites.push_back(std::move(Shape));
}

/// The visual column of \p Offset in \p Code, tabs every \p TabWidth.
static unsigned columnOf(StringRef Code, unsigned Offset, unsigned TabWidth) {
  size_t Newline = Code.rfind('\n', Offset); // searches before Offset
  size_t LineStart = Newline == StringRef::npos ? 0 : Newline + 1;
  unsigned Column = 0;
  for (char C : Code.slice(LineStart, Offset))
    Column = C == '\t' ? (Column / TabWidth + 1) * TabWidth : Column + 1;
  return Column;
}

/// `Variable = ` before the invocation spelled from \p Begin to the end of
/// the token at \p Last, with the lines of its arguments that were aligned
/// past its start moved right by as much, in tabs then spaces.
static tooling::Replacement
assignment(SourceLocation Begin, SourceLocation Last, StringRef Variable,
           unsigned TabWidth, const SourceManager &SM, const LangOptions &LO) {
  std::string Prefix = Variable.str() + " = ";
  SourceLocation End = Lexer::getLocForEndOfToken(Last, 0, SM, LO);
  if (End.isInvalid() || SM.getFileID(Begin) != SM.getFileID(End) ||
      SM.getFileOffset(End) < SM.getFileOffset(Begin))
    return tooling::Replacement(SM, Begin, 0, Prefix);
  StringRef Code = SM.getBufferData(SM.getFileID(Begin));
  unsigned From = SM.getFileOffset(Begin), To = SM.getFileOffset(End);
  unsigned Start = columnOf(Code, From, TabWidth);
  std::string Text = Prefix;
  StringRef Rest = Code.slice(From, To);
  for (bool First = true; !Rest.empty(); First = false) {
    auto [Line, Tail] = Rest.split('\n');
    bool HasNewline = Rest.size() > Line.size();
    Rest = Tail;
    StringRef Body = Line.ltrim(" \t");
    unsigned Indent = columnOf(Line, Line.size() - Body.size(), TabWidth);
    if (!First && !Body.empty() && Indent > Start) {
      Indent += Prefix.size();
      Text += std::string(Indent / TabWidth, '\t') +
              std::string(Indent % TabWidth, ' ') + Body.str();
    } else {
      Text += Line.str();
    }
    if (HasNewline)
      Text += '\n';
  }
  return tooling::Replacement(SM, CharSourceRange::getCharRange(Begin, End),
                              Text, LO);
}

void IgnoredTailCallResultFinder::plan(IgnoredTailCallResultSite &Site,
                                       ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Site.Kind == IgnoredResultKind::ReturnedPastNotification) {
    Site.WhyNoFix =
        "'" + Site.Invocation +
        "' is a statement in this tree (its inline form is a 'return'): "
        "it must first become an expression, whose inline form is the "
        "call and whose tail-call form yields " +
        Options.MissedTailCallReason +
        " (as Cilium's did in August 2023); then assign its value to the "
        "variable the error block notifies";
    return;
  }
  for (const IgnoredResultOccurrence &O : Site.Occurrences) {
    if (!O.Notification) {
      Site.WhyNoFix = "no error block after it notifies a variable ('if "
                      "(IS_ERR(ret)) return send_drop_notify...(..., ret, "
                      "...)'): assign its value where it is notified";
      Site.Fix.reset();
      return;
    }
    const VarDecl &Variable = *O.Notification->Variable;
    if (Variable.getType().isConstQualified() ||
        !SM.isBeforeInTranslationUnit(Variable.getLocation(),
                                      O.Statement->getBeginLoc())) {
      Site.WhyNoFix = "'" + Variable.getName().str() +
                      "', which the error block after it notifies, cannot "
                      "be assigned here";
      Site.Fix.reset();
      return;
    }
    SourceLocation Last = O.Statement->getEndLoc();
    if (Site.ThroughMacro)
      if (const TailCallInvocation *Invocation =
              Invocations.holding(O.Statement->getBeginLoc(), SM))
        Last = Invocation->End;
    tooling::Replacement Edit =
        assignment(Site.Location, SM.getSpellingLoc(Last), Variable.getName(),
                   Options.TabWidth, SM, Ctx.getLangOpts());
    if (Site.Fix && !(*Site.Fix == Edit)) {
      Site.WhyNoFix = "its expansions would assign different variables";
      Site.Fix.reset();
      return;
    }
    Site.Fix = Edit;
  }
}

} // namespace bpftidy
