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
  /// The entry program: its section name, or its function name when several
  /// programs share the section.
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
  /// The packet was built from the object's test configuration
  /// (ConfigurationPackets), not taken from the corpus.
  bool FromConfiguration = false;

  /// A negative verdict with no notification: the bug class itself.
  bool isBareDrop() const {
    return Error.empty() && Verdict < -1 && Events.empty();
  }
  /// The packet ended in a tail call to an empty slot: the program returned
  /// or notified DROP_MISSED_TAIL_CALL.
  bool endsInMissedTailCall() const {
    if (!Error.empty())
      return false;
    if (Verdict == -MissedTailCallReason)
      return true;
    for (const DropEvent &E : Events)
      if (E.Reason == MissedTailCallReason || E.Reason == -MissedTailCallReason)
        return true;
    return false;
  }

  /// Cilium's DROP_MISSED_TAIL_CALL (and the sample's), as a positive value.
  static constexpr int32_t MissedTailCallReason = 140;
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

/// An entry program whose verdicts differ between two runs of the same
/// packet from the same maps (random load balancing, time): its runs say
/// nothing about a fix, so they are left out of the comparison.
struct NonDeterministicProgram {
  std::string Configuration;
  std::string Program;
  std::string Packet;
  /// What differed between the two runs.
  std::string Difference;
};

/// A program the kernel rejected where that is no failure: in the original
/// tree, or after the fix where the original tree was rejected too.
struct RejectedProgram {
  std::string Configuration;
  std::string Section;
  std::string Function;
  /// The verifier's own words.
  std::string Reason;
};

/// Everything one tree (the original or the fixed one) produced.
/// The packets one object's test configuration added to its corpus.
struct ConfigurationPacketSource {
  std::string Configuration;
  std::string Object;
  /// The values they were built from ("endpoint IPv4 64.48.32.16
  /// (LXC_IPV4), ...").
  std::string Values;
  size_t Packets = 0;
};

struct TreeResults {
  /// "before", "after", or empty in single mode.
  std::string Label;
  unsigned ConfigurationsBuilt = 0;
  unsigned ObjectsBuilt = 0;
  unsigned ProgramsLoaded = 0;
  std::vector<ProgramCost> Costs;
  std::vector<PacketRun> Runs;
  std::vector<Failure> Failures;
  /// Found by running each packet twice (the original tree only).
  std::vector<NonDeterministicProgram> NonDeterministic;

  /// Rejected programs that are no failure (see RejectedProgram).
  std::vector<RejectedProgram> Rejected;
  /// Per object, the packets built from its test configuration.
  std::vector<ConfigurationPacketSource> ConfigurationPackets;

  bool isNonDeterministic(llvm::StringRef Configuration,
                          llvm::StringRef Program) const {
    for (const NonDeterministicProgram &P : NonDeterministic)
      if (P.Configuration == Configuration && P.Program == Program)
        return true;
    return false;
  }
  bool wasRejected(llvm::StringRef Configuration,
                   llvm::StringRef Function) const {
    for (const RejectedProgram &P : Rejected)
      if (P.Configuration == Configuration && P.Function == Function)
        return true;
    return false;
  }
  bool hasRejections(llvm::StringRef Configuration) const {
    for (const RejectedProgram &P : Rejected)
      if (P.Configuration == Configuration)
        return true;
    return false;
  }
  /// Runs of \p Program say nothing about a fix: it was rejected or is
  /// non-deterministic here.
  bool leavesOut(llvm::StringRef Configuration, llvm::StringRef Program) const {
    for (const RejectedProgram &P : Rejected)
      if (P.Configuration == Configuration &&
          (P.Section == Program || P.Function == Program))
        return true;
    return isNonDeterministic(Configuration, Program);
  }
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
