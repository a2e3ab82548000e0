//===- NameAtSite.cpp -----------------------------------------------------===//

#include "analyzer/core/NameAtSite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace bpftidy {

static bool isIdentifierChar(char C) {
  return isalnum(static_cast<unsigned char>(C)) || C == '_';
}

bool isIdentifier(llvm::StringRef Text) {
  return !Text.empty() &&
         (isalpha(static_cast<unsigned char>(Text[0])) || Text[0] == '_') &&
         llvm::all_of(Text, isIdentifierChar);
}

bool isIntegerLiteral(llvm::StringRef Text) {
  llvm::StringRef Digits = Text.rtrim("uUlL");
  unsigned long long Value;
  // Radix 0: decimal, 0x hexadecimal, 0 octal, 0b binary.
  return !Digits.empty() && isdigit(static_cast<unsigned char>(Digits[0])) &&
         !Digits.getAsInteger(0, Value);
}

void forEachIdentifier(llvm::StringRef Text,
                       llvm::function_ref<void(llvm::StringRef)> Each) {
  while (!Text.empty()) {
    if (!isIdentifierChar(Text[0])) {
      Text = Text.drop_front();
      continue;
    }
    llvm::StringRef Word = Text.take_while(isIdentifierChar);
    Text = Text.drop_front(Word.size());
    if (!isdigit(static_cast<unsigned char>(Word[0])))
      Each(Word);
  }
}

namespace {
/// The variables declared in a body, and the block each is declared in.
class Declarations : public RecursiveASTVisitor<Declarations> {
public:
  std::vector<const CompoundStmt *> Blocks;
  llvm::DenseMap<const VarDecl *, const CompoundStmt *> BlockOf;
  std::vector<const VarDecl *> Variables;

  bool TraverseCompoundStmt(CompoundStmt *S) {
    Blocks.push_back(S);
    bool Result = RecursiveASTVisitor::TraverseCompoundStmt(S);
    Blocks.pop_back();
    return Result;
  }
  bool VisitVarDecl(VarDecl *V) {
    Variables.push_back(V);
    BlockOf[V] = Blocks.empty() ? nullptr : Blocks.back();
    return true;
  }
};

/// Whether a statement is within another.
class Contains : public RecursiveASTVisitor<Contains> {
public:
  const Stmt *Target = nullptr;
  bool Found = false;
  bool VisitStmt(Stmt *S) {
    Found |= S == Target;
    return !Found;
  }
};
} // namespace

std::pair<unsigned, const VarDecl *> variablesNamed(const FunctionDecl &F,
                                                    llvm::StringRef Name) {
  const VarDecl *Only = nullptr;
  unsigned Count = 0;
  for (const ParmVarDecl *P : F.parameters())
    if (P->getName() == Name) {
      Only = P;
      ++Count;
    }
  if (F.getBody()) {
    Declarations Found;
    Found.TraverseStmt(F.getBody());
    for (const VarDecl *V : Found.Variables)
      if (!isa<ParmVarDecl>(V) && V->getName() == Name) {
        Only = V;
        ++Count;
      }
  }
  return {Count, Only};
}

/// Whether the CFG element \p S gives \p V a value: its initialiser or
/// an assignment. Taking its address does not: what a callee writes
/// through the pointer, if anything, is not known.
static bool assigns(const Stmt *S, const VarDecl &V) {
  auto IsV = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParens());
    return Ref && Ref->getDecl() == &V;
  };
  if (const auto *Declares = dyn_cast<DeclStmt>(S))
    return llvm::is_contained(Declares->decls(), &V) && V.hasInit();
  if (const auto *Assign = dyn_cast<BinaryOperator>(S))
    return Assign->getOpcode() == BO_Assign && IsV(Assign->getLHS());
  return false;
}

bool holdsValueAt(const VarDecl &V, const FunctionDecl &F, const Stmt &Site,
                  ASTContext &Ctx) {
  if (isa<ParmVarDecl>(V))
    return llvm::is_contained(F.parameters(), &V);
  if (!F.getBody())
    return false;

  // The site must be in the scope of the declaration.
  Declarations Found;
  Found.TraverseStmt(F.getBody());
  auto Block = Found.BlockOf.find(&V);
  if (Block == Found.BlockOf.end() || !Block->second)
    return false;
  Contains InScope;
  InScope.Target = &Site;
  InScope.TraverseStmt(const_cast<CompoundStmt *>(Block->second));
  if (!InScope.Found)
    return false;

  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph = CFG::buildCFG(&F, F.getBody(), &Ctx, Options);
  if (!Graph)
    return false;
  // A forward "assigned on every path" dataflow: the greatest fixpoint,
  // every block assumed assigned on entry but the function's entry.
  llvm::DenseMap<const CFGBlock *, bool> AssignedOut;
  const CFGBlock *SiteBlock = nullptr;
  for (const CFGBlock *B : *Graph) {
    AssignedOut[B] = B != &Graph->getEntry();
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>(); S && S->getStmt() == &Site)
        SiteBlock = B;
  }
  if (!SiteBlock)
    return false;
  auto AssignedIn = [&](const CFGBlock *B) {
    if (B == &Graph->getEntry())
      return false;
    bool All = true, AnyPred = false;
    for (const CFGBlock *Pred : B->preds())
      if (Pred) {
        AnyPred = true;
        All &= AssignedOut[Pred];
      }
    return AnyPred && All;
  };
  auto Through = [&](const CFGBlock *B, bool In, const Stmt *Until) {
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>()) {
        if (S->getStmt() == Until)
          break;
        In |= assigns(S->getStmt(), V);
      }
    return In;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *B : *Graph) {
      bool Out = Through(B, AssignedIn(B), nullptr);
      if (Out != AssignedOut[B]) {
        AssignedOut[B] = Out;
        Changed = true;
      }
    }
  }
  return Through(SiteBlock, AssignedIn(SiteBlock), &Site);
}

/// "file:line" of \p Loc, the file by its name only.
static std::string shortLocation(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "an unknown place";
  return (llvm::sys::path::filename(P.getFilename()) + ":" +
          llvm::Twine(P.getLine()))
      .str();
}

static std::optional<std::string> undefinedAt(llvm::StringRef Name,
                                              SourceLocation Loc,
                                              ASTContext &Ctx, Preprocessor &PP,
                                              llvm::StringSet<> &Seen) {
  if (!Seen.insert(Name).second)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  IdentifierInfo &Id = Ctx.Idents.get(Name);
  if (Id.hadMacroDefinition()) {
    MacroDefinition Here = PP.getMacroDefinitionAtLoc(&Id, Loc);
    const MacroInfo *Macro = Here.getMacroInfo();
    if (!Macro) {
      std::string Why = "'" + Name.str() + "' is not defined at " +
                        shortLocation(Loc, SM) + ", where the fix is compiled";
      if (const MacroInfo *Latest = PP.getMacroInfo(&Id))
        Why += " (it is defined at " +
               shortLocation(Latest->getDefinitionLoc(), SM) + ")";
      return Why;
    }
    // The body is expanded at the site too.
    for (const Token &T : Macro->tokens()) {
      const IdentifierInfo *Used = T.getIdentifierInfo();
      if (!T.is(tok::identifier) || !Used ||
          llvm::is_contained(Macro->params(), Used))
        continue;
      if (auto Why = undefinedAt(Used->getName(), Loc, Ctx, PP, Seen))
        return Why;
    }
    return std::nullopt;
  }
  auto Found = Ctx.getTranslationUnitDecl()->lookup(&Id);
  if (Found.empty())
    return std::nullopt;
  for (const NamedDecl *D : Found)
    for (const Decl *Redecl : D->redecls())
      if (SM.isBeforeInTranslationUnit(
              SM.getExpansionLoc(Redecl->getLocation()), Loc))
        return std::nullopt;
  return "'" + Name.str() + "' is not declared at " + shortLocation(Loc, SM) +
         ", where the fix is compiled (it is declared at " +
         shortLocation(Found.front()->getLocation(), SM) + ")";
}

std::optional<std::string> undefinedAt(llvm::StringRef Name, SourceLocation Loc,
                                       ASTContext &Ctx, Preprocessor &PP) {
  llvm::StringSet<> Seen;
  return undefinedAt(Name, Loc, Ctx, PP, Seen);
}

} // namespace bpftidy
