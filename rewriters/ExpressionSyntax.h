//===- ExpressionSyntax.h - is this text one C expression? ------*- C++ -*-===//
//
// Text that a fix writes into a return statement must be one C expression,
// or the fixed file does not compile. This checks the shape only (clang's
// lexer, then a small grammar): brackets and quotes balanced, operands and
// operators alternating, calls, subscripts, member access, casts; no names
// are looked up, since the text is written into files not yet seen.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_REWRITERS_EXPRESSIONSYNTAX_H
#define BPF_TIDY_REWRITERS_EXPRESSIONSYNTAX_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace bpftidy::rewriters {

/// Succeeds if \p Text is one C expression; otherwise says what is wrong,
/// with offsets into \p Text.
llvm::Error checkExpressionSyntax(llvm::StringRef Text);

} // namespace bpftidy::rewriters

#endif // BPF_TIDY_REWRITERS_EXPRESSIONSYNTAX_H
