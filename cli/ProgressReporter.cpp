//===- ProgressReporter.cpp -----------------------------------------------===//

#include "cli/ProgressReporter.h"
#include "llvm/Support/FormatVariadic.h"

namespace bpftidy {

static constexpr unsigned BarWidth = 24;

ProgressReporter::ProgressReporter(size_t TotalUnits, llvm::raw_ostream &OS,
                                   bool Terminal)
    : Total(TotalUnits), OS(OS), Terminal(Terminal),
      Start(std::chrono::steady_clock::now()) {}

std::string ProgressReporter::timeLeft(size_t Done) const {
  if (Done == 0)
    return "?";
  double Elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  unsigned Seconds = unsigned(Elapsed / Done * (Total - Done) + 0.5);
  return llvm::formatv("{0}:{1:D2}", Seconds / 60, Seconds % 60).str();
}

void ProgressReporter::update(size_t Done, size_t Findings) {
  if (Total == 0)
    return;
  std::string Counts = llvm::formatv("{0}/{1} units, {2} finding{3}", Done,
                                     Total, Findings, Findings == 1 ? "" : "s")
                           .str();
  if (Terminal) {
    unsigned Filled = unsigned(BarWidth * Done / Total);
    OS << "\r[" << std::string(Filled, '#')
       << std::string(BarWidth - Filled, '.') << "] " << Counts;
    if (Done < Total)
      OS << ", " << timeLeft(Done) << " left";
    // Clear what a longer previous line left behind.
    OS << "\x1b[K";
    if (Done == Total)
      OS << "\n";
    OS.flush();
    return;
  }
  size_t Tenth = Done * 10 / Total;
  if (Tenth == LastTenth && Done != Total)
    return;
  LastTenth = Tenth;
  OS << "bpf-tidy: analysed " << Counts;
  if (Done < Total)
    OS << ", about " << timeLeft(Done) << " left";
  OS << "\n";
  OS.flush();
}

} // namespace bpftidy
