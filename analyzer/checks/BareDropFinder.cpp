//===- BareDropFinder.cpp -------------------------------------------------===//

#include "analyzer/checks/BareDropFinder.h"
#include "analyzer/checks/SourceNotifyRule.h"
#include "analyzer/core/BodyStatements.h"
#include "analyzer/core/DropValue.h"
#include "analyzer/core/EditableRange.h"
#include "analyzer/core/ReachedFunctions.h"
#include "analyzer/core/SiteFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include <set>

using namespace clang;

namespace bpftidy {

void BareDropFinder::recordFact(SiteFact::FactKind Kind,
                                const ReturnStmt &Return, bool Safe,
                                std::string Why, const SourceManager &SM) {
  if (!siteFactsWanted())
    return;
  SourceLocation Spelling = SM.getSpellingLoc(Return.getReturnLoc());
  FileID File = SM.getFileID(Spelling);
  auto [It, Inserted] = CanonicalPaths.try_emplace(File.getHashValue());
  if (Inserted) {
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
    if (Entry) {
      llvm::SmallString<256> Path;
      if (llvm::sys::fs::real_path(Entry->getName(), Path))
        Path = Entry->getName();
      It->second = Path.str().str();
    }
  }
  if (It->second.empty())
    return;
  recordSiteFact({Kind, It->second, SM.getFileOffset(Spelling), Safe,
                  std::move(Why), CheckName});
}

BareDropFinder::BareDropFinder(const Conventions &Options,
                               llvm::StringRef CheckName)
    : CheckName(CheckName.str()), Classifier(Options), Matcher(Options),
      Summaries(Matcher, Classifier) {}

BareDropFinder::~BareDropFinder() = default;

void BareDropFinder::clear() {
  Sites.clear();
  SiteIndex.clear();
  Definitions.clear();
  Programs.clear();
  Uses.clear();
  Summaries.clear();
  CanonicalPaths.clear();
  WrapUnsafe.clear();
}

void BareDropFinder::addFunction(const FunctionDecl &F, ASTContext &Ctx) {
  if (!F.hasBody() || !F.isThisDeclarationADefinition())
    return;
  Definitions.push_back(&F);
}

void BareDropFinder::finish(ASTContext &Ctx) {
  for (const FunctionDecl *F : Definitions) {
    Uses.addBody(*F);
    ProgramInfo Info = Classifier.classify(*F);
    if (Info.isProgram())
      Programs[F->getCanonicalDecl()] = Info;
  }
  auto IsProgram = [&](const FunctionDecl &F) {
    return Programs.count(F.getCanonicalDecl()) > 0;
  };

  // Only programs and what they call are analysed.
  std::vector<const FunctionDecl *> Reached =
      reachedFromPrograms(Definitions, IsProgram, Uses);

  Rule = std::make_unique<SourceNotifyRule>(Uses, IsProgram);
  for (const FunctionDecl *F : Reached) {
    if (IsProgram(*F)) {
      examine(*F, Programs[F->getCanonicalDecl()], nullptr, Ctx);
      continue;
    }
    SourceNotifyDecision Decision = Rule->decide(*F);
    examine(*F, ProgramInfo(), &Decision, Ctx);
  }
  Rule.reset();

  // One spelled `return` can be a drop in one expansion of a macro and a
  // verdict (or dead code) in another (a TAIL_CT_LOOKUP body whose inline
  // variant returns the target's verdict): its text must then notify only
  // under a guard that leaves those verdicts as they are.
  for (BareDropSite &Site : Sites) {
    auto Need = WrapUnsafe.find(Site.Location.getRawEncoding());
    if (Need == WrapUnsafe.end())
      continue;
    for (BareDropOccurrence &O : Site.Occurrences) {
      if (Need->second.Unguardable && O.WhyNoFix.empty())
        O.WhyNoFix = "where this text is expanded elsewhere, " +
                     Need->second.Why + ", and notifying would drop it";
      O.NeedsGuard = true;
      O.GuardSparesMinusOne |= Need->second.SpareMinusOne;
    }
  }
}

bool takesXdpContext(const FunctionDecl &F) {
  if (F.getNumParams() == 0)
    return false;
  QualType Pointee = F.getParamDecl(0)->getType()->getPointeeType();
  const auto *Record = Pointee.isNull() ? nullptr : Pointee->getAsRecordDecl();
  return Record && Record->getName() == "xdp_md";
}

/// Whether a guard at a `return` of \p O must spare -1: it is a valid
/// verdict unless every program returning the value is an XDP program.
static bool minusOneIsVerdict(const BareDropOccurrence &O) {
  if (O.Programs.empty())
    return !takesXdpContext(*O.Function);
  return llvm::any_of(O.Programs, [](const auto &Program) {
    return !takesXdpContext(*Program.first);
  });
}

void BareDropFinder::examine(const FunctionDecl &F, const ProgramInfo &Info,
                             const SourceNotifyDecision *Helper,
                             ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  BareDropOccurrence Base;
  Base.Function = &F;
  Base.Info = Info;
  if (Helper) {
    Base.Context = Helper->Context;
    Base.WhyNoContext = Helper->WhyNoContext;
    for (const FunctionDecl *Program : Helper->Programs)
      Base.Programs.emplace_back(Program,
                                 Programs[Program->getCanonicalDecl()]);
    Base.KernelReturns = Helper->KernelReturns;
  } else {
    Base.Programs.emplace_back(&F, Info);
    if (F.getNumParams() > 0 && !F.getParamDecl(0)->getName().empty())
      Base.Context = F.getParamDecl(0);
    else
      Base.WhyNoContext =
          "'" + F.getName().str() + "' has no named context parameter";
  }

  const FunctionFlow *Flow = nullptr;
  for (const ReturnStmt *Return : returnsIn(F.getBody())) {
    const Expr *Value = Return->getRetValue();
    if (!Value || Matcher.isNotification(*Value, Ctx))
      continue;
    BareDropOccurrence O = Base;
    O.Return = Return;
    if (auto Reason = Matcher.literalDropReason(*Value, Ctx,
                                                /*NamedOnly=*/Helper)) {
      if (Helper) {
        recordFact(SiteFact::NotifyAtSource, *Return, Helper->Safe, Helper->Why,
                   SM);
        if (!Helper->Safe)
          continue;
      }
      O.Kind = Helper ? BareDropKind::InlineCallee : BareDropKind::Literal;
      O.Reason = *Reason;
      addOccurrence(std::move(O), Ctx);
      continue;
    }

    if (!Flow)
      Flow = &Summaries.flow(F, Ctx);
    const DropValue *Returned = Flow->valueAt(Return);
    // Where this return may pass a verdict, wrapping its whole value (a fix
    // that another expansion or configuration may propose for the same
    // text) would drop it; a guard on the negative values must spare it.
    // Dead code (`return ret;` after an inlined `return FUNC(ctx);`) takes
    // a guard too: the text is shared with expansions where it runs.
    bool Unreachable = Flow->isUnreachable(Return);
    if (!Returned || Returned->mayBeNonDrop()) {
      GuardNeed Need;
      Need.Why =
          Unreachable
              ? "it is never reached in '" + F.getName().str() + "'"
              : "'" + F.getName().str() + "' may return a valid verdict here";
      Need.Unguardable = !Returned && !Unreachable;
      Need.SpareMinusOne =
          Returned && Returned->mayBeMinusOne() && minusOneIsVerdict(Base);
      auto [It, Inserted] = WrapUnsafe.try_emplace(
          SM.getSpellingLoc(Return->getReturnLoc()).getRawEncoding(), Need);
      if (!Inserted) {
        It->second.Unguardable |= Need.Unguardable;
        It->second.SpareMinusOne |= Need.SpareMinusOne;
      }
      if (Need.Unguardable)
        recordFact(SiteFact::WrapReturn, *Return, false, Need.Why, SM);
      else
        recordFact(SiteFact::GuardReturn, *Return, !Need.SpareMinusOne,
                   Need.Why, SM);
    }
    if (!Returned || !Returned->mayBeDrop())
      continue;
    if (!describePropagated(*Return, *Returned, O, Ctx))
      continue;
    if (Helper) {
      recordFact(SiteFact::NotifyAtSource, *Return, Helper->Safe, Helper->Why,
                 SM);
      if (!Helper->Safe)
        continue;
    }
    O.Kind = BareDropKind::Propagated;
    addOccurrence(std::move(O), Ctx);
  }
}

bool BareDropFinder::describePropagated(const ReturnStmt &Return,
                                        const DropValue &Value,
                                        BareDropOccurrence &O,
                                        ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Returned = Return.getRetValue();
  DropValue V = Value;
  const auto *Call = dyn_cast<CallExpr>(Returned->IgnoreParenCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee) {
    // `return f(ctx);` of a helper whose drops are fixed at their source
    // (SourceNotifyRule): they are that helper's sites, not this one's.
    if (!Programs.count(Callee->getCanonicalDecl()) &&
        Rule->decide(*Callee).Safe)
      V.forgetCallee(Callee->getCanonicalDecl());
  }
  if (!V.mayBeDrop())
    return false;

  if (Callee) {
    O.Returned = "the value of '" + Callee->getName().str() + "'";
  } else {
    EditableRange Range =
        editableRange(*Returned, Return.getReturnLoc(), SM, Ctx.getLangOpts());
    StringRef Text = Range.isValid() ? Lexer::getSourceText(Range.Range, SM,
                                                            Ctx.getLangOpts())
                                     : StringRef();
    O.Returned = Text.empty() ? "a value" : "'" + Text.str() + "'";
  }

  std::vector<std::string> From;
  std::set<std::string> Reasons;
  for (const auto &[Origin, OriginReasons] : V.drops()) {
    From.push_back(Origin.Callee ? "a drop reason from '" + Origin.Name + "'"
                                 : "drop reason '" + Origin.Name + "'");
    Reasons.insert(OriginReasons.begin(), OriginReasons.end());
  }
  std::sort(From.begin(), From.end());
  From.erase(std::unique(From.begin(), From.end()), From.end());
  O.From = llvm::join(From, " or ");
  O.Reasons.assign(Reasons.begin(), Reasons.end());
  if (V.mayBeNonDrop()) {
    O.NeedsGuard = true;
    O.GuardSparesMinusOne |= V.mayBeMinusOne() && minusOneIsVerdict(O);
  }
  return true;
}

/// Whether \p F is generated by the same outermost macro invocation that
/// produced \p ReturnLoc.
static bool sameInvocation(const FunctionDecl &F, SourceLocation ReturnLoc,
                           const SourceManager &SM) {
  return F.getLocation().isMacroID() &&
         SM.getExpansionLoc(F.getLocation()) == SM.getExpansionLoc(ReturnLoc);
}

void BareDropFinder::addOccurrence(BareDropOccurrence Occurrence,
                                   ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation ReturnLoc = Occurrence.Return->getReturnLoc();
  SourceLocation Key = SM.getSpellingLoc(ReturnLoc);
  std::string Macro;
  bool Generates = false;
  if (ReturnLoc.isMacroID() && !SM.isMacroArgExpansion(ReturnLoc)) {
    Macro =
        Lexer::getImmediateMacroName(ReturnLoc, SM, Ctx.getLangOpts()).str();
    Generates = sameInvocation(*Occurrence.Function, ReturnLoc, SM);
    // A statement macro returning one of its arguments: each use returns
    // its own value, so each use is a site, keyed where it is written.
    if (!Generates && !editableRange(*Occurrence.Return->getRetValue(),
                                     ReturnLoc, SM, Ctx.getLangOpts())
                           .isValid()) {
      Key = SM.getExpansionLoc(ReturnLoc);
      Macro.clear();
    }
  }
  auto [It, Inserted] =
      SiteIndex.try_emplace(Key.getRawEncoding(), Sites.size());
  if (Inserted) {
    BareDropSite Site;
    Site.Location = Key;
    Site.Macro = std::move(Macro);
    Site.MacroGeneratesFunction = Generates;
    Sites.push_back(std::move(Site));
  }
  Sites[It->second].Occurrences.push_back(std::move(Occurrence));
}

} // namespace bpftidy
