//===- StatementContext.h - where a finding sits, in words ------*- C++ -*-===//
//
// A baseline must still recognise a finding after unrelated lines move, so
// it keys findings by what surrounds them rather than by line: the
// enclosing function, the statement's normalized text and how many
// identical statements precede it in that function. These are read from
// the source text alone, with clang's raw lexer: no parse, no
// configuration, so every configuration that sees a site agrees on them.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_STATEMENTCONTEXT_H
#define BPF_TIDY_CLI_STATEMENTCONTEXT_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace bpftidy {

struct StatementContext {
  /// The enclosing function's name; inside a #define, the macro's name, then
  /// '/' and the function the macro body defines ("TAIL_CT_LOOKUP4/NAME").
  /// Empty at file scope.
  std::string Function;
  /// The tokens from the offset to the end of the statement (the ';' at the
  /// same nesting), joined by single spaces: whitespace, comments and line
  /// continuations do not change it.
  std::string Statement;
  /// How many identical statements come before this one in the function.
  unsigned Occurrence = 0;
};

/// The statements of one C source, lexed once: a file with many findings
/// is not lexed again for each.
class SourceStatements {
public:
  explicit SourceStatements(llvm::StringRef Text);
  ~SourceStatements();

  /// The context of the statement starting at (or containing) \p Offset.
  StatementContext contextAt(unsigned Offset) const;

  /// A token of the source (defined in the .cpp).
  struct RawToken;

private:
  std::vector<RawToken> Tokens;
};

/// The context of the statement at \p Offset in the C source \p Text
/// (lexes \p Text; use SourceStatements for several offsets).
StatementContext statementContextAt(llvm::StringRef Text, unsigned Offset);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_STATEMENTCONTEXT_H
