//===- WholeUnitFinder.cpp ------------------------------------------------===//

#include "analyzer/checks/WholeUnitFinder.h"
#include "analyzer/core/ReachedFunctions.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace bpftidy {

WholeUnitFinder::WholeUnitFinder(const Conventions &Options)
    : Options(Options), Classifier(Options), Matcher(Options),
      Summaries(Matcher, Classifier), Calls(Options, Matcher) {}

void WholeUnitFinder::addFunction(const FunctionDecl &F) {
  if (F.hasBody() && F.isThisDeclarationADefinition())
    Definitions.push_back(&F);
}

std::vector<const FunctionDecl *> WholeUnitFinder::reachedDefinitions() {
  for (const FunctionDecl *F : Definitions) {
    Uses.addBody(*F);
    ProgramInfo Info = Classifier.classify(*F);
    if (Info.isProgram())
      Programs[F->getCanonicalDecl()] = std::move(Info);
  }
  return reachedFromPrograms(
      Definitions, [&](const FunctionDecl &F) { return isProgram(F); }, Uses);
}

bool WholeUnitFinder::isProgram(const FunctionDecl &F) const {
  return Programs.count(F.getCanonicalDecl()) > 0;
}

ProgramInfo &WholeUnitFinder::programInfo(const FunctionDecl &F) {
  return Programs[F.getCanonicalDecl()];
}

void WholeUnitFinder::clearUnit() {
  Definitions.clear();
  Programs.clear();
  Uses.clear();
  Summaries.clear();
  Calls.clear();
}

} // namespace bpftidy
