//===- TextTable.h - columns aligned for a terminal -------------*- C++ -*-===//

#ifndef BPF_TIDY_VERIFY_TEXTTABLE_H
#define BPF_TIDY_VERIFY_TEXTTABLE_H

#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace bpftidy::verify {

/// Rows of cells printed with every column padded to its widest cell. A row
/// may be marked to print in a highlight colour when the stream has colours.
class TextTable {
public:
  explicit TextTable(std::vector<std::string> Header)
      : Header(std::move(Header)) {}
  void addRow(std::vector<std::string> Cells, bool Highlight = false) {
    Rows.push_back({std::move(Cells), Highlight});
  }
  bool empty() const { return Rows.empty(); }
  void print(llvm::raw_ostream &OS, unsigned Indent = 2) const;

private:
  struct Row {
    std::vector<std::string> Cells;
    bool Highlight;
  };
  std::vector<std::string> Header;
  std::vector<Row> Rows;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_TEXTTABLE_H
