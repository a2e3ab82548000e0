//===- MissedTailCallFinder.cpp -------------------------------------------===//

#include "analyzer/checks/MissedTailCallFinder.h"
#include "analyzer/checks/SourceNotifyRule.h"
#include "analyzer/core/BodyStatements.h"
#include "analyzer/core/EditableRange.h"
#include "analyzer/core/MacroInvocation.h"
#include "rewriters/KernelStyleLayout.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace bpftidy {

MissedTailCallFinder::MissedTailCallFinder(const Conventions &Options)
    : WholeUnitFinder(Options), Directions(Options, Matcher),
      Notifications(Options) {}

MissedTailCallFinder::~MissedTailCallFinder() = default;

void MissedTailCallFinder::clear() {
  clearUnit();
  Sites.clear();
  Directions.reset();
  Notifications.reset();
  Continuations.reset();
}

std::unique_ptr<PPCallbacks> MissedTailCallFinder::siteRecorder() {
  return Calls.recorder();
}

/// The text of \p E as written where a human reads it.
static std::string writtenText(const Expr &E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  StringRef Text = Lexer::getSourceText(
      Lexer::makeFileCharRange(
          CharSourceRange::getTokenRange(E.getSourceRange()), SM, LO),
      SM, LO);
  if (Text.empty())
    Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(SM.getSpellingLoc(E.getBeginLoc()),
                                       SM.getSpellingLoc(E.getEndLoc())),
        SM, LO);
  return Text.str();
}

/// Where a human edits the call: out of each macro whose expansion is
/// just the call (Cilium 2023's ep_tail_call() expands to
/// tail_call_static()), then its spelling.
static SourceLocation callLocation(const Stmt &Call, ASTContext &Ctx,
                                   std::string &Macro) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  // All of an invocation written in the file: there, however deep the
  // macros (a pasted name, `__tail_or_inline_ ## COND(...)`, adds a level
  // on one side only, which the walk below cannot follow).
  CharSourceRange Written = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Call.getSourceRange()), SM, LO);
  if (Written.isValid())
    return Written.getBegin();
  SourceLocation Begin = Call.getBeginLoc(), End = Call.getEndLoc();
  while (Begin.isMacroID() && End.isMacroID()) {
    SourceLocation ExpBegin, ExpEnd;
    unsigned Length = Lexer::MeasureTokenLength(SM.getSpellingLoc(End), SM, LO);
    if (Length == 0 || SM.isMacroArgExpansion(Begin) ||
        !SM.isAtStartOfImmediateMacroExpansion(Begin, &ExpBegin) ||
        !SM.isAtEndOfImmediateMacroExpansion(End.getLocWithOffset(Length),
                                             &ExpEnd))
      break;
    Begin = ExpBegin;
    End = ExpEnd;
  }
  if (Begin.isMacroID() && !SM.isMacroArgExpansion(Begin))
    Macro = Lexer::getImmediateMacroName(Begin, SM, LO).str();
  return SM.getSpellingLoc(Begin);
}

/// Whether the block holding \p Call accounts for the miss after it: a
/// later statement passes a constant named for it (Cilium's optional custom
/// programs: `update_metrics(..., REASON_MISSED_CUSTOM_CALL)`), so the
/// miss is expected and counted.
static bool accountsForMiss(const Stmt &Call, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(Call);
  const auto *Block =
      Parents.size() == 1 ? Parents[0].get<CompoundStmt>() : nullptr;
  if (!Block)
    return false;
  bool After = false;
  for (const Stmt *S : Block->body()) {
    if (S == &Call) {
      After = true;
      continue;
    }
    if (!After)
      continue;
    for (const CallExpr *Later : callsIn(S))
      for (const Expr *Arg : Later->arguments())
        if (StringRef(writtenText(*Arg, Ctx)).contains("MISSED"))
          return true;
  }
  return false;
}

/// Whether \p Site is the tail call of an invoke_tailcall_if()
/// (TailCallMacros) whose expansion is an expression: the miss is that
/// expression's value (`({ ep_tail_call(ctx, ID); DROP_MISSED_TAIL_CALL;
/// })`), and what the caller does with it is bpf-ignored-tail-call-result's
/// to judge, with its fix (`ret = invoke_tailcall_if(...)`): one finding
/// for one mistake.
static bool missIsResultOfMacro(const TailCallSite &Site,
                                const TailCallSites &Calls, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const TailCallInvocation *Macro = Calls.resultMacroHolding(Site, SM);
  if (!Macro)
    return false;
  // The outermost node the invocation expands to.
  const Stmt *Outermost = nullptr;
  for (const Stmt *S = Site.Statement; S;) {
    if (Calls.producing(*S, SM) == Macro)
      Outermost = S;
    DynTypedNodeList Parents = Ctx.getParents(*S);
    S = Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
  }
  return Outermost && isa<Expr>(Outermost);
}

void MissedTailCallFinder::finish(ASTContext &Ctx, Preprocessor &PP) {
  std::vector<const FunctionDecl *> Reached = reachedDefinitions();
  auto IsProgram = [&](const FunctionDecl &F) { return isProgram(F); };
  Continuations = std::make_unique<CallContinuations>(Ctx);
  Calls.find(Reached, IsProgram, Uses, Summaries, *Continuations, Ctx);

  llvm::DenseMap<unsigned, size_t> Index; // raw spelling location -> Sites
  for (const TailCallSite &Call : Calls.sites()) {
    if (accountsForMiss(*Call.Statement, Ctx) ||
        missIsResultOfMacro(Call, Calls, Ctx))
      continue;
    MissedTailCallOccurrence O;
    O.Call = Call;
    std::vector<ContinuationEnd> Ends =
        Continuations->after(*Call.Statement, *Call.Function);
    for (const ContinuationEnd &End : Ends)
      if (std::optional<SilentEnd> Silent = judge(End, *Call.Function, Ctx))
        O.Silent.push_back(std::move(*Silent));
    if (O.Silent.empty())
      continue;
    O.AllSilent = O.Silent.size() == Ends.size();
    std::string Macro;
    SourceLocation Location = callLocation(*Call.Statement, Ctx, Macro);
    auto [It, Inserted] =
        Index.try_emplace(Location.getRawEncoding(), Sites.size());
    if (Inserted) {
      MissedTailCallSite Site;
      Site.Location = Location;
      Site.Macro = Macro;
      Sites.push_back(std::move(Site));
    }
    Sites[It->second].Occurrences.push_back(std::move(O));
  }
  for (MissedTailCallSite &Site : Sites)
    plan(Site, Ctx, PP);
}

/// Whether \p V can only be a drop reason or a notified verdict: the miss
/// is then reported (or handed on as a drop reason, which
/// bpf-bare-drop-return follows).
static bool dropOrNotified(const DropValue &V) {
  DropValue Allowed = DropValue::notified();
  for (const auto &[Origin, Reasons] : V.drops())
    Allowed.join(DropValue::drop(Origin, Reasons));
  DropValue Joined = Allowed;
  Joined.join(V);
  return Joined == Allowed;
}

std::optional<SilentEnd> MissedTailCallFinder::judge(const ContinuationEnd &End,
                                                     const FunctionDecl &F,
                                                     ASTContext &Ctx) {
  if (End.returnsNothing() || !End.Return)
    return std::nullopt;
  std::string Returned = writtenText(*End.Return->getRetValue(), Ctx);
  if (End.Stale) {
    const FunctionFlow &Flow = Summaries.flow(F, Ctx);
    const DropValue *V = Flow.valueAt(End.Return);
    if (V && dropOrNotified(*V))
      return std::nullopt;
    return SilentEnd{End.Return,
                     "'" + Returned +
                         "', which still holds its value from before the "
                         "tail call"};
  }
  const Expr &Value = *End.Value;
  if (Matcher.isNotification(Value, Ctx) ||
      Matcher.literalDropReason(Value, Ctx, /*NamedOnly=*/!isProgram(F)))
    return std::nullopt;
  std::string Text = writtenText(Value, Ctx);
  std::string What = "'" + Returned + "'";
  if (Text != Returned)
    What += ", which holds '" + Text + "' there";
  Expr::EvalResult Constant;
  if (!Value.isValueDependent() && Value.EvaluateAsInt(Constant, Ctx)) {
    // A negative constant in a helper is an error its callers test.
    if (Constant.Val.getInt().getExtValue() < -1)
      return std::nullopt;
    return SilentEnd{End.Return, What + ", a valid verdict"};
  }
  if (const auto *Call = dyn_cast<CallExpr>(Value.IgnoreParenCasts()))
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      std::optional<DropValue> V = Summaries.callValue(*Callee, Ctx);
      if (!V || dropOrNotified(*V))
        return std::nullopt;
      return SilentEnd{End.Return, What + ", which may be a valid verdict"};
    }
  return std::nullopt;
}

std::optional<Direction> MissedTailCallFinder::direction(const FunctionDecl &F,
                                                         ASTContext &Ctx,
                                                         Preprocessor &PP,
                                                         std::string &WhyNot) {
  if (isProgram(F))
    return Directions.programDirection(F, programInfo(F), Ctx, PP, WhyNot);
  auto IsProgram = [&](const FunctionDecl &G) { return isProgram(G); };
  SourceNotifyRule Rule(Uses, IsProgram);
  std::optional<Direction> Agreed;
  for (const FunctionDecl *Program : Rule.decide(F).Programs) {
    std::optional<Direction> Dir = Directions.programDirection(
        *Program, programInfo(*Program), Ctx, PP, WhyNot);
    if (!Dir)
      return std::nullopt;
    if (Agreed && Agreed->Expression != Dir->Expression) {
      WhyNot = "the programs returning the value of '" + F.getName().str() +
               "' drop in different directions";
      return std::nullopt;
    }
    if (!Agreed)
      Agreed = Direction{Dir->Expression, Dir->Source +
                                              " (which returns the value of '" +
                                              F.getName().str() + "')"};
  }
  if (!Agreed)
    WhyNot = "no program returns the value of '" + F.getName().str() + "'";
  return Agreed;
}

/// The statement a call is: the call itself, or a cast of it
/// (`(void)bpf_tail_call(...)`), in a compound statement.
static const Stmt *statementOf(const Stmt &Call, ASTContext &Ctx,
                               const CompoundStmt *&Block) {
  const Stmt *S = &Call;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*S);
    if (Parents.size() != 1)
      return nullptr;
    if (const auto *Compound = Parents[0].get<CompoundStmt>()) {
      Block = Compound;
      return S;
    }
    const auto *Outer = Parents[0].get<Expr>();
    if (!Outer || !(isa<CastExpr>(Outer) || isa<ParenExpr>(Outer)))
      return nullptr;
    S = Outer;
  }
}

/// Whether a macro expansion holding \p Loc was invoked by a name pasted
/// with '##' (`__tail_or_inline_ ## COND(...)`): the configuration picks
/// that macro, and another configuration's may not tail-call at all.
static bool nameChosenByPaste(SourceLocation Loc, const SourceManager &SM) {
  while (Loc.isMacroID()) {
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
    if (SM.isWrittenInScratchSpace(SM.getSpellingLoc(Loc)))
      return true;
  }
  return false;
}

std::optional<tooling::Replacement>
MissedTailCallFinder::edit(const MissedTailCallOccurrence &O,
                           StringRef Notification, ASTContext &Ctx,
                           std::string &WhyNot) const {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  rewriters::LayoutStyle Style;
  Style.ColumnLimit = Options.ColumnLimit;
  Style.TabWidth = Options.TabWidth;

  const CompoundStmt *Block = nullptr;
  const Stmt *Statement = statementOf(*O.Call.Statement, Ctx, Block);
  if (!Statement) {
    WhyNot = "the tail call is not a statement of its own in a block";
    return std::nullopt;
  }
  // Where the statement is all of a macro's expansion, its invocation.
  CharSourceRange Written = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Statement->getSourceRange()), SM, LO);
  if (Written.isValid() && nameChosenByPaste(Statement->getBeginLoc(), SM)) {
    WhyNot = "the tail call comes from a macro whose name is pasted from its "
             "arguments ('##'): other configurations may expand it to "
             "something else; notify where the macro is chosen";
    return std::nullopt;
  }
  // The next statement; a macro expanding to a block leaves its `;` as an
  // empty statement.
  const Stmt *Next = nullptr;
  for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
    if (*It == Statement) {
      auto After = std::next(It);
      while (After != Block->body_end() && isa<NullStmt>(*After))
        ++After;
      Next = After != Block->body_end() ? *After : nullptr;
    }

  // The `return` right after the call is reached from it alone: its value
  // becomes the notification, unless a directive between them may compile
  // the call out (`#ifdef X ep_tail_call(...); #endif return ret;`).
  if (O.AllSilent && O.Silent.size() == 1 && Next == O.Silent[0].Return) {
    const ReturnStmt &Return = *O.Silent[0].Return;
    SourceLocation From =
        Written.isValid()
            ? Written.getEnd()
            : Lexer::getLocForEndOfToken(
                  SM.getSpellingLoc(Statement->getEndLoc()), 0, SM, LO);
    SourceLocation To = SM.getSpellingLoc(Return.getBeginLoc());
    bool Between = SM.getFileID(From) == SM.getFileID(To) &&
                   SM.getFileOffset(From) <= SM.getFileOffset(To) &&
                   !StringRef(SM.getCharacterData(From),
                              SM.getFileOffset(To) - SM.getFileOffset(From))
                        .contains('#');
    EditableRange Range =
        editableRange(*Return.getRetValue(), Return.getReturnLoc(), SM, LO);
    if (Between && Range.isValid()) {
      FileID File = SM.getFileID(Range.Range.getBegin());
      unsigned Offset = SM.getFileOffset(Range.Range.getBegin());
      unsigned Length = SM.getFileOffset(Range.Range.getEnd()) - Offset;
      tooling::Replacement Where(SM, Range.Range, "");
      return rewriters::layoutReplacement(Where.getFilePath(),
                                          SM.getBufferData(File), Offset,
                                          Length, Notification, Style);
    }
  }

  // Otherwise a `return` of the notification goes right after the call.
  if (Written.isInvalid()) {
    WhyNot = "the tail call is written in a macro body and the path after "
             "it leaves the macro: notify in the macro's callers";
    return std::nullopt;
  }
  SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      Written.getEnd().getLocWithOffset(-1), tok::semi, SM, LO,
      /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid()) {
    WhyNot = "no ';' follows the tail call";
    return std::nullopt;
  }
  StringRef Code = SM.getBufferData(SM.getFileID(AfterSemi));
  unsigned LineStart = SM.getFileOffset(Written.getBegin());
  while (LineStart > 0 && Code[LineStart - 1] != '\n')
    --LineStart;
  StringRef Indent = Code.substr(LineStart).take_while(
      [](char C) { return C == ' ' || C == '\t'; });
  // Laid out as a line of its own would be.
  std::string Line = Indent.str() + "return @;";
  tooling::Replacement Wrapped = rewriters::layoutReplacement(
      "", Line, Indent.size() + 7, 1, Notification, Style);
  std::string Text = Line.substr(0, Wrapped.getOffset()) +
                     Wrapped.getReplacementText().str() +
                     Line.substr(Wrapped.getOffset() + Wrapped.getLength());
  return tooling::Replacement(SM, AfterSemi, 0, "\n" + Text);
}

void MissedTailCallFinder::plan(MissedTailCallSite &Site, ASTContext &Ctx,
                                Preprocessor &PP) {
  auto IsProgram = [&](const FunctionDecl &F) { return isProgram(F); };
  SourceNotifyRule Rule(Uses, IsProgram);
  std::string WhyNot;
  const std::string *Template = Notifications.templateFor(Ctx, PP, WhyNot);
  if (!Template) {
    Site.WhyNoFix = WhyNot;
    return;
  }
  Directions.useTemplate(*Template);
  if (!isExpressionAvailable(Options.MissedTailCallReason, Ctx, PP)) {
    Site.WhyNoFix = "'" + Options.MissedTailCallReason +
                    "' (MissedTailCallReason) is not defined in this "
                    "translation unit";
    return;
  }
  // Every occurrence (every expansion of a macro) must want the same edit.
  for (const MissedTailCallOccurrence &O : Site.Occurrences) {
    const FunctionDecl &F = *O.Call.Function;
    if (!isProgram(F) && !Rule.decide(F).Safe) {
      Site.WhyNoFix = "'" + F.getName().str() +
                      "' is not a program, and its callers use its value "
                      "otherwise than by returning it (" +
                      Rule.decide(F).Why +
                      "): notify where a program returns it";
      Site.Fix.reset();
      return;
    }
    if (F.getNumParams() == 0 || F.getParamDecl(0)->getName().empty()) {
      Site.WhyNoFix =
          "'" + F.getName().str() + "' has no named context parameter";
      Site.Fix.reset();
      return;
    }
    auto Dir = [&](std::string &Why) { return direction(F, Ctx, PP, Why); };
    NotificationArguments Args{F.getParamDecl(0)->getName().str(),
                               Options.MissedTailCallReason, Dir};
    // ${src} and the names the call writes are read where it is compiled,
    // as bpf-bare-drop-return reads them: right after the tail call.
    Args.Places.emplace_back(&F, O.Call.Statement);
    Args.Siblings = &Directions;
    Args.MacroParameters = macroParameters(Site.Macro, PP);
    std::optional<NotificationCall> Call =
        Notifications.build(*Template, Args, Ctx, PP, WhyNot);
    std::optional<tooling::Replacement> Edit =
        Call ? edit(O, Call->Text, Ctx, WhyNot) : std::nullopt;
    if (!Edit || (Site.Fix && !(*Site.Fix == *Edit))) {
      Site.WhyNoFix = Edit ? "the expansions of '" + Site.Macro +
                                 "' would need different edits"
                           : WhyNot;
      Site.Fix.reset();
      return;
    }
    Site.Fix = Edit;
    Site.DirectionSource = Call->DirectionSource;
    Site.SiblingArguments = Call->SiblingArguments;
  }
}

} // namespace bpftidy
