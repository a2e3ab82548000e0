//===- ProgressReporter.h - how far a long run has got ----------*- C++ -*-===//
//
// A migration over dozens of configurations runs for minutes. On a terminal
// one line redraws itself (a bar, units done, findings so far, time left);
// in a log (CI, a pipe) it prints a plain line at every tenth of the way,
// so logs stay short and readable.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_PROGRESSREPORTER_H
#define BPF_TIDY_CLI_PROGRESSREPORTER_H

#include "llvm/Support/raw_ostream.h"
#include <chrono>

namespace bpftidy {

class ProgressReporter {
public:
  /// \p Terminal: redraw one line; otherwise print plain lines.
  ProgressReporter(size_t TotalUnits, llvm::raw_ostream &OS, bool Terminal);

  /// \p Done units finished, \p Findings distinct findings so far.
  void update(size_t Done, size_t Findings);

private:
  std::string timeLeft(size_t Done) const;

  size_t Total;
  llvm::raw_ostream &OS;
  bool Terminal;
  size_t LastTenth = 0;
  std::chrono::steady_clock::time_point Start;
};

} // namespace bpftidy

#endif // BPF_TIDY_CLI_PROGRESSREPORTER_H
