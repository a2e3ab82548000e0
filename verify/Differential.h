//===- Differential.h - the original tree against the fixed one -*- C++ -*-===//
//
// Proves each intended site by its packet (SiteProof) and checks that
// nothing else changed: every other packet through every entry program in
// every configuration gives the same verdict, output bytes and drop events
// (without their source line) before and after.
//
// One change is expected outside the sites' own probes: a corpus packet that
// reaches a fixed site by another path moves from a bare drop of reason R to
// the drop verdict with exactly one event of reason R. That is the fix seen
// from elsewhere and is counted, not failed; so is a missed tail call that
// nothing notified before and a fixed site notifies after (FixedSites.h).
// Any other change fails.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_DIFFERENTIAL_H
#define BPF_TIDY_VERIFY_DIFFERENTIAL_H

#include "verify/FixedSites.h"
#include "verify/IntendedSites.h"
#include "verify/RunResults.h"
#include "verify/SiteProof.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <set>

namespace bpftidy::verify {

/// A program's verifier cost before and after.
struct CostChange {
  std::string Configuration;
  std::string Object;
  std::string Program;
  std::string Function;
  std::optional<VerifierCost> Before, After;

  /// Growth of instructions processed, in percent; std::nullopt when either
  /// side is unknown or zero.
  std::optional<double> instructionGrowthPercent() const;
};

/// A packet outside the site probes whose bare drop became notified, or
/// whose silent missed tail call a fixed site notifies now.
struct FixedElsewhere {
  std::string Configuration;
  std::string Program;
  std::string Packet;
  int32_t Reason = 0;
  /// Nothing was notified before and the packet was no bare drop: the
  /// missed tail call a fixed site notifies after (Attribution).
  bool MissedTailCall = false;
};

struct DifferentialResult {
  /// One per site and configuration, in the sites file's order.
  std::vector<SiteCheck> SiteChecks;
  std::vector<FixedElsewhere> FixedElsewherePackets;
  std::vector<Failure> Failures;
  std::vector<CostChange> Costs;
  size_t PacketsCompared = 0;
};

/// Compares \p Before with \p After. \p FixedKinds: the site kinds the tool
/// fixes today. \p NotifiedMisses: runs whose silent missed tail call a
/// fixed site notifies after the fix (attributeFixedDrops); their change
/// is the fix's, counted, not failed.
DifferentialResult compareTrees(const TreeResults &Before,
                                const TreeResults &After,
                                llvm::ArrayRef<IntendedSite> Sites,
                                const llvm::StringSet<> &FixedKinds,
                                const std::set<RunKey> &NotifiedMisses = {});

/// What differs between two runs of the same packet, in words, or "" when
/// they agree (events compared without their source line).
std::string describeDifference(const PacketRun &Before, const PacketRun &After);

/// Configurations with a build or load failure in \p Tree.
std::set<std::string> brokenConfigurations(const TreeResults &Tree);

/// Pairs the programs' costs of both trees by configuration, object and
/// section.
std::vector<CostChange> compareCosts(llvm::ArrayRef<ProgramCost> Before,
                                     llvm::ArrayRef<ProgramCost> After);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_DIFFERENTIAL_H
