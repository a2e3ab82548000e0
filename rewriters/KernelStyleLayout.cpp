//===- KernelStyleLayout.cpp - lay out a replacement in kernel style ------===//

#include "rewriters/KernelStyleLayout.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <climits>
#include <string>

using namespace llvm;
using clang::tooling::Replacement;

namespace bpftidy::rewriters {

namespace {

/// The column after \p Text when it starts at \p Col. UTF-8 continuation
/// bytes take no column, so a multi-byte character counts once.
unsigned advance(unsigned Col, StringRef Text, unsigned TabWidth) {
  for (char C : Text) {
    if (C == '\t')
      Col = (Col / TabWidth + 1) * TabWidth;
    else if ((static_cast<unsigned char>(C) & 0xC0) != 0x80)
      ++Col;
  }
  return Col;
}

/// Whitespace that takes the cursor from column \p From to \p To: tabs up
/// to the last tab stop not past \p To, then spaces (kernel style).
std::string fill(unsigned From, unsigned To, bool UseTabs, unsigned TabWidth) {
  std::string S;
  if (UseTabs)
    while ((From / TabWidth + 1) * TabWidth <= To) {
      S += '\t';
      From = (From / TabWidth + 1) * TabWidth;
    }
  if (From < To)
    S.append(To - From, ' ');
  return S;
}

/// A line of Code, without its terminator ("\n" or "\r\n").
struct Line {
  size_t Start = 0, End = 0; // End excludes the terminator
  StringRef Eol;             // "" on a last line without one
};

Line lineAt(StringRef Code, size_t Offset) {
  Line L;
  size_t NL = Code.rfind('\n', Offset);
  L.Start = NL == StringRef::npos ? 0 : NL + 1;
  L.End = Code.find('\n', Offset);
  L.Eol = "\n";
  if (L.End == StringRef::npos) {
    L.End = Code.size();
    L.Eol = "";
  }
  // CRLF is not supported, but a '\r' must stay with its line end.
  if (L.End > L.Start && Code[L.End - 1] == '\r') {
    --L.End;
    L.Eol = L.Eol.empty() ? "" : "\r\n";
  }
  return L;
}

/// A trailing '\' line continuation: where it is, and the whitespace
/// between the line's content and it.
struct Continuation {
  bool Present = false;
  size_t Pos = 0;      // offset of the '\'
  unsigned Column = 0; // display column of the '\'
  StringRef Pad;
};

Continuation continuationOf(StringRef Code, const Line &L, unsigned TabWidth) {
  Continuation C;
  StringRef Text = Code.slice(L.Start, L.End).rtrim(" \t");
  if (!Text.ends_with("\\"))
    return C;
  C.Present = true;
  C.Pos = L.Start + Text.size() - 1;
  C.Column = displayColumn(Code, C.Pos, TabWidth);
  StringRef Before = Code.slice(L.Start, C.Pos);
  C.Pad = Before.substr(Before.rtrim(" \t").size());
  return C;
}

/// NewText cut after each top-level comma of its outermost argument list.
/// Sep is the whitespace that followed the comma: kept when two pieces
/// share a line, dropped at a line break.
struct Piece {
  StringRef Sep, Text;
  /// Columns past the continuation column for a line this piece starts:
  /// parts of a parenthesised conditional align inside its '('.
  unsigned Inner = 0;
};

SmallVector<Piece> splitArguments(StringRef Text, size_t &OpenParen) {
  SmallVector<Piece> Pieces;
  OpenParen = StringRef::npos;
  int Depth = 0;
  size_t PieceStart = 0;
  StringRef Sep;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"' || C == '\'') {
      // Skip the literal, escapes included.
      for (++I; I < Text.size() && Text[I] != C; ++I)
        if (Text[I] == '\\')
          ++I;
      continue;
    }
    if (C == '(' || C == '[' || C == '{') {
      if (Depth == 0 && C == '(' && OpenParen == StringRef::npos)
        OpenParen = I;
      ++Depth;
    } else if (C == ')' || C == ']' || C == '}') {
      --Depth;
      if (Depth == 0 && I > OpenParen && OpenParen != StringRef::npos)
        break; // the outermost list is closed; the rest is one piece
    } else if (C == ',' && Depth == 1 && OpenParen != StringRef::npos) {
      Pieces.push_back({Sep, Text.slice(PieceStart, I + 1)});
      size_t Next = Text.find_first_not_of(" \t", I + 1);
      if (Next == StringRef::npos)
        Next = Text.size();
      Sep = Text.slice(I + 1, Next);
      PieceStart = Next;
      I = Next - 1;
    }
  }
  Pieces.push_back({Sep, Text.substr(PieceStart)});
  return Pieces;
}

/// \p P cut after the top-level '?' and ':' of the parenthesised
/// conditional it starts with ("(d == A ? X : Y))" becomes "(d == A ?",
/// "X :", "Y))"), or nothing when it is not one. The conditional the
/// checker writes for a macro parameter's direction can be longer than a
/// macro line; this keeps the '\' column instead of pushing it.
SmallVector<Piece> splitConditional(const Piece &P) {
  SmallVector<Piece> Parts;
  StringRef Text = P.Text;
  if (!Text.starts_with("("))
    return Parts;
  int Depth = 0;
  size_t Start = 0;
  StringRef Sep = P.Sep;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}') {
      if (--Depth == 0)
        break;
    } else if ((C == '?' || C == ':') && Depth == 1 && I + 1 < Text.size() &&
               Text[I + 1] == ' ') {
      Parts.push_back({Sep, Text.slice(Start, I + 1), Parts.empty() ? 0u : 1u});
      Sep = " ";
      Start = I + 2;
    }
  }
  if (Parts.empty())
    return Parts;
  Parts.push_back({Sep, Text.substr(Start), 1});
  return Parts;
}

/// Pieces of the replacement assigned to lines, greedily.
struct Layout {
  SmallVector<SmallVector<const Piece *>> Lines;
  unsigned Overflows = 0;
};

Layout pack(ArrayRef<Piece> Pieces, StringRef Tail, unsigned StartCol,
            unsigned ContCol, unsigned Limit, unsigned TabWidth) {
  Layout L;
  unsigned Col = StartCol;
  auto Finish = [&] {
    if (Col > Limit)
      ++L.Overflows;
  };
  for (size_t I = 0; I < Pieces.size(); ++I) {
    const Piece &P = Pieces[I];
    StringRef Extra = I + 1 == Pieces.size() ? Tail : StringRef();
    unsigned Joined =
        advance(advance(advance(Col, P.Sep, TabWidth), P.Text, TabWidth), Extra,
                TabWidth);
    if (L.Lines.empty() || Joined <= Limit) {
      if (L.Lines.empty())
        L.Lines.emplace_back();
      L.Lines.back().push_back(&P);
      Col = Joined;
      continue;
    }
    Finish();
    L.Lines.emplace_back();
    L.Lines.back().push_back(&P);
    Col =
        advance(advance(ContCol + P.Inner, P.Text, TabWidth), Extra, TabWidth);
  }
  Finish();
  return L;
}

} // namespace

unsigned displayColumn(StringRef Code, unsigned Offset, unsigned TabWidth) {
  Offset = std::min<size_t>(Offset, Code.size());
  size_t NL = Code.rfind('\n', Offset);
  size_t Start = NL == StringRef::npos ? 0 : NL + 1;
  return advance(0, Code.slice(Start, Offset), TabWidth);
}

Replacement layoutReplacement(StringRef FilePath, StringRef Code,
                              unsigned Offset, unsigned Length,
                              StringRef NewText, const LayoutStyle &Style) {
  const unsigned TW = Style.TabWidth ? Style.TabWidth : 8;
  Replacement Plain(FilePath, Offset, Length, NewText);
  if (size_t(Offset) + Length > Code.size() || NewText.contains('\n'))
    return Plain;
  Line L = lineAt(Code, Offset);
  if (Offset + Length > L.End)
    return Plain; // spans lines: not ours to lay out

  Continuation Cont = continuationOf(Code, L, TW);
  if (Cont.Present && Offset + Length > Cont.Pos)
    return Plain;
  size_t TailEnd =
      Cont.Present ? Cont.Pos - Cont.Pad.size()
                   : L.Start + Code.slice(L.Start, L.End).rtrim(" \t").size();
  StringRef Tail = Code.slice(Offset + Length, TailEnd);

  // The lines this one is spliced to, if any.
  Continuation Prev, Next;
  if (L.Start > 0)
    Prev = continuationOf(Code, lineAt(Code, L.Start - 1), TW);
  if (Cont.Present && !L.Eol.empty())
    Next = continuationOf(Code, lineAt(Code, L.End + L.Eol.size()), TW);
  // A new line break inside a directive (a #define, or any line spliced to
  // its neighbours) needs a '\' of its own.
  bool Spliced = Cont.Present || Prev.Present ||
                 Code.slice(L.Start, L.End).ltrim(" \t").starts_with("#");

  // Where the '\'s go. Aligned: at a fixed column, padded with tabs (or
  // spaces, as the neighbours do). Otherwise right after the code, with
  // the line's own separator. A '\' is aligned when padded, or when a
  // neighbour's '\' is at the same column; a line with no '\', or with
  // one pushed right by long code, follows a padded neighbour.
  auto Padded = [](const Continuation &C) {
    return C.Pad.contains('\t') || C.Pad.size() > 1;
  };
  bool Aligned = Cont.Present && Padded(Cont);
  bool PadTabs = Cont.Pad.contains('\t');
  unsigned BackslashCol = Cont.Present ? Cont.Column : 0;
  StringRef Sep = Cont.Present ? Cont.Pad : StringRef(" ");
  for (const Continuation *N : {&Prev, &Next})
    if (Cont.Present && N->Present && N->Column == Cont.Column) {
      Aligned = true;
      PadTabs |= N->Pad.contains('\t');
    }
  for (const Continuation *N : {&Prev, &Next})
    if (!Aligned && N->Present && Padded(*N) &&
        (!Cont.Present || N->Column < Cont.Column)) {
      Aligned = true;
      PadTabs = N->Pad.contains('\t');
      BackslashCol = N->Column;
    }

  unsigned Limit = Style.ColumnLimit;
  if (Spliced && Aligned)
    Limit = BackslashCol ? BackslashCol - 1 : 0;
  else if (Spliced)
    Limit -= std::min<unsigned>(Limit, advance(0, Sep, TW) + 1);

  StringRef Indent = Code.slice(L.Start, L.End);
  Indent = Indent.take_while([](char C) { return C == ' ' || C == '\t'; });
  bool IndentTabs = Indent.empty() || Indent.contains('\t');
  unsigned IndentCol = advance(0, Indent, TW);
  unsigned StartCol = displayColumn(Code, Offset, TW);

  size_t OpenParen;
  SmallVector<Piece> Pieces = splitArguments(NewText, OpenParen);
  // Kept whole when it fits: the pieces joined with their separators are
  // NewText again.
  unsigned ContCol = StartCol;
  Layout Chosen = pack(Pieces, Tail, StartCol, ContCol, UINT_MAX, TW);
  if (advance(advance(StartCol, NewText, TW), Tail, TW) > Limit &&
      Pieces.size() > 1) {
    ContCol = advance(StartCol, NewText.take_front(OpenParen + 1), TW);
    Chosen = pack(Pieces, Tail, StartCol, ContCol, Limit, TW);
    unsigned DeepCol = IndentCol + TW;
    if (Chosen.Overflows && DeepCol < ContCol) {
      Layout Deep = pack(Pieces, Tail, StartCol, DeepCol, Limit, TW);
      if (Deep.Overflows < Chosen.Overflows) {
        Chosen = std::move(Deep);
        ContCol = DeepCol;
      }
    }
    if (Chosen.Overflows) {
      // Still too long: break parenthesised conditionals too.
      SmallVector<Piece> Finer;
      for (const Piece &P : Pieces) {
        SmallVector<Piece> Parts = splitConditional(P);
        if (Parts.empty())
          Finer.push_back(P);
        else
          Finer.append(Parts.begin(), Parts.end());
      }
      if (Finer.size() > Pieces.size()) {
        Layout Split = pack(Finer, Tail, StartCol, ContCol, Limit, TW);
        if (Split.Overflows < Chosen.Overflows) {
          Pieces = std::move(Finer);
          Chosen = pack(Pieces, Tail, StartCol, ContCol, Limit, TW);
        }
      }
    }
  }

  std::string Out;
  unsigned Col = StartCol;
  // In a directive every new line ends with padding and a '\'; the last
  // line keeps the '\' (or the end) it had. Code reaching the '\' column
  // pushes it one space right: never break code to keep a column.
  auto EndLine = [&](bool Last) {
    if (Last ? !Cont.Present : !Spliced)
      return;
    if (Last) {
      Out += Tail;
      Col = advance(Col, Tail, TW);
    }
    if (!Aligned)
      Out += Sep;
    else if (Col < BackslashCol)
      Out += fill(Col, BackslashCol, PadTabs, TW);
    else
      Out += ' ';
    if (!Last)
      Out += '\\';
  };
  for (size_t I = 0; I < Chosen.Lines.size(); ++I) {
    if (I) {
      EndLine(/*Last=*/false);
      Out += L.Eol.empty() ? StringRef("\n") : L.Eol;
      unsigned LineCol = ContCol + Chosen.Lines[I].front()->Inner;
      Out += fill(0, LineCol, IndentTabs, TW);
      Col = LineCol;
    }
    for (size_t J = 0; J < Chosen.Lines[I].size(); ++J) {
      const Piece *P = Chosen.Lines[I][J];
      std::string Text = J ? (P->Sep + P->Text).str() : P->Text.str();
      Out += Text;
      Col = advance(Col, Text, TW);
    }
  }
  EndLine(/*Last=*/true);
  unsigned Replaced = Cont.Present ? unsigned(Cont.Pos - Offset) : Length;
  return Replacement(FilePath, Offset, Replaced, Out);
}

} // namespace bpftidy::rewriters
