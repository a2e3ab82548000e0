//===- BareDropFinder.cpp -------------------------------------------------===//

#include "analyzer/BareDropFinder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace bpftidy {

namespace {
class ReturnCollector : public RecursiveASTVisitor<ReturnCollector> {
public:
  std::vector<const ReturnStmt *> Returns;
  bool VisitReturnStmt(ReturnStmt *Return) {
    Returns.push_back(Return);
    return true;
  }
};
} // namespace

BareDropFinder::BareDropFinder(const BareDropOptions &Options)
    : Classifier(Options), Matcher(Options) {}

void BareDropFinder::clear() {
  Sites.clear();
  SiteIndex.clear();
}

void BareDropFinder::addFunction(const FunctionDecl &F, ASTContext &Ctx) {
  if (!F.hasBody() || !F.isThisDeclarationADefinition())
    return;
  ProgramInfo Info = Classifier.classify(F);
  if (!Info.isProgram())
    return;

  ReturnCollector Collector;
  Collector.TraverseStmt(F.getBody());
  for (const ReturnStmt *Return : Collector.Returns) {
    const Expr *Value = Return->getRetValue();
    if (!Value || Matcher.isNotification(*Value, Ctx))
      continue;
    if (auto Reason = Matcher.literalDropReason(*Value, Ctx))
      addOccurrence({&F, Info, Return, BareDropKind::Literal, *Reason}, Ctx);
  }
}

void BareDropFinder::addOccurrence(BareDropOccurrence Occurrence,
                                   ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation ReturnLoc = Occurrence.Return->getReturnLoc();
  SourceLocation Spelling = SM.getSpellingLoc(ReturnLoc);
  auto [It, Inserted] =
      SiteIndex.try_emplace(Spelling.getRawEncoding(), Sites.size());
  if (Inserted) {
    BareDropSite Site;
    Site.Location = Spelling;
    if (ReturnLoc.isMacroID() && !SM.isMacroArgExpansion(ReturnLoc))
      Site.GeneratingMacro =
          Lexer::getImmediateMacroName(ReturnLoc, SM, Ctx.getLangOpts()).str();
    Sites.push_back(std::move(Site));
  }
  Sites[It->second].Occurrences.push_back(std::move(Occurrence));
}

} // namespace bpftidy
