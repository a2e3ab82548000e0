//===- StatementContext.cpp -----------------------------------------------===//

#include "cli/StatementContext.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include <vector>

using namespace clang;

namespace bpftidy {

struct SourceStatements::RawToken {
  tok::TokenKind Kind;
  unsigned Offset;
  unsigned Length;
  std::string Spelling;
  /// 0 for code, N for the N-th preprocessor directive: a directive's
  /// tokens are read apart from the code around them.
  unsigned Segment;
};
using RawToken = SourceStatements::RawToken;

/// Statements longer than this are compared by their first tokens only.
static constexpr size_t MaxStatementTokens = 64;

static std::vector<RawToken> lexRaw(const std::string &Text) {
  LangOptions Options;
  Options.C11 = true;
  Options.GNUMode = true;
  Options.LineComment = true;
  // A fake file location whose raw encoding is 1 + the byte offset.
  SourceLocation Start = SourceLocation::getFromRawEncoding(1);
  Lexer Lex(Start, Options, Text.c_str(), Text.c_str(),
            Text.c_str() + Text.size());
  std::vector<RawToken> Tokens;
  unsigned Directives = 0;
  bool InDirective = false;
  Token Tok;
  for (bool AtEnd = false; !AtEnd;) {
    AtEnd = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    unsigned Offset = Tok.getLocation().getRawEncoding() - 1;
    if (Tok.isAtStartOfLine()) {
      InDirective = Tok.is(tok::hash);
      Directives += InDirective;
    }
    std::string Spelling = Tok.is(tok::raw_identifier)
                               ? Tok.getRawIdentifier().str()
                               : Text.substr(Offset, Tok.getLength());
    // A line continuation inside a token is not part of its spelling.
    for (size_t At; (At = Spelling.find("\\\n")) != std::string::npos;)
      Spelling.erase(At, 2);
    Tokens.push_back({Tok.getKind(), Offset, Tok.getLength(),
                      std::move(Spelling), InDirective ? Directives : 0});
  }
  return Tokens;
}

SourceStatements::SourceStatements(llvm::StringRef Text)
    : Tokens(lexRaw(Text.str())) {}

SourceStatements::~SourceStatements() = default;

StatementContext statementContextAt(llvm::StringRef Source, unsigned Offset) {
  return SourceStatements(Source).contextAt(Offset);
}

StatementContext SourceStatements::contextAt(unsigned Offset) const {
  StatementContext Context;
  const std::vector<RawToken> &All = this->Tokens;
  auto Found = llvm::find_if(
      All, [&](const RawToken &T) { return T.Offset + T.Length > Offset; });
  if (Found == All.end())
    return Context;

  // The tokens of the finding's segment: the code, or its directive.
  std::vector<const RawToken *> Tokens;
  size_t Here = 0;
  for (const RawToken &T : All) {
    if (T.Segment != Found->Segment)
      continue;
    if (&T == &*Found)
      Here = Tokens.size();
    Tokens.push_back(&T);
  }

  // The function around Here: the last name followed by '(' at file scope
  // before the '{' that opens the body Here is in.
  int Braces = 0, Parens = 0;
  std::string Candidate, Function;
  size_t BodyStart = 0;
  for (size_t I = 0; I < Here; ++I) {
    switch (Tokens[I]->Kind) {
    case tok::l_paren:
      if (Braces == 0 && Parens == 0 && I > 0 &&
          Tokens[I - 1]->Kind == tok::raw_identifier &&
          !llvm::StringRef(Tokens[I - 1]->Spelling).starts_with("__attribute"))
        Candidate = Tokens[I - 1]->Spelling;
      ++Parens;
      break;
    case tok::r_paren:
      --Parens;
      break;
    case tok::l_brace:
      if (Braces++ == 0) {
        Function = Candidate;
        BodyStart = I + 1;
      }
      break;
    case tok::r_brace:
      if (--Braces == 0) {
        Function.clear();
        Candidate.clear();
        BodyStart = I + 1;
      }
      break;
    case tok::semi:
      if (Braces == 0 && Parens == 0)
        Candidate.clear();
      break;
    default:
      break;
    }
  }
  if (Braces <= 0)
    Function.clear();
  if (Found->Segment != 0 && Tokens.size() > 2 &&
      Tokens[1]->Spelling == "define") {
    std::string Macro = Tokens[2]->Spelling;
    Context.Function = Function.empty() ? Macro : Macro + "/" + Function;
  } else {
    Context.Function = Function;
  }

  // The statement: up to the ';' that ends it at its own nesting.
  std::vector<llvm::StringRef> Statement;
  int Depth = 0;
  for (size_t I = Here;
       I < Tokens.size() && Statement.size() < MaxStatementTokens; ++I) {
    tok::TokenKind Kind = Tokens[I]->Kind;
    if (Kind == tok::r_brace || Kind == tok::r_paren || Kind == tok::r_square)
      if (--Depth < 0)
        break;
    Statement.push_back(Tokens[I]->Spelling);
    if (Kind == tok::l_brace || Kind == tok::l_paren || Kind == tok::l_square)
      ++Depth;
    if (Kind == tok::semi && Depth == 0)
      break;
  }
  Context.Statement = llvm::join(Statement, " ");

  for (size_t I = BodyStart; I < Here; ++I) {
    bool Same = I + Statement.size() <= Tokens.size();
    for (size_t J = 0; Same && J < Statement.size(); ++J)
      Same = Tokens[I + J]->Spelling == Statement[J];
    Context.Occurrence += Same;
  }
  return Context;
}

} // namespace bpftidy
