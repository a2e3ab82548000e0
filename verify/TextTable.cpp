//===- TextTable.cpp - columns aligned for a terminal ---------------------===//

#include "verify/TextTable.h"

using namespace llvm;

namespace bpftidy::verify {

void TextTable::print(raw_ostream &OS, unsigned Indent) const {
  std::vector<size_t> Widths(Header.size(), 0);
  auto Measure = [&](const std::vector<std::string> &Cells) {
    for (size_t I = 0; I < Cells.size() && I < Widths.size(); ++I)
      Widths[I] = std::max(Widths[I], Cells[I].size());
  };
  Measure(Header);
  for (const Row &R : Rows)
    Measure(R.Cells);
  auto Format = [&](const std::vector<std::string> &Cells) {
    std::string Line(Indent, ' ');
    for (size_t I = 0; I < Cells.size() && I < Widths.size(); ++I) {
      Line += Cells[I];
      if (I + 1 < Cells.size())
        Line.append(Widths[I] - Cells[I].size() + 2, ' ');
    }
    return StringRef(Line).rtrim().str();
  };
  // Escape codes only for a person at a terminal, never into a pipe.
  bool Colors = OS.has_colors() && OS.is_displayed();
  OS << Format(Header) << '\n';
  for (const Row &R : Rows) {
    if (R.Highlight && Colors)
      OS.changeColor(raw_ostream::RED, /*Bold=*/true);
    OS << Format(R.Cells);
    if (R.Highlight && Colors)
      OS.resetColor();
    OS << '\n';
  }
}

} // namespace bpftidy::verify
