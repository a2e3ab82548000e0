//===- Differential.cpp - the original tree against the fixed one ---------===//

#include "verify/Differential.h"

#include "verify/PacketCorpus.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace bpftidy::verify {

std::optional<double> CostChange::instructionGrowthPercent() const {
  if (!Before || !After || !Before->Known || !After->Known ||
      Before->InstructionsProcessed == 0)
    return std::nullopt;
  return 100.0 *
         (double(After->InstructionsProcessed) -
          double(Before->InstructionsProcessed)) /
         double(Before->InstructionsProcessed);
}

static std::string describeEvents(const std::vector<DropEvent> &Events) {
  if (Events.empty())
    return "none";
  std::string Text;
  for (const DropEvent &E : Events)
    Text += (Text.empty() ? "" : "; ") + E.describe();
  return Text;
}

std::string describeDifference(const PacketRun &Before,
                               const PacketRun &After) {
  SmallVector<std::string, 4> Parts;
  if (Before.Error != After.Error) {
    Parts.push_back("test run: '" +
                    (Before.Error.empty() ? "ok" : Before.Error) + "' -> '" +
                    (After.Error.empty() ? "ok" : After.Error) + "'");
    return join(Parts, "; ");
  }
  if (Before.Verdict != After.Verdict)
    Parts.push_back("verdict " + std::to_string(Before.Verdict) + " -> " +
                    std::to_string(After.Verdict));
  if (Before.Output != After.Output) {
    size_t At = 0;
    while (At < Before.Output.size() && At < After.Output.size() &&
           Before.Output[At] == After.Output[At])
      ++At;
    Parts.push_back(
        "output bytes differ (" + std::to_string(Before.Output.size()) +
        " -> " + std::to_string(After.Output.size()) +
        " bytes, first difference at byte " + std::to_string(At) + ")");
  }
  bool SameEvents = Before.Events.size() == After.Events.size();
  for (size_t I = 0; SameEvents && I < Before.Events.size(); ++I)
    SameEvents = Before.Events[I].sameApartFromSourceLine(After.Events[I]);
  if (!SameEvents)
    Parts.push_back("events [" + describeEvents(Before.Events) + "] -> [" +
                    describeEvents(After.Events) + "]");
  return join(Parts, "; ");
}

/// The fix seen from another packet: a bare drop of reason R became the
/// drop verdict with exactly one event of reason R.
static bool isNotifiedVersionOf(const PacketRun &Before,
                                const PacketRun &After) {
  return Before.isBareDrop() && After.Error.empty() && After.DropVerdict &&
         After.Verdict == *After.DropVerdict && After.Events.size() == 1 &&
         After.Events[0].Reason == Before.Verdict;
}

std::vector<CostChange> compareCosts(ArrayRef<ProgramCost> Before,
                                     ArrayRef<ProgramCost> After) {
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, CostChange> Changes;
  std::vector<Key> Order;
  auto Entry = [&](const ProgramCost &P) -> CostChange & {
    Key K{P.Configuration, P.Object, P.Program};
    auto [It, New] = Changes.try_emplace(K);
    if (New) {
      Order.push_back(K);
      It->second.Configuration = P.Configuration;
      It->second.Object = P.Object;
      It->second.Program = P.Program;
      It->second.Function = P.Function;
    }
    return It->second;
  };
  for (const ProgramCost &P : Before)
    Entry(P).Before = P.Cost;
  for (const ProgramCost &P : After)
    Entry(P).After = P.Cost;
  std::vector<CostChange> Result;
  for (const Key &K : Order)
    Result.push_back(Changes[K]);
  return Result;
}

std::set<std::string> brokenConfigurations(const TreeResults &Tree) {
  std::set<std::string> Broken;
  for (const Failure &F : Tree.Failures)
    if (F.Stage == "build" || F.Stage == "load")
      Broken.insert(F.Configuration);
  return Broken;
}

DifferentialResult compareTrees(const TreeResults &Before,
                                const TreeResults &After,
                                ArrayRef<IntendedSite> Sites,
                                const StringSet<> &FixedKinds,
                                const std::set<RunKey> &NotifiedMisses) {
  DifferentialResult Result;
  // A configuration that did not build or load on one side has nothing to
  // compare; its build or load failure already fails the run.
  std::set<std::string> Broken = brokenConfigurations(Before);
  for (const std::string &Config : brokenConfigurations(After))
    Broken.insert(Config);
  for (const std::string &Config : Broken)
    Result.Failures.push_back(
        {"differential", Config, "", "",
         "not compared: the configuration failed to build or load", ""});

  using ProbeKey = std::tuple<std::string, std::string, std::string>;
  std::set<ProbeKey> Probes;
  for (const IntendedSite &Site : Sites) {
    for (const std::string &Config : Site.Configurations) {
      Probes.insert({Config, Site.Program, sitePacketName(Site)});
      if (Broken.count(Config)) {
        SiteCheck C = checkSiteReached(Site, Config, Before);
        C.Status = SiteStatus::Unverified;
        C.Detail = "the configuration failed to build or load";
        Result.SiteChecks.push_back(C);
        continue;
      }
      Result.SiteChecks.push_back(proveSite(Site, Config, Before, After,
                                            FixedKinds.contains(Site.Kind)));
    }
  }

  std::set<ProbeKey> SeenAfter;
  for (const PacketRun &B : Before.Runs) {
    if (Broken.count(B.Configuration))
      continue;
    if (Before.leavesOut(B.Configuration, B.Program)) {
      SeenAfter.insert({B.Configuration, B.Program, B.Packet});
      continue;
    }
    ProbeKey K{B.Configuration, B.Program, B.Packet};
    const PacketRun *A = After.findRun(B.Configuration, B.Program, B.Packet);
    if (A)
      SeenAfter.insert(K);
    if (Probes.count(K))
      continue;
    ++Result.PacketsCompared;
    Failure F{"differential", B.Configuration, B.Program, B.Packet, "", ""};
    if (!A) {
      F.Message = "run before but not after (program missing after?)";
      Result.Failures.push_back(F);
      continue;
    }
    std::string Difference = describeDifference(B, *A);
    if (Difference.empty())
      continue;
    if (isNotifiedVersionOf(B, *A)) {
      Result.FixedElsewherePackets.push_back(
          {B.Configuration, B.Program, B.Packet, B.Verdict});
      continue;
    }
    if (NotifiedMisses.count(K)) {
      Result.FixedElsewherePackets.push_back(
          {B.Configuration, B.Program, B.Packet,
           -PacketRun::MissedTailCallReason, /*MissedTailCall=*/true});
      continue;
    }
    F.Message = Difference;
    Result.Failures.push_back(F);
  }
  for (const PacketRun &A : After.Runs)
    if (!Broken.count(A.Configuration) &&
        !Before.leavesOut(A.Configuration, A.Program) &&
        !SeenAfter.count({A.Configuration, A.Program, A.Packet}))
      Result.Failures.push_back(
          {"differential", A.Configuration, A.Program, A.Packet,
           "run after but not before (new program?)", ""});
  Result.Costs = compareCosts(Before.Costs, After.Costs);
  return Result;
}

} // namespace bpftidy::verify
