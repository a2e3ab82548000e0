//===- Counted.h - a count and its noun, in agreement -----------*- C++ -*-===//
//
// Every count the tool prints goes with a noun that agrees with it:
// "1 finding", "2 findings", "1 baseline entry".
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_SUPPORT_COUNTED_H
#define BPF_TIDY_SUPPORT_COUNTED_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace bpftidy {

/// "N noun": \p One for a count of 1, else \p Many (default: \p One + "s").
inline std::string counted(size_t N, llvm::StringRef One,
                           llvm::StringRef Many = "") {
  std::string Text = std::to_string(N) + " ";
  if (N == 1)
    return Text + One.str();
  return Text + (Many.empty() ? One.str() + "s" : Many.str());
}

} // namespace bpftidy

#endif // BPF_TIDY_SUPPORT_COUNTED_H
