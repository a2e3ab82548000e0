//===- MacroInvocation.cpp ------------------------------------------------===//

#include "analyzer/core/MacroInvocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace bpftidy {

const std::string *MacroInvocation::argFor(llvm::StringRef Param) const {
  for (size_t I = 0; I < Params.size() && I < Args.size(); ++I)
    if (Params[I] == Param)
      return &Args[I];
  return nullptr;
}

/// Re-lexes "NAME ( arg , arg ... )" starting at \p NameLoc.
static bool lexInvocation(SourceLocation NameLoc, const SourceManager &SM,
                          const LangOptions &LO, MacroInvocation &Out) {
  std::pair<FileID, unsigned> Where = SM.getDecomposedLoc(NameLoc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(Where.first, &Invalid);
  if (Invalid)
    return false;
  Lexer Raw(SM.getLocForStartOfFile(Where.first), LO, Buffer.begin(),
            Buffer.begin() + Where.second, Buffer.end());
  Token Tok;
  Raw.LexFromRawLexer(Tok);
  if (!Tok.is(tok::raw_identifier))
    return false;
  Out.Name = Tok.getRawIdentifier().str();
  Raw.LexFromRawLexer(Tok);
  if (!Tok.is(tok::l_paren))
    return false;

  unsigned Depth = 1;
  std::string Arg;
  while (true) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      return false;
    if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    if (Depth == 0 || (Depth == 1 && Tok.is(tok::comma))) {
      Out.Args.push_back(Arg);
      Arg.clear();
      if (Depth == 0)
        return true;
      continue;
    }
    if (!Arg.empty())
      Arg += ' ';
    Arg.append(SM.getCharacterData(Tok.getLocation()), Tok.getLength());
  }
}

std::optional<MacroInvocation> macroInvocationAt(SourceLocation NameLoc,
                                                 const SourceManager &SM,
                                                 const LangOptions &LO) {
  MacroInvocation Invocation;
  Invocation.NameLoc = SM.getExpansionLoc(NameLoc);
  if (!lexInvocation(SM.getSpellingLoc(NameLoc), SM, LO, Invocation))
    return std::nullopt;
  return Invocation;
}

std::optional<MacroInvocation> macroInvocationOf(FileID Expansion,
                                                 const SourceManager &SM,
                                                 const LangOptions &LO,
                                                 Preprocessor &PP) {
  bool Invalid = false;
  const SrcMgr::SLocEntry &Entry = SM.getSLocEntry(Expansion, &Invalid);
  if (Invalid || !Entry.isExpansion() ||
      Entry.getExpansion().isMacroArgExpansion())
    return std::nullopt;
  const SrcMgr::ExpansionInfo &Info = Entry.getExpansion();

  // The invocation is spelled contiguously where it was written: in a file,
  // or in the body of an outer #define.
  SourceLocation NameLoc = SM.getSpellingLoc(Info.getExpansionLocStart());
  SourceLocation EndLoc = SM.getSpellingLoc(Info.getExpansionLocEnd());
  if (NameLoc.isInvalid() || SM.getFileID(NameLoc) != SM.getFileID(EndLoc))
    return std::nullopt;

  MacroInvocation Invocation;
  Invocation.NameLoc = SM.getExpansionLoc(Info.getExpansionLocStart());
  if (!lexInvocation(NameLoc, SM, LO, Invocation))
    return std::nullopt;

  IdentifierInfo *Id = PP.getIdentifierInfo(Invocation.Name);
  const MacroInfo *Macro =
      PP.getMacroDefinitionAtLoc(Id, Info.getExpansionLocStart())
          .getMacroInfo();
  if (!Macro || !Macro->isFunctionLike())
    return std::nullopt;
  for (const IdentifierInfo *Param : Macro->params())
    Invocation.Params.push_back(Param->getName().str());
  return Invocation;
}

std::vector<std::string> macroParameters(llvm::StringRef Name,
                                         Preprocessor &PP) {
  std::vector<std::string> Params;
  if (Name.empty())
    return Params;
  if (const MacroInfo *Macro = PP.getMacroInfo(PP.getIdentifierInfo(Name)))
    for (const IdentifierInfo *Param : Macro->params())
      Params.push_back(Param->getName().str());
  return Params;
}

} // namespace bpftidy
