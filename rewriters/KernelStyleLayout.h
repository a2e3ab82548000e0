//===- KernelStyleLayout.h - lay out a replacement in kernel style -*- C++ -*-//
//
// Replacing `DROP_INVALID` with a notification call makes a line longer.
// Inside a #define every line ends in a '\' continuation aligned with its
// neighbours (tabs); a line that grows past the column limit is wrapped with
// a continuation indent, and every new line gets its own aligned '\'.
// Outside macros the surrounding indentation is kept.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_REWRITERS_KERNELSTYLELAYOUT_H
#define BPF_TIDY_REWRITERS_KERNELSTYLELAYOUT_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringRef.h"

namespace bpftidy::rewriters {

struct LayoutStyle {
  unsigned ColumnLimit = 80;
  unsigned TabWidth = 8;
};

/// Returns the replacement that puts \p NewText in place of the \p Length
/// bytes at \p Offset of \p Code (the whole text of \p FilePath), laid out in
/// kernel style:
/// - if the edited line ends in a '\' continuation, the replacement extends
///   to just before that '\' and re-pads with tabs (then spaces) so the '\'
///   stays at its column;
/// - if the result passes \p Style.ColumnLimit (or the '\' column), NewText is
///   broken after a top-level comma of its outermost parenthesised argument
///   list, continuation lines aligned one column after the '(' (tabs, then
///   spaces), or indented one tab deeper than the line when that does not
///   fit; in a macro body each new line ends with an aligned '\'.
/// A '\' counts as aligned when padded with a tab or several spaces, or when
/// a neighbouring line has its '\' at the same column; otherwise it keeps
/// its separator (`return X; \`). New lines in a directive get a '\' even
/// when the edited line has none (a one-line #define, the last body line).
/// Code that cannot fit before the '\' column pushes that line's '\' one
/// space right; code is never broken inside a token or argument.
/// A line ending in "\r\n" keeps it, and new lines use it too.
/// The range [Offset, Offset + Length) must lie on one line, and NewText must
/// be one line; otherwise the replacement is returned as given.
/// Applying the result twice is not meaningful; callers edit once per site.
clang::tooling::Replacement
layoutReplacement(llvm::StringRef FilePath, llvm::StringRef Code,
                  unsigned Offset, unsigned Length, llvm::StringRef NewText,
                  const LayoutStyle &Style = LayoutStyle());

/// The display column (0-based, tabs expanded) of \p Offset in \p Code.
unsigned displayColumn(llvm::StringRef Code, unsigned Offset,
                       unsigned TabWidth = 8);

} // namespace bpftidy::rewriters

#endif // BPF_TIDY_REWRITERS_KERNELSTYLELAYOUT_H
