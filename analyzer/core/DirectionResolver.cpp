//===- DirectionResolver.cpp ----------------------------------------------===//

#include "analyzer/core/DirectionResolver.h"
#include "analyzer/core/BodyStatements.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/MacroInvocation.h"
#include "analyzer/core/NameAtSite.h"
#include "analyzer/core/NotifyExpansions.h"
#include "analyzer/core/NotifyHelperShape.h"
#include "rewriters/NotificationTemplate.h"
#include "tailcalls/TailCallSlot.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <set>

using namespace clang;

namespace bpftidy {

DirectionResolver::DirectionResolver(const Conventions &Options,
                                     const DropReasonMatcher &Matcher)
    : Options(Options), Matcher(Matcher),
      DirectionPattern(Options.DirectionPattern) {
  for (const PatternRule &Rule : Options.DirectionRules)
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
    // An identifier only: an expression such as ep->sec_id may not be safe
    // to evaluate at another site (a pointer still NULL there).
    std::string Text = normalised(*Arg);
    if (!isIdentifier(Text) || (Shared && *Shared != Text))
      return std::nullopt;
    Shared = Text;
  }
  return Shared;
}

/// The slot a tail call is entered by: KEY of its section "MAP/KEY" or of
/// its tag "tail:MAP/KEY", when KEY is a number.
static std::optional<int64_t> tailCallSlot(const ProgramInfo &Program) {
  StringRef Name = Program.TailTag.empty() ? StringRef(Program.Section)
                                           : StringRef(Program.TailTag);
  if (std::optional<uint32_t> Key =
          tailcalls::parseSlotKey(Name.rsplit('/').second))
    return *Key;
  return std::nullopt;
}

std::optional<Direction>
DirectionResolver::tailCallerDirection(const FunctionDecl &F,
                                       const ProgramInfo &Program,
                                       ASTContext &Ctx, Preprocessor &PP) {
  std::optional<int64_t> Slot = tailCallSlot(Program);
  if (!Slot)
    return std::nullopt;
  if (!TailCallers) {
    // Each call of a tail-call helper with a constant slot (the last
    // argument that is an integer constant: bpf_tail_call(ctx, &map, 7),
    // tail_call_internal(ctx, 7, &ext_err)).
    TailCallers.emplace();
    llvm::StringSet<> Helpers;
    for (const std::string &Name : Options.TailCallHelpers)
      Helpers.insert(Name);
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      const auto *Caller = dyn_cast<FunctionDecl>(D);
      if (!Caller || !Caller->hasBody())
        continue;
      for (const CallExpr *Call : callsIn(Caller->getBody())) {
        // libbpf's bpf_tail_call is a function pointer variable.
        const auto *Callee = dyn_cast_or_null<NamedDecl>(Call->getCalleeDecl());
        if (!Callee || !Callee->getIdentifier() ||
            !Helpers.contains(Callee->getName()))
          continue;
        for (unsigned I = Call->getNumArgs(); I-- > 0;) {
          Expr::EvalResult Value;
          const Expr *Arg = Call->getArg(I);
          if (!Arg->isValueDependent() && Arg->EvaluateAsInt(Value, Ctx)) {
            (*TailCallers)[Value.Val.getInt().getExtValue()].push_back(Caller);
            break;
          }
        }
      }
    }
  }
  auto Callers = TailCallers->find(*Slot);
  if (Callers == TailCallers->end())
    return std::nullopt;
  std::set<std::string> Agreed;
  std::vector<std::string> Names;
  for (const FunctionDecl *Caller : Callers->second) {
    if (Caller == &F)
      continue;
    ProgramInfo CallerInfo;
    if (const auto *Section = Caller->getAttr<SectionAttr>())
      CallerInfo.Section = Section->getName().str();
    std::string Ignored;
    std::optional<Direction> Dir =
        programDirection(*Caller, CallerInfo, Ctx, PP, Ignored);
    if (!Dir)
      return std::nullopt; // one caller that cannot tell: nothing is sure
    Agreed.insert(Dir->Expression);
    Names.push_back("'" + Caller->getName().str() + "'");
  }
  if (Agreed.size() != 1)
    return std::nullopt;
  std::sort(Names.begin(), Names.end());
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return Direction{*Agreed.begin(), "the functions that tail-call slot " +
                                        std::to_string(*Slot) + " (" +
                                        llvm::join(Names, ", ") + ")"};
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
  std::set<std::string> Notified;
  for (const std::string &Text : notifiedDirections(F, Ctx, PP))
    if (auto Dir = directionOfConstant(Text))
      Notified.insert(*Dir);
  if (Notified.size() == 1) {
    Result = Direction{*Notified.begin(), "other drop notifications in '" +
                                              F.getName().str() + "'"};
  } else {
    for (const auto &[Pattern, Value] : Rules) {
      if (!Program.Section.empty() && Pattern.match(Program.Section)) {
        Result = Direction{Value, "section '" + Program.Section + "'"};
        break;
      }
      if (Pattern.match(F.getName())) {
        Result = Direction{Value, "the name '" + F.getName().str() + "'"};
        break;
      }
    }
    if (!Result && Program.Kind == ProgramKind::TailCall &&
        InProgress.insert(&F).second) {
      Result = tailCallerDirection(F, Program, Ctx, PP);
      InProgress.erase(&F);
    }
    if (!Result && !Options.DefaultDirection.empty())
      Result = Direction{Options.DefaultDirection, "DefaultDirection"};
  }

  if (!Result) {
    if (Notified.size() > 1)
      WhyNot = "'" + F.getName().str() +
               "' notifies drops in more than one direction";
    else
      WhyNot = "nothing tells the direction of drops in '" + F.getName().str() +
               "' (no notification with a constant direction, no "
               "DirectionRules match)";
  }
  Cache[&F] = Result;
  CacheWhyNot[&F] = WhyNot;
  return Result;
}

} // namespace bpftidy
