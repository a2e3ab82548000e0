//===- DirectionResolver.cpp ----------------------------------------------===//

#include "analyzer/core/DirectionResolver.h"
#include "analyzer/core/BodyStatements.h"
#include "analyzer/core/CiliumSectionDirections.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/MacroInvocation.h"
#include "analyzer/core/NameAtSite.h"
#include "analyzer/core/NotifyExpansions.h"
#include "analyzer/core/NotifyHelperShape.h"
#include "rewriters/NotificationTemplate.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <set>

using namespace clang;

namespace bpftidy {

DirectionResolver::DirectionResolver(const Conventions &Options,
                                     const DropReasonMatcher &Matcher)
    : Graph(Options), Options(Options), Matcher(Matcher),
      DirectionPattern(Options.DirectionPattern) {
  for (const PatternRule &Rule : Options.DirectionRules)
    Rules.emplace_back(NamePattern(Rule.Pattern), Rule.Value);
  // The Cilium presets' default DirectionRules. They are rules like any
  // other: a program's direction for its own sites and for the tail calls
  // it enters alike, so that a fix written from them, read back as the
  // program's own notification by a second run, tells what they told.
  RulesFromTable = usesCiliumSectionDirections(Options);
  if (RulesFromTable)
    for (const PatternRule &Rule : ciliumSectionDirections())
      Rules.emplace_back(NamePattern(Rule.Pattern), Rule.Value);
  for (const std::string &Item : Options.NotifyHelpers)
    if (auto Shape = shapeOfCall(Item))
      ConfiguredShapes.push_back(std::move(*Shape));
}

std::optional<std::string>
DirectionResolver::directionOfConstant(llvm::StringRef Text) const {
  Text = Text.trim();
  while (Text.size() > 2 && Text.front() == '(' && Text.back() == ')')
    Text = Text.drop_front().drop_back().trim();
  if (DirectionPattern.match(Text))
    return Text.str();
  for (const PatternRule &Mapping : Options.DirectionMapping)
    if (Mapping.Pattern == Text)
      return Mapping.Value;
  return std::nullopt;
}

std::string
DirectionResolver::parameterExpression(llvm::StringRef Param,
                                       bool ParamHoldsMetricDirection) const {
  if (ParamHoldsMetricDirection)
    return Param.str();
  if (!Options.DirectionDispatch.empty()) {
    std::string Text = Options.DirectionDispatch;
    size_t At = Text.find("${arg}");
    if (At != std::string::npos)
      Text.replace(At, 6, Param.str());
    return Text;
  }
  const auto &Map = Options.DirectionMapping;
  if (Map.empty())
    return "";
  // (P == K1 ? V1 : P == K2 ? V2 : VN): a constant expression in every
  // expansion whose argument is one of the mapped constants, which the
  // caller has checked.
  std::string Text = "(";
  for (size_t I = 0; I + 1 < Map.size(); ++I)
    Text +=
        (Param + " == " + Map[I].Pattern + " ? " + Map[I].Value + " : ").str();
  Text += Map.back().Value + ")";
  return Text;
}

/// The text of \p E as written, through one macro level if need be.
static std::string writtenText(const Expr &E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Value = E.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Value))
    if (isa<EnumConstantDecl>(Ref->getDecl()) &&
        !Ref->getBeginLoc().isMacroID())
      return Ref->getDecl()->getName().str();
  // An argument the call takes from a macro parameter it is written in
  // (`drop_for_direction(ctx, DIR, ...)` in the body of Cilium's
  // TAIL_CT_LOOKUP4): the text the invocation passes, not the macro's name.
  SourceLocation Begin = E.getBeginLoc(), End = E.getEndLoc();
  if (Begin.isMacroID() && SM.isMacroArgExpansion(Begin) &&
      SM.isMacroArgExpansion(End)) {
    SourceLocation SpelledBegin = SM.getSpellingLoc(Begin);
    SourceLocation SpelledEnd = SM.getSpellingLoc(End);
    if (SM.getFileID(SpelledBegin) == SM.getFileID(SpelledEnd) &&
        !SM.isBeforeInTranslationUnit(SpelledEnd, SpelledBegin))
      return Lexer::getSourceText(
                 CharSourceRange::getTokenRange(SpelledBegin, SpelledEnd), SM,
                 Ctx.getLangOpts())
          .str();
  }
  if (auto Macro =
          macroSpellingWholeExpr(E, Ctx, [](StringRef) { return true; }))
    return *Macro;
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E.getSourceRange()), SM,
      Ctx.getLangOpts());
  return Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
}

void DirectionResolver::useTemplate(StringRef Template) {
  TemplateHelper.clear();
  TemplateRoles.clear();
  if (auto Shape = shapeOfCall(Template);
      Shape && Shape->Roles.count("direction")) {
    TemplateHelper = Shape->Helper;
    TemplateArity = Shape->Arity;
    TemplateRoles = std::move(Shape->Roles);
  }
  Cache.clear();
  CacheWhyNot.clear();
}

llvm::StringMap<size_t> DirectionResolver::roles(StringRef Helper,
                                                 size_t Count) const {
  if (Helper == TemplateHelper && Count == TemplateArity)
    return TemplateRoles;
  // The shapes NotifyHelpers spells out (wrappers such as
  // drop_for_direction), then the presets' (every Cilium era's helpers).
  for (const HelperShape &Shape : ConfiguredShapes)
    if (Shape.Helper == Helper && Shape.Arity == Count)
      return Shape.Roles;
  static const std::vector<HelperShape> Presets = [] {
    std::vector<HelperShape> Shapes;
    for (const rewriters::NotifyPreset &Preset : rewriters::notifyPresets())
      if (auto Shape = shapeOfCall(Preset.Template))
        Shapes.push_back(std::move(*Shape));
    return Shapes;
  }();
  for (const HelperShape &Shape : Presets)
    if (Shape.Helper == Helper && Shape.Arity == Count)
      return Shape.Roles;
  // Every Cilium shape passes the source second and the direction last.
  llvm::StringMap<size_t> Roles;
  Roles["direction"] = Count - 1;
  if (Count > 2)
    Roles["src"] = 1;
  return Roles;
}

const std::string *
DirectionResolver::Notification::argument(StringRef Role) const {
  auto It = Roles.find(Role);
  return It == Roles.end() || It->second >= Args.size() ? nullptr
                                                        : &Args[It->second];
}

std::vector<DirectionResolver::Notification>
DirectionResolver::notificationsIn(const FunctionDecl &F, ASTContext &Ctx,
                                   Preprocessor &PP) const {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Notification> Found;
  // Helpers that are macros (Cilium's capture __LINE__), recorded while
  // preprocessing: read each invocation's arguments as written.
  if (Expansions) {
    SourceLocation Begin = SM.getExpansionLoc(F.getBeginLoc());
    SourceLocation End = SM.getExpansionLoc(F.getEndLoc());
    for (const NotifyExpansion *E : Expansions->within(Begin, End, SM)) {
      if (!E->Args) {
        auto Invocation = macroInvocationAt(E->NameLoc, SM, Ctx.getLangOpts());
        E->Args = Invocation ? Invocation->Args : std::vector<std::string>();
      }
      if (!E->Args->empty())
        Found.push_back({E->Macro, *E->Args, roles(E->Macro, E->Args->size())});
    }
  }

  // Helpers that are functions: walk the calls only if there are any.
  if (!HelperFunctions) {
    HelperFunctions = false;
    for (const auto &Name : Matcher.notifyHelpers())
      for (const NamedDecl *D :
           Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name.first())))
        *HelperFunctions |= isa<FunctionDecl>(D);
  }
  if (!*HelperFunctions)
    return Found;
  for (const CallExpr *Call : callsIn(F.getBody()))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Matcher.isNotifyHelperName(Callee->getName()) &&
          Call->getNumArgs() > 0) {
        Notification N;
        N.Helper = Callee->getName().str();
        for (const Expr *Arg : Call->arguments())
          N.Args.push_back(writtenText(*Arg, Ctx));
        N.Roles = roles(N.Helper, N.Args.size());
        Found.push_back(std::move(N));
      }
  return Found;
}

std::vector<std::string>
DirectionResolver::notifiedDirections(const FunctionDecl &F, ASTContext &Ctx,
                                      Preprocessor &PP) const {
  std::vector<std::string> Found;
  for (const Notification &N : notificationsIn(F, Ctx, PP))
    if (const std::string *Dir = N.argument("direction"))
      Found.push_back(*Dir);
  return Found;
}

/// \p Text with each run of white space made one space, and without the
/// parentheses around all of it.
static std::string normalised(StringRef Text) {
  std::string Out;
  for (char C : Text.trim()) {
    bool Space = isspace(static_cast<unsigned char>(C));
    if (Space && !Out.empty() && Out.back() == ' ')
      continue;
    Out += Space ? ' ' : C;
  }
  StringRef Bare = Out;
  while (Bare.size() > 2 && Bare.front() == '(' && Bare.back() == ')')
    Bare = Bare.drop_front().drop_back().trim();
  return Bare.str();
}

std::optional<std::string>
DirectionResolver::siblingArgument(const FunctionDecl &F, StringRef Placeholder,
                                   StringRef DirectionExpression,
                                   ASTContext &Ctx, Preprocessor &PP) const {
  std::optional<std::string> Shared;
  for (const Notification &N : notificationsIn(F, Ctx, PP)) {
    const std::string *Dir = N.argument("direction");
    const std::string *Arg = N.argument(Placeholder);
    if (!Dir || !Arg)
      continue;
    std::string Written = normalised(*Dir);
    std::optional<std::string> Metric = directionOfConstant(Written);
    if ((Metric ? *Metric : Written) != normalised(DirectionExpression))
      continue;
    // An identifier or an integer constant only (Cilium's nodeport tail
    // calls notify with source 0): an expression such as ep->sec_id may not
    // be safe to evaluate at another site (a pointer still NULL there).
    std::string Text = normalised(*Arg);
    if (!(isIdentifier(Text) || isIntegerLiteral(Text)) ||
        (Shared && *Shared != Text))
      return std::nullopt;
    Shared = Text;
  }
  return Shared;
}

/// \p Text with every run of blanks, line breaks and continuations one
/// space.
static std::string joinedSpaces(StringRef Text) {
  std::string Joined;
  bool Blank = false;
  for (char C : Text.trim()) {
    if (llvm::isSpace(C) || C == '\\') {
      Blank = true;
      continue;
    }
    if (Blank && !Joined.empty())
      Joined += ' ';
    Blank = false;
    Joined += C;
  }
  return Joined;
}

/// How many variables named \p Name \p Body declares.
static unsigned variablesNamed(const Stmt *Body, StringRef Name) {
  if (!Body)
    return 0;
  unsigned Count = 0;
  if (const auto *Decls = dyn_cast<DeclStmt>(Body))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        Count += Var->getName() == Name;
  for (const Stmt *Child : Body->children())
    Count += variablesNamed(Child, Name);
  return Count;
}

bool DirectionResolver::holdsEverywhere(StringRef Text, const FunctionDecl &F,
                                        ASTContext &Ctx,
                                        Preprocessor &PP) const {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(F.getBody());
  if (!Body)
    return false;
  // Locals declared with a value before the body's first statement hold
  // it at every return.
  llvm::StringSet<> Held;
  for (const ParmVarDecl *Param : F.parameters())
    Held.insert(Param->getName());
  for (const Stmt *S : Body->body()) {
    const auto *Decls = dyn_cast<DeclStmt>(S);
    if (!Decls)
      break;
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->hasInit() && !Var->getType().isVolatileQualified())
          Held.insert(Var->getName());
  }
  while (!Text.empty()) {
    size_t Begin =
        Text.find_if([](char C) { return llvm::isAlpha(C) || C == '_'; });
    if (Begin == StringRef::npos)
      break;
    Text = Text.drop_front(Begin);
    StringRef Word =
        Text.take_while([](char C) { return llvm::isAlnum(C) || C == '_'; });
    Text = Text.drop_front(Word.size());
    if (directionOfConstant(Word) || PP.isMacroDefined(Word))
      continue;
    if (Held.contains(Word)) {
      // Not declared again, in an inner block, under the same name.
      if (variablesNamed(Body, Word) > 1)
        return false;
      continue;
    }
    bool Global = false;
    for (const NamedDecl *D :
         Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Word)))
      Global |= isa<EnumConstantDecl>(D) || isa<FunctionDecl>(D);
    if (!Global)
      return false;
  }
  return true;
}

const DirectionResolver::Told &DirectionResolver::toldIn(const FunctionDecl &F,
                                                         ASTContext &Ctx,
                                                         Preprocessor &PP) {
  auto Found = ToldCache.find(&F);
  if (Found != ToldCache.end())
    return Found->second;
  Told Result;
  for (const std::string &Text : notifiedDirections(F, Ctx, PP)) {
    if (auto Dir = directionOfConstant(Text))
      Result.Constants.insert(*Dir);
    else {
      std::string Joined = joinedSpaces(Text);
      if (Result.RunTime.empty())
        Result.RunTime = Joined;
      else if (Result.RunTime != Joined)
        Result.RunTimeDiffers = true;
    }
  }
  return ToldCache[&F] = std::move(Result);
}

std::optional<std::string>
DirectionResolver::enteringDirection(const FunctionDecl &F, ASTContext &Ctx,
                                     Preprocessor &PP) {
  const Told &Own = toldIn(F, Ctx, PP);
  if (!Own.RunTime.empty() || Own.Constants.size() > 1)
    return std::nullopt;
  if (Own.Constants.size() == 1)
    return *Own.Constants.begin();
  std::string Section;
  if (const auto *Attribute = F.getAttr<SectionAttr>())
    Section = Attribute->getName().str();
  for (const auto &[Pattern, Value] : Rules)
    if ((!Section.empty() && Pattern.match(Section)) ||
        Pattern.match(F.getName()))
      return Value;
  return std::nullopt;
}

std::optional<Direction>
DirectionResolver::tailCallerDirection(const FunctionDecl &F, ASTContext &Ctx,
                                       Preprocessor &PP, bool &Entered,
                                       std::string &WhyNot) {
  EnteringDirections Entering =
      Graph.enteringDirections(F, Ctx, [&](const FunctionDecl &P) {
        return enteringDirection(P, Ctx, PP);
      });
  Entered = !Entering.empty();
  if (!Entered)
    return std::nullopt;
  std::string Slot = std::to_string(Entering.Slot);
  if (Entering.Told.size() == 1 && Entering.Silent.empty())
    return Direction{Entering.Told.begin()->first,
                     "the programs that tail-call slot " + Slot + " (" +
                         llvm::join(Entering.Told.begin()->second, ", ") + ")"};
  std::vector<std::string> Parts;
  for (const auto &[Dir, Names] : Entering.Told)
    Parts.push_back(llvm::join(Names, ", ") + ": " + Dir);
  if (!Entering.Silent.empty())
    Parts.push_back(llvm::join(Entering.Silent, ", ") +
                    ": no direction of their own");
  // Name the tail calls passed through: the programs named may enter the
  // slot only through them.
  std::string Through;
  if (!Entering.Through.empty())
    Through = ", directly or through " + llvm::join(Entering.Through, ", ") +
              ", which tell no single constant direction of their own,";
  WhyNot = "the programs that tail-call '" + F.getName().str() + "' (slot " +
           Slot + ")" + Through + " do not agree on a direction (" +
           llvm::join(Parts, "; ") + ")";
  return std::nullopt;
}

std::optional<Direction>
DirectionResolver::programDirection(const FunctionDecl &F,
                                    const ProgramInfo &Program, ASTContext &Ctx,
                                    Preprocessor &PP, std::string &WhyNot) {
  auto Cached = Cache.find(&F);
  if (Cached != Cache.end()) {
    WhyNot = CacheWhyNot[&F];
    return Cached->second;
  }

  std::optional<Direction> Result;
  const Told &Own = toldIn(F, Ctx, PP);
  const std::set<std::string> &Notified = Own.Constants;
  std::string Inferred;
  if (Notified.size() == 1) {
    Result = Direction{*Notified.begin(), "other drop notifications in '" +
                                              F.getName().str() + "'"};
  } else if (Notified.empty() && !Own.RunTime.empty() && !Own.RunTimeDiffers &&
             holdsEverywhere(Own.RunTime, F, Ctx, PP)) {
    // The expression the program's own notifications pass.
    Result = Direction{Own.RunTime, "other drop notifications in '" +
                                        F.getName().str() + "'"};
  } else {
    for (const auto &[Pattern, Value] : Rules) {
      std::string Table = RulesFromTable ? " (Cilium's section table)" : "";
      if (!Program.Section.empty() && Pattern.match(Program.Section)) {
        Result = Direction{Value, "section '" + Program.Section + "'" + Table};
        break;
      }
      if (Pattern.match(F.getName())) {
        Result =
            Direction{Value, "the name '" + F.getName().str() + "'" + Table};
        break;
      }
    }
    // What other code tells counts only where the program's own
    // notifications tell nothing.
    if (!Result && Notified.empty() && Own.RunTime.empty()) {
      bool Entered = false;
      if (Program.Kind == ProgramKind::TailCall)
        Result = tailCallerDirection(F, Ctx, PP, Entered, Inferred);
    }
    if (!Result && !Options.DefaultDirection.empty())
      Result = Direction{Options.DefaultDirection, "DefaultDirection"};
  }

  if (!Result) {
    if (Notified.size() > 1)
      WhyNot = "'" + F.getName().str() +
               "' notifies drops in more than one direction";
    else if (!Own.RunTime.empty())
      WhyNot = "'" + F.getName().str() +
               "' notifies drops in a direction told at run time ('" +
               Own.RunTime + "'" +
               (Own.RunTimeDiffers ? ", and others"
                                   : ", which does not hold at every return") +
               ")";
    else if (!Inferred.empty())
      WhyNot = Inferred;
    else
      WhyNot = "nothing tells the direction of drops in '" + F.getName().str() +
               "' (no notification with a constant direction, no "
               "DirectionRules match" +
               (Program.Kind == ProgramKind::TailCall
                    ? ", no program here tail-calls it)"
                    : ")");
  }
  Cache[&F] = Result;
  CacheWhyNot[&F] = WhyNot;
  return Result;
}

} // namespace bpftidy
