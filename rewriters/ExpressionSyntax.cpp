//===- ExpressionSyntax.cpp -----------------------------------------------===//

#include "rewriters/ExpressionSyntax.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include <vector>

using namespace llvm;
using clang::tok::TokenKind;

namespace bpftidy::rewriters {

namespace {

struct Token {
  TokenKind Kind;
  StringRef Text;
  size_t Offset;
};

Error syntaxError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<std::vector<Token>> lex(StringRef Text) {
  clang::LangOptions Lang;
  Lang.C11 = true;
  Lang.DollarIdents = true;
  std::string Buffer = Text.str(); // the lexer needs a terminating zero
  clang::Lexer Lexer(clang::SourceLocation(), Lang, Buffer.data(),
                     Buffer.data(), Buffer.data() + Buffer.size());
  std::vector<Token> Tokens;
  clang::Token Tok;
  while (true) {
    Lexer.LexFromRawLexer(Tok);
    if (Tok.is(clang::tok::eof))
      break;
    size_t Offset = Tok.getLocation().getRawEncoding();
    StringRef Spelling = Text.substr(Offset, Tok.getLength());
    if (Tok.is(clang::tok::unknown)) {
      if (Spelling.starts_with("\"") || Spelling.starts_with("'"))
        return syntaxError("'" + Spelling.take_front(1) + "' at offset " +
                           Twine(Offset) + " is never closed");
      return syntaxError("unexpected '" + Spelling + "' at offset " +
                         Twine(Offset));
    }
    Tokens.push_back({Tok.getKind(), Spelling, Offset});
  }
  return Tokens;
}

Error checkBrackets(ArrayRef<Token> Tokens) {
  std::vector<const Token *> Open;
  for (const Token &T : Tokens) {
    if (T.Text == "(" || T.Text == "[" || T.Text == "{") {
      Open.push_back(&T);
      continue;
    }
    StringRef Opener = T.Text == ")"   ? "("
                       : T.Text == "]" ? "["
                       : T.Text == "}" ? "{"
                                       : "";
    if (Opener.empty())
      continue;
    if (Open.empty())
      return syntaxError("'" + T.Text + "' at offset " + Twine(T.Offset) +
                         " closes nothing");
    if (Open.back()->Text != Opener)
      return syntaxError("'" + Open.back()->Text + "' at offset " +
                         Twine(Open.back()->Offset) + " is closed by '" +
                         T.Text + "' at offset " + Twine(T.Offset));
    Open.pop_back();
  }
  if (!Open.empty())
    return syntaxError("'" + Open.back()->Text + "' at offset " +
                       Twine(Open.back()->Offset) + " is never closed");
  return Error::success();
}

bool isTypeWord(StringRef Word) {
  return is_contained({"struct", "union", "enum", "void", "char", "short",
                       "int", "long", "signed", "unsigned", "const", "volatile",
                       "_Bool", "float", "double"},
                      Word) ||
         Word.starts_with("__u") || Word.starts_with("__s") ||
         Word.starts_with("__be") || Word.starts_with("__le") ||
         Word.ends_with("_t");
}

bool isPrefixOperator(StringRef Op) {
  return is_contained({"+", "-", "!", "~", "*", "&", "++", "--"}, Op);
}

bool isBinaryOperator(StringRef Op) {
  return is_contained({"+",  "-",  "*",  "/",  "%",  "<<",  ">>",  "<",
                       ">",  "<=", ">=", "==", "!=", "&",   "|",   "^",
                       "&&", "||", "?",  ":",  "=",  "+=",  "-=",  "*=",
                       "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ","},
                      Op);
}

/// A recursive-descent walk of one expression, operators taken without
/// precedence: only the shape matters.
class Parser {
public:
  explicit Parser(ArrayRef<Token> Tokens) : Tokens(Tokens) {}

  Error parse() {
    if (Error E = expression())
      return E;
    if (Pos < Tokens.size())
      return unexpected(Tokens[Pos]);
    return Error::success();
  }

private:
  const Token *peek() const {
    return Pos < Tokens.size() ? &Tokens[Pos] : nullptr;
  }
  bool accept(StringRef Text) {
    if (peek() && peek()->Text == Text) {
      ++Pos;
      return true;
    }
    return false;
  }
  Error unexpected(const Token &T) {
    if (T.Text == ";")
      return syntaxError("unexpected ';' at offset " + Twine(T.Offset) +
                         ": a template is one expression");
    return syntaxError("unexpected '" + T.Text + "' at offset " +
                       Twine(T.Offset));
  }
  Error expectedExpression() {
    if (const Token *T = peek())
      return syntaxError("expected an expression at offset " +
                         Twine(T->Offset) + ", found '" + T->Text + "'");
    return syntaxError("expected an expression at the end");
  }

  Error expression() {
    if (Error E = unary())
      return E;
    while (peek() && isBinaryOperator(peek()->Text)) {
      ++Pos;
      if (Error E = unary())
        return E;
    }
    return Error::success();
  }

  Error unary() {
    while (peek() &&
           (isPrefixOperator(peek()->Text) || peek()->Text == "sizeof"))
      ++Pos;
    const Token *T = peek();
    // A cast: '(' type words and '*' ')' then an operand.
    if (T && T->Text == "(" && Pos + 1 < Tokens.size() &&
        isTypeWord(Tokens[Pos + 1].Text)) {
      ++Pos;
      while (peek() && peek()->Text != ")")
        ++Pos;
      accept(")");
      // sizeof(type): nothing follows that could be the cast's operand.
      const Token *Next = peek();
      if (!Next || Next->Text == ")" || Next->Text == "]" ||
          (isBinaryOperator(Next->Text) && !isPrefixOperator(Next->Text)))
        return Error::success();
      return unary();
    }
    return postfix();
  }

  Error postfix() {
    if (Error E = primary())
      return E;
    while (const Token *T = peek()) {
      if (accept("(")) {
        if (accept(")"))
          continue;
        if (Error E = expression())
          return E;
        if (!accept(")"))
          return peek() ? unexpected(*peek()) : expectedExpression();
      } else if (accept("[")) {
        if (Error E = expression())
          return E;
        if (!accept("]"))
          return peek() ? unexpected(*peek()) : expectedExpression();
      } else if (T->Text == "." || T->Text == "->") {
        ++Pos;
        if (!peek() || peek()->Kind != clang::tok::raw_identifier)
          return syntaxError("expected a member name after '" + T->Text +
                             "' at offset " + Twine(T->Offset));
        ++Pos;
      } else if (T->Text == "++" || T->Text == "--") {
        ++Pos;
      } else {
        break;
      }
    }
    return Error::success();
  }

  Error primary() {
    const Token *T = peek();
    if (!T)
      return expectedExpression();
    switch (T->Kind) {
    case clang::tok::raw_identifier:
    case clang::tok::numeric_constant:
    case clang::tok::char_constant:
      ++Pos;
      return Error::success();
    case clang::tok::string_literal:
      while (peek() && peek()->Kind == clang::tok::string_literal)
        ++Pos;
      return Error::success();
    case clang::tok::l_paren: {
      ++Pos;
      if (Error E = expression())
        return E;
      if (!accept(")"))
        return peek() ? unexpected(*peek()) : expectedExpression();
      return Error::success();
    }
    default:
      return expectedExpression();
    }
  }

  ArrayRef<Token> Tokens;
  size_t Pos = 0;
};

} // namespace

Error checkExpressionSyntax(StringRef Text) {
  auto Tokens = lex(Text);
  if (!Tokens)
    return Tokens.takeError();
  if (Tokens->empty())
    return syntaxError("it is empty");
  if (Error E = checkBrackets(*Tokens))
    return E;
  return Parser(*Tokens).parse();
}

} // namespace bpftidy::rewriters
