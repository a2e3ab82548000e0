//===- EditableRange.cpp --------------------------------------------------===//

#include "analyzer/core/EditableRange.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace bpftidy {

/// Climbs \p Loc out of nested macro expansions until it is in \p Target.
/// \p AtEnd picks the end of each expansion range rather than its start.
static SourceLocation climbTo(SourceLocation Loc, FileID Target,
                              const SourceManager &SM, bool AtEnd) {
  while (Loc.isValid() && SM.getFileID(Loc) != Target) {
    if (!Loc.isMacroID())
      return SourceLocation();
    if (SM.isMacroArgExpansion(Loc)) {
      // Written as a macro argument: its text is at the caller, which is
      // not the level of the `return`. Follow it anyway; the FileID check
      // ends the climb if the caller is the right level.
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    CharSourceRange Expansion = SM.getImmediateExpansionRange(Loc);
    Loc = AtEnd ? Expansion.getEnd() : Expansion.getBegin();
  }
  return Loc;
}

EditableRange editableRange(const Expr &Value, SourceLocation ReturnLoc,
                            const SourceManager &SM, const LangOptions &LO) {
  EditableRange Result;
  FileID Level = SM.getFileID(ReturnLoc);
  SourceLocation Begin = climbTo(Value.getBeginLoc(), Level, SM, false);
  SourceLocation End = climbTo(Value.getEndLoc(), Level, SM, true);
  if (Begin.isInvalid() || End.isInvalid()) {
    Result.WhyNot = "the returned value is spelled in a macro argument, "
                    "which differs at each use of the macro";
    return Result;
  }
  SourceLocation SpellBegin = SM.getSpellingLoc(Begin);
  SourceLocation SpellEnd = SM.getSpellingLoc(End);
  if (SM.getFileID(SpellBegin) != SM.getFileID(SpellEnd) ||
      SM.getFileID(SpellBegin) != SM.getFileID(SM.getSpellingLoc(ReturnLoc)) ||
      SM.isBeforeInTranslationUnit(SpellEnd, SpellBegin)) {
    Result.WhyNot = "the returned value is not written as one piece of text "
                    "next to its 'return'";
    return Result;
  }
  if (SM.isInSystemHeader(SpellBegin)) {
    Result.WhyNot = "the return is in a system header";
    return Result;
  }
  SourceLocation AfterEnd = Lexer::getLocForEndOfToken(SpellEnd, 0, SM, LO);
  if (AfterEnd.isInvalid()) {
    Result.WhyNot = "the end of the returned value cannot be located";
    return Result;
  }
  Result.Range = CharSourceRange::getCharRange(SpellBegin, AfterEnd);
  return Result;
}

} // namespace bpftidy
