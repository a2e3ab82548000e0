//===- TailCallInvocations.cpp --------------------------------------------===//

#include "analyzer/core/TailCallInvocations.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/Token.h"

using namespace clang;

namespace bpftidy {

class TailCallInvocationRecorder : public PPCallbacks {
public:
  TailCallInvocationRecorder(const llvm::StringSet<> &Macros,
                             TailCallInvocations &Into)
      : Macros(Macros), Into(Into) {}

  void MacroExpands(const Token &Name, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *Id = Name.getIdentifierInfo();
    if (!Args || !Id || !Macros.contains(Id->getName()))
      return;
    Into.ByName[Name.getLocation().getRawEncoding()] = Into.Invocations.size();
    Into.Invocations.push_back(
        {Id->getName().str(), Name.getLocation(), Range.getEnd()});
  }

private:
  const llvm::StringSet<> &Macros;
  TailCallInvocations &Into;
};

std::unique_ptr<PPCallbacks>
TailCallInvocations::recorder(const llvm::StringSet<> &Macros) {
  return std::make_unique<TailCallInvocationRecorder>(Macros, *this);
}

const TailCallInvocation *
TailCallInvocations::holding(SourceLocation Loc,
                             const SourceManager &SM) const {
  // Each step lands where the expansion holding Loc begins, one context
  // out: for a macro argument, where the parameter stands in the body;
  // for a body token, the name of the macro invoked. An invocation's own
  // expansion begins at its name.
  while (Loc.isMacroID()) {
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
    auto It = ByName.find(Loc.getRawEncoding());
    if (It != ByName.end())
      return &Invocations[It->second];
  }
  return nullptr;
}

const TailCallInvocation *
TailCallInvocations::producing(const Stmt &S, const SourceManager &SM) const {
  if (Invocations.empty())
    return nullptr;
  const TailCallInvocation *First = holding(S.getBeginLoc(), SM);
  if (!First || First != holding(S.getEndLoc(), SM))
    return nullptr;
  return First;
}

std::optional<bool> TailCallInvocations::otherFormReturns(SourceLocation Loc,
                                                          Preprocessor &PP) {
  if (!Loc.isMacroID())
    return std::nullopt;
  std::string Name =
      Lexer::getImmediateMacroName(Loc, PP.getSourceManager(), PP.getLangOpts())
          .str();
  if (Name.empty() || (Name.back() != '0' && Name.back() != '1'))
    return std::nullopt;
  Name.back() = Name.back() == '0' ? '1' : '0';
  const MacroInfo *Sibling = PP.getMacroInfo(PP.getIdentifierInfo(Name));
  if (!Sibling)
    return std::nullopt;
  for (const Token &T : Sibling->tokens())
    if (const IdentifierInfo *Id = T.getIdentifierInfo())
      if (Id->getName() == "return")
        return true;
  return false;
}

} // namespace bpftidy
