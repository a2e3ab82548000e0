//===- RunResults.h - what building, loading and running produced -*- C++ -*-//
//
// Plain data shared by the runner, the differential and the report, free of
// libbpf so that the comparison logic can be unit-tested without a kernel.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_RUNRESULTS_H
#define BPF_TIDY_VERIFY_RUNRESULTS_H

#include "verify/DropEvent.h"
#include "verify/VerifierLog.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

/// One packet through one entry program of one configuration.
struct PacketRun {
  std::string Configuration;
  /// Object file stem (one object per source of the configuration list).
  std::string Object;
  /// Section name of the entry program.
  std::string Program;
  /// The packet's recipe.
  std::string Packet;
  /// The verdict the program type uses to drop (TC_ACT_SHOT, XDP_DROP).
  std::optional<int32_t> DropVerdict;
  /// Empty when the test run worked; otherwise why it did not.
  std::string Error;
  /// The kernel refused to run this packet at all (a truncated IP header):
  /// not a failure of the datapath, and nothing to compare.
  bool Refused = false;
  /// retval as the kernel's int: a bare DROP_INVALID is -134.
  int32_t Verdict = 0;
  std::vector<uint8_t> Output;
  std::vector<DropEvent> Events;
  /// The metrics map after the run (reason 0: forwarded).
  std::vector<MetricCount> Metrics;

  /// A negative verdict with no notification: the bug class itself.
  bool isBareDrop() const {
    return Error.empty() && Verdict < -1 && Events.empty();
  }
};

/// A program's verifier cost in one configuration.
struct ProgramCost {
  std::string Configuration;
  std::string Object;
  std::string Program;
  /// The C function's name.
  std::string Function;
  bool IsTailCall = false;
  VerifierCost Cost;
};

/// Anything that makes the run fail, at the stage it happened.
struct Failure {
  /// build, load, run, site or differential.
  std::string Stage;
  std::string Configuration;
  std::string Program;
  std::string Packet;
  std::string Message;
  /// Extra lines (compiler output, verifier log tail), printed indented.
  std::string Details;
};

/// Everything one tree (the original or the fixed one) produced.
struct TreeResults {
  /// "before", "after", or empty in single mode.
  std::string Label;
  unsigned ConfigurationsBuilt = 0;
  unsigned ObjectsBuilt = 0;
  unsigned ProgramsLoaded = 0;
  std::vector<ProgramCost> Costs;
  std::vector<PacketRun> Runs;
  std::vector<Failure> Failures;

  const PacketRun *findRun(llvm::StringRef Configuration,
                           llvm::StringRef Program,
                           llvm::StringRef Packet) const {
    for (const PacketRun &R : Runs)
      if (R.Configuration == Configuration && R.Program == Program &&
          R.Packet == Packet)
        return &R;
    return nullptr;
  }
  size_t refusedRuns() const {
    size_t N = 0;
    for (const PacketRun &R : Runs)
      N += R.Refused;
    return N;
  }
  size_t notifiedDrops() const {
    size_t N = 0;
    for (const PacketRun &R : Runs)
      N += R.Events.size();
    return N;
  }
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_RUNRESULTS_H
