//===- Report.cpp - what bpf-tidy verify tells people and machines --------===//

#include "verify/Report.h"
#include "support/Counted.h"

#include "verify/TextTable.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace bpftidy::verify {

size_t VerifyReport::packetsRun() const {
  size_t N = 0;
  for (const TreeResults &T : Trees)
    N += T.Runs.size();
  return N;
}

size_t VerifyReport::failureCount() const {
  size_t N = Failures.size();
  for (const TreeResults &T : Trees)
    N += T.Failures.size();
  return N;
}

std::vector<std::pair<const IntendedSite *, SiteStatus>>
VerifyReport::siteStatuses() const {
  std::vector<std::pair<const IntendedSite *, SiteStatus>> Result;
  for (const IntendedSite &Site : Sites) {
    std::vector<SiteCheck> Checks;
    for (const SiteCheck &C : SiteChecks)
      if (C.SiteId == Site.Id)
        Checks.push_back(C);
    Result.push_back({&Site, combinedStatus(Checks)});
  }
  return Result;
}

static std::string verdictName(int32_t Verdict, std::optional<int32_t> Drop) {
  // XDP and tc number their verdicts differently; XDP_DROP is 1.
  if (Drop && *Drop == 1) {
    static const char *Xdp[] = {"ABORTED", "DROP", "PASS", "TX", "REDIRECT"};
    if (Verdict >= 0 && Verdict < 5)
      return Xdp[Verdict];
    return "";
  }
  static const char *Tc[] = {"OK",     "RECLASSIFY", "SHOT",
                             "PIPE",   "STOLEN",     "QUEUED",
                             "REPEAT", "REDIRECT",   "TRAP"};
  if (Verdict == -1)
    return "UNSPEC";
  if (Verdict >= 0 && Verdict < 9)
    return Tc[Verdict];
  return "";
}

std::string verdictText(const PacketRun &Run) {
  if (Run.Refused)
    return "REFUSED";
  if (!Run.Error.empty())
    return "ERROR";
  std::string Name = verdictName(Run.Verdict, Run.DropVerdict);
  return std::to_string(Run.Verdict) + (Name.empty() ? "" : " " + Name);
}

/// A verdict cell: "2 SHOT +1 event", "-134 BARE".
static std::string verdictCell(const PacketRun &Run) {
  std::string Text = verdictText(Run);
  if (Run.isBareDrop())
    return Text + " BARE";
  if (!Run.Events.empty())
    Text += " +" + std::to_string(Run.Events.size()) +
            (Run.Events.size() == 1 ? " event" : " events");
  return Text;
}

static std::string costText(const std::optional<VerifierCost> &C,
                            uint64_t VerifierCost::*Field) {
  if (!C || !C->Known)
    return "-";
  return std::to_string((*C).*Field);
}

static std::string growthText(const CostChange &C) {
  std::optional<double> G = C.instructionGrowthPercent();
  if (!G)
    return "-";
  std::string Text;
  raw_string_ostream OS(Text);
  OS << format("%+.1f%%", *G);
  return Text;
}

static void printFailure(raw_ostream &OS, const Failure &F,
                         StringRef Tree = "") {
  OS << "  ";
  if (!Tree.empty())
    OS << "(" << Tree << ") ";
  OS << "[" << F.Stage << "]";
  if (!F.Configuration.empty())
    OS << " config " << F.Configuration;
  if (!F.Program.empty())
    OS << ", program " << F.Program;
  if (!F.Packet.empty())
    OS << ", packet '" << F.Packet << "'";
  OS << ": " << F.Message << "\n";
  if (!F.Details.empty()) {
    SmallVector<StringRef, 32> Lines;
    StringRef(F.Details).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    for (StringRef Line : Lines)
      OS << "      " << Line << "\n";
  }
}

/// Single mode: one table per configuration, a row per packet and a column
/// per entry program.
static void printVerdictTables(raw_ostream &OS, const VerifyReport &Report,
                               const TreeResults &Tree) {
  std::map<int32_t, std::string> ReasonNames;
  for (const IntendedSite &S : Report.Sites)
    ReasonNames[S.ReasonValue] = S.Reason;
  for (const std::string &Config : Report.Configurations) {
    std::vector<std::string> Programs, Packets;
    for (const PacketRun &R : Tree.Runs) {
      if (R.Configuration != Config)
        continue;
      if (!is_contained(Programs, R.Program))
        Programs.push_back(R.Program);
      if (!is_contained(Packets, R.Packet))
        Packets.push_back(R.Packet);
    }
    if (Programs.empty())
      continue;
    OS << "\nVerdicts in configuration " << Config << ":\n";
    std::vector<std::string> Header = {"packet"};
    Header.insert(Header.end(), Programs.begin(), Programs.end());
    Header.push_back("");
    TextTable Table(Header);
    for (const std::string &Packet : Packets) {
      std::vector<std::string> Row = {Packet};
      std::set<std::string> BareReasons;
      for (const std::string &Program : Programs) {
        const PacketRun *R = Tree.findRun(Config, Program, Packet);
        Row.push_back(R ? verdictCell(*R) : "-");
        if (R && R->isBareDrop()) {
          auto Name = ReasonNames.find(R->Verdict);
          BareReasons.insert(Name == ReasonNames.end()
                                 ? std::to_string(R->Verdict)
                                 : Name->second);
        }
      }
      std::string Mark;
      for (const std::string &Reason : BareReasons)
        Mark += (Mark.empty() ? "<-- bare drop " : ", ") + Reason;
      Row.push_back(Mark);
      Table.addRow(Row, !BareReasons.empty());
    }
    Table.print(OS);
  }
}

static void printCosts(raw_ostream &OS, const VerifyReport &Report) {
  if (Report.Comparison) {
    if (Report.Comparison->Costs.empty())
      return;
    OS << "\nVerifier cost (instructions processed, total and peak states), "
          "before -> after:\n";
    TextTable Table({"config", "object", "program", "insns before",
                     "insns after", "growth", "states before", "states after",
                     "peak before", "peak after"});
    for (const CostChange &C : Report.Comparison->Costs)
      Table.addRow({C.Configuration, C.Object, C.Program,
                    costText(C.Before, &VerifierCost::InstructionsProcessed),
                    costText(C.After, &VerifierCost::InstructionsProcessed),
                    growthText(C),
                    costText(C.Before, &VerifierCost::TotalStates),
                    costText(C.After, &VerifierCost::TotalStates),
                    costText(C.Before, &VerifierCost::PeakStates),
                    costText(C.After, &VerifierCost::PeakStates)});
    Table.print(OS);
    return;
  }
  const TreeResults &Tree = Report.Trees.front();
  if (Tree.Costs.empty())
    return;
  OS << "\nVerifier cost:\n";
  TextTable Table({"config", "object", "program", "function", "kind", "insns",
                   "total states", "peak states"});
  for (const ProgramCost &P : Tree.Costs) {
    std::optional<VerifierCost> C = P.Cost;
    Table.addRow({P.Configuration, P.Object, P.Program, P.Function,
                  P.IsTailCall ? "tail call" : "entry",
                  costText(C, &VerifierCost::InstructionsProcessed),
                  costText(C, &VerifierCost::TotalStates),
                  costText(C, &VerifierCost::PeakStates)});
  }
  Table.print(OS);
}

static void printSites(raw_ostream &OS, const VerifyReport &Report) {
  if (Report.SiteChecks.empty())
    return;
  OS << "\nIntended sites:\n";
  std::vector<std::string> Header = {"site",    "kind",   "config",
                                     "program", "packet", "before"};
  if (Report.Differential)
    Header.push_back("after");
  Header.push_back("status");
  TextTable Table(Header);
  for (const SiteCheck &C : Report.SiteChecks) {
    std::vector<std::string> Row = {
        C.SiteId,  C.Kind,   C.Configuration,
        C.Program, C.Packet, C.Before ? verdictCell(*C.Before) : "-"};
    if (Report.Differential)
      Row.push_back(C.After ? verdictCell(*C.After) : "-");
    Row.push_back(siteStatusName(C.Status).str());
    Table.addRow(Row, isFailingStatus(C.Status));
  }
  Table.print(OS);
  // Failing checks are explained under "Failures"; the others once per site.
  std::set<std::string> Explained;
  for (const SiteCheck &C : Report.SiteChecks)
    if (!C.Detail.empty() && !isFailingStatus(C.Status) &&
        Explained.insert(C.SiteId).second)
      OS << "  " << C.SiteId << " (" << C.Location
         << "): " << siteStatusName(C.Status) << ": " << C.Detail << "\n";
}

/// How many packets each entry program ended in a bare drop, per tree: the
/// drop paths the corpus reaches.
static void printBareDropsPerProgram(raw_ostream &OS,
                                     const VerifyReport &Report) {
  TextTable Table({"tree", "config", "object", "program", "bare drops",
                   "of them from the configuration", "packets"});
  struct Counts {
    unsigned Bare = 0, BareFromConfiguration = 0, Runs = 0;
  };
  bool Any = false;
  for (const TreeResults &Tree : Report.Trees) {
    std::map<std::tuple<std::string, std::string, std::string>, Counts>
        PerProgram;
    std::vector<std::tuple<std::string, std::string, std::string>> Order;
    for (const PacketRun &R : Tree.Runs) {
      auto Key = std::make_tuple(R.Configuration, R.Object, R.Program);
      auto [It, New] = PerProgram.try_emplace(Key);
      if (New)
        Order.push_back(Key);
      It->second.Bare += R.isBareDrop();
      It->second.BareFromConfiguration += R.isBareDrop() && R.FromConfiguration;
      ++It->second.Runs;
    }
    for (const auto &Key : Order) {
      const Counts &C = PerProgram[Key];
      Table.addRow({Tree.Label.empty() ? "-" : Tree.Label, std::get<0>(Key),
                    std::get<1>(Key), std::get<2>(Key), std::to_string(C.Bare),
                    std::to_string(C.BareFromConfiguration),
                    std::to_string(C.Runs)});
      Any = true;
    }
  }
  if (!Any)
    return;
  OS << "\nPackets that reached a bare drop, per entry program:\n";
  Table.print(OS);
}

/// The values each object's test configuration gave its packets, once per
/// distinct set of values.
static void printConfigurationPackets(raw_ostream &OS,
                                      const VerifyReport &Report) {
  std::vector<std::pair<std::string, std::vector<std::string>>> Groups;
  for (const TreeResults &Tree : Report.Trees)
    for (const ConfigurationPacketSource &S : Tree.ConfigurationPackets) {
      std::string Key = std::to_string(S.Packets) + " packets from " + S.Values;
      auto It = find_if(Groups, [&](const auto &G) { return G.first == Key; });
      if (It == Groups.end())
        It = Groups.insert(Groups.end(), {Key, {}});
      std::string Where = S.Configuration + "/" + S.Object;
      if (!is_contained(It->second, Where))
        It->second.push_back(Where);
    }
  if (Groups.empty())
    return;
  OS << "\nPackets from the test configuration, added to the corpus:\n";
  for (const auto &[What, Where] : Groups)
    OS << "  " << What << ": " << join(Where, ", ") << "\n";
}

void printReport(raw_ostream &OS, const VerifyReport &Report, bool Verbose) {
  for (const TreeResults &Tree : Report.Trees) {
    std::string Label = Tree.Label.empty() ? "" : " (" + Tree.Label + ")";
    OS << "Built " << Tree.ConfigurationsBuilt << " of "
       << counted(Report.Configurations.size(), "configuration") << Label
       << ", " << counted(Tree.ObjectsBuilt, "object") << "; loaded "
       << counted(Tree.ProgramsLoaded, "program") << "; ran "
       << counted(Tree.Runs.size(), "packet") << " (" << Report.CorpusSize
       << " in the corpus)\n";
  }
  if (!Report.Skipped.empty())
    OS << "Skipped: " << Report.Skipped << "\n";
  for (const TreeResults &Tree : Report.Trees)
    if (size_t Refused = Tree.refusedRuns())
      OS << "The kernel refused " << counted(Refused, "packet run")
         << (Tree.Label.empty() ? "" : " (" + Tree.Label + ")")
         << ": tc test runs need the whole IP header (shown as REFUSED; not "
            "failures, not compared)\n";

  if (!Report.Differential && !Report.Trees.empty())
    printVerdictTables(OS, Report, Report.Trees.front());
  printConfigurationPackets(OS, Report);
  printBareDropsPerProgram(OS, Report);
  for (const TreeResults &Tree : Report.Trees)
    for (const RejectedProgram &P : Tree.Rejected)
      OS << "Rejected by the kernel"
         << (Tree.Label.empty() ? "" : " (" + Tree.Label + ")")
         << ", left out of the comparison: config " << P.Configuration
         << ", program " << P.Function << " (section " << P.Section
         << "): " << P.Reason << "\n";
  for (const TreeResults &Tree : Report.Trees)
    for (const NonDeterministicProgram &P : Tree.NonDeterministic)
      OS << "Non-deterministic (left out of the comparison): config "
         << P.Configuration << ", program " << P.Program << ": packet '"
         << P.Packet << "' ran twice from the same maps: " << P.Difference
         << "\n";
  printCosts(OS, Report);
  printSites(OS, Report);

  if (Report.Comparison && !Report.Comparison->FixedElsewherePackets.empty()) {
    const std::vector<FixedElsewhere> &All =
        Report.Comparison->FixedElsewherePackets;
    size_t Misses =
        count_if(All, [](const FixedElsewhere &F) { return F.MissedTailCall; });
    if (All.size() > Misses)
      OS << "\n"
         << counted(All.size() - Misses, "other packet run")
         << " went from a bare drop to the same drop, "
            "notified (the fix, reached by another packet)\n";
    if (Misses)
      OS << "\n"
         << counted(Misses, "other packet run")
         << " went from a missed tail call nothing notified to a notified "
            "one (the fix, at a fixed site)\n";
    if (Verbose)
      for (const FixedElsewhere &F : All)
        OS << "  config " << F.Configuration << ", program " << F.Program
           << ", packet '" << F.Packet << "': reason " << F.Reason
           << (F.MissedTailCall ? " (missed tail call)" : "") << "\n";
  }

  if (!Report.FixedSiteChecks.empty()) {
    OS << "\nFixed sites (drops notified after the fix, attributed by file "
          "and line):\n";
    TextTable Table(
        {"site", "reason", "direction", "config", "packets", "status"});
    for (const FixedSiteCheck &C : Report.FixedSiteChecks)
      Table.addRow({C.Site->Id,
                    !C.Site->Reason.empty() ? C.Site->Reason
                    : C.Site->ReasonValue ? std::to_string(*C.Site->ReasonValue)
                                          : std::string("(as before)"),
                    !C.Site->Direction.empty() ? C.Site->Direction
                    : C.Site->DirectionValue
                        ? std::to_string(*C.Site->DirectionValue)
                        : std::string("(any)"),
                    C.Configuration, std::to_string(C.Packets.size()),
                    fixedSiteStatusName(C.Status).str()},
                   C.Status == FixedSiteStatus::Failed);
    Table.print(OS);
    if (Verbose)
      for (const FixedSiteCheck &C : Report.FixedSiteChecks)
        for (const std::string &P : C.Packets)
          OS << "  " << C.Site->Id << " (" << C.Configuration << ") reached by "
             << P << "\n";
  }

  if (Report.failureCount()) {
    OS << "\nFailures:\n";
    for (const TreeResults &Tree : Report.Trees)
      for (const Failure &F : Tree.Failures)
        printFailure(OS, F, Tree.Label);
    for (const Failure &F : Report.Failures)
      printFailure(OS, F);
  }

  // The summary line.
  OS << "\nSummary: ";
  if (!Report.Sites.empty()) {
    std::map<SiteStatus, unsigned> Counts;
    for (auto &[Site, Status] : Report.siteStatuses())
      ++Counts[Status];
    if (Report.Differential)
      OS << "sites proven " << Counts[SiteStatus::Proven] << " / not fixed yet "
         << Counts[SiteStatus::NotFixedYet] << " / unverified "
         << Counts[SiteStatus::Unverified] << " / failed "
         << Counts[SiteStatus::Failed] << "; ";
    else
      OS << "sites reached " << Counts[SiteStatus::Reached] << " / unverified "
         << Counts[SiteStatus::Unverified] << "; ";
  }
  if (!Report.FixedSiteChecks.empty()) {
    std::map<FixedSiteStatus, unsigned> Counts;
    for (const FixedSiteCheck &C : Report.FixedSiteChecks)
      ++Counts[C.Status];
    OS << "fixed sites proven " << Counts[FixedSiteStatus::Proven]
       << " / not reached " << Counts[FixedSiteStatus::NotReached]
       << " / failed " << Counts[FixedSiteStatus::Failed] << "; ";
  }
  auto PerTree = [&](auto Get) {
    std::string Text;
    for (const TreeResults &T : Report.Trees)
      Text += (Text.empty() ? "" : ", ") + std::to_string(Get(T)) +
              (T.Label.empty() ? "" : " " + T.Label);
    return Text;
  };
  OS << "configurations built "
     << PerTree([](const TreeResults &T) { return T.ConfigurationsBuilt; })
     << "; programs loaded "
     << PerTree([](const TreeResults &T) { return T.ProgramsLoaded; })
     << "; packets run " << Report.packetsRun() << "; drops notified "
     << PerTree([](const TreeResults &T) { return T.notifiedDrops(); });
  if (!Report.Differential && !Report.Trees.empty())
    OS << "; bare drops "
       << count_if(Report.Trees.front().Runs,
                   [](const PacketRun &R) { return R.isBareDrop(); });
  OS << "; failures " << Report.failureCount() << "\n";
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

static json::Value costToJson(const std::optional<VerifierCost> &C) {
  if (!C || !C->Known)
    return nullptr;
  return json::Object{
      {"insns", int64_t(C->InstructionsProcessed)},
      {"total_states", int64_t(C->TotalStates)},
      {"peak_states", int64_t(C->PeakStates)},
      {"max_states_per_insn", int64_t(C->MaxStatesPerInstruction)},
      {"verification_time_usec", int64_t(C->VerificationTimeUsec)}};
}

static json::Value eventToJson(const DropEvent &E) {
  return json::Object{{"reason", E.Reason},
                      {"source_line", int64_t(E.SourceLine)},
                      {"source_file", int64_t(E.SourceFile)},
                      {"src_identity", int64_t(E.SourceIdentity)},
                      {"direction", int64_t(E.Direction)},
                      {"exit_code", int64_t(E.ExitCode)}};
}

static json::Value runToJson(const PacketRun &R, bool Full) {
  json::Object O{{"verdict", R.Verdict},
                 {"events", int64_t(R.Events.size())},
                 {"bare_drop", R.isBareDrop()}};
  if (!R.Error.empty())
    O["error"] = R.Error;
  if (R.Refused)
    O["refused"] = true;
  if (R.FromConfiguration)
    O["from_configuration"] = true;
  if (Full) {
    O["configuration"] = R.Configuration;
    O["object"] = R.Object;
    O["program"] = R.Program;
    O["packet"] = R.Packet;
    O["output_bytes"] = int64_t(R.Output.size());
  }
  if (!R.Events.empty()) {
    json::Array Events;
    for (const DropEvent &E : R.Events)
      Events.push_back(eventToJson(E));
    O["drop_events"] = std::move(Events);
  }
  if (!R.Metrics.empty()) {
    json::Array Metrics;
    for (const MetricCount &M : R.Metrics)
      Metrics.push_back(json::Object{{"reason", int64_t(M.Reason)},
                                     {"direction", int64_t(M.Direction)},
                                     {"count", int64_t(M.Count)}});
    O["metrics"] = std::move(Metrics);
  }
  return O;
}

static json::Value failureToJson(const Failure &F, StringRef Tree) {
  json::Object O{{"stage", F.Stage}, {"message", F.Message}};
  if (!Tree.empty())
    O["tree"] = Tree;
  if (!F.Configuration.empty())
    O["configuration"] = F.Configuration;
  if (!F.Program.empty())
    O["program"] = F.Program;
  if (!F.Packet.empty())
    O["packet"] = F.Packet;
  if (!F.Details.empty())
    O["details"] = F.Details;
  return O;
}

json::Value reportToJson(const VerifyReport &Report) {
  json::Array Trees;
  for (const TreeResults &T : Report.Trees) {
    json::Array Programs, Runs, NonDeterministic, Rejected;
    for (const RejectedProgram &P : T.Rejected)
      Rejected.push_back(json::Object{{"configuration", P.Configuration},
                                      {"section", P.Section},
                                      {"function", P.Function},
                                      {"reason", P.Reason}});
    for (const NonDeterministicProgram &P : T.NonDeterministic)
      NonDeterministic.push_back(
          json::Object{{"configuration", P.Configuration},
                       {"program", P.Program},
                       {"packet", P.Packet},
                       {"difference", P.Difference}});
    for (const ProgramCost &P : T.Costs)
      Programs.push_back(json::Object{{"configuration", P.Configuration},
                                      {"object", P.Object},
                                      {"program", P.Program},
                                      {"function", P.Function},
                                      {"tail_call", P.IsTailCall},
                                      {"cost", costToJson(P.Cost)}});
    for (const PacketRun &R : T.Runs)
      Runs.push_back(runToJson(R, /*Full=*/true));
    json::Array FromConfiguration;
    for (const ConfigurationPacketSource &S : T.ConfigurationPackets)
      FromConfiguration.push_back(
          json::Object{{"configuration", S.Configuration},
                       {"object", S.Object},
                       {"values", S.Values},
                       {"packets", int64_t(S.Packets)}});
    Trees.push_back(json::Object{
        {"label", T.Label},
        {"configurations_built", int64_t(T.ConfigurationsBuilt)},
        {"objects_built", int64_t(T.ObjectsBuilt)},
        {"programs_loaded", int64_t(T.ProgramsLoaded)},
        {"packets_run", int64_t(T.Runs.size())},
        {"drops_notified", int64_t(T.notifiedDrops())},
        {"packets_refused", int64_t(T.refusedRuns())},
        {"bare_drops",
         int64_t(count_if(T.Runs,
                          [](const PacketRun &R) { return R.isBareDrop(); }))},
        {"programs", std::move(Programs)},
        {"non_deterministic", std::move(NonDeterministic)},
        {"rejected", std::move(Rejected)},
        {"configuration_packets", std::move(FromConfiguration)},
        {"runs", std::move(Runs)}});
  }

  json::Array Sites;
  std::map<SiteStatus, int64_t> Counts;
  for (auto &[Site, Status] : Report.siteStatuses()) {
    ++Counts[Status];
    json::Array PerConfig;
    for (const SiteCheck &C : Report.SiteChecks) {
      if (C.SiteId != Site->Id)
        continue;
      json::Object O{{"configuration", C.Configuration},
                     {"status", siteStatusName(C.Status)}};
      if (!C.Detail.empty())
        O["detail"] = C.Detail;
      if (C.Before)
        O["before"] = runToJson(*C.Before, /*Full=*/false);
      if (C.After)
        O["after"] = runToJson(*C.After, /*Full=*/false);
      PerConfig.push_back(std::move(O));
    }
    Sites.push_back(json::Object{{"id", Site->Id},
                                 {"location", Site->location()},
                                 {"kind", Site->Kind},
                                 {"reason", Site->Reason},
                                 {"reason_value", Site->ReasonValue},
                                 {"direction", Site->Direction},
                                 {"program", Site->Program},
                                 {"packet", Site->Packet},
                                 {"status", siteStatusName(Status)},
                                 {"configurations", std::move(PerConfig)}});
  }

  json::Array Failures;
  for (const TreeResults &T : Report.Trees)
    for (const Failure &F : T.Failures)
      Failures.push_back(failureToJson(F, T.Label));
  for (const Failure &F : Report.Failures)
    Failures.push_back(failureToJson(F, ""));

  json::Object Summary{{"sites", int64_t(Report.Sites.size())},
                       {"sites_proven", Counts[SiteStatus::Proven]},
                       {"sites_not_fixed_yet", Counts[SiteStatus::NotFixedYet]},
                       {"sites_unverified", Counts[SiteStatus::Unverified]},
                       {"sites_failed", Counts[SiteStatus::Failed]},
                       {"sites_reached", Counts[SiteStatus::Reached]},
                       {"packets_run", int64_t(Report.packetsRun())},
                       {"failures", int64_t(Report.failureCount())}};
  for (const TreeResults &T : Report.Trees) {
    std::string Suffix = T.Label.empty() ? "" : "_" + T.Label;
    Summary["configurations_built" + Suffix] = int64_t(T.ConfigurationsBuilt);
    Summary["programs_loaded" + Suffix] = int64_t(T.ProgramsLoaded);
    Summary["drops_notified" + Suffix] = int64_t(T.notifiedDrops());
  }

  json::Object Root{{"version", 1},
                    {"mode", Report.Differential ? "differential" : "single"},
                    {"exit_code", Report.ExitCode},
                    {"configurations", json::Array(Report.Configurations)},
                    {"corpus_packets", int64_t(Report.CorpusSize)},
                    {"trees", std::move(Trees)},
                    {"sites", std::move(Sites)},
                    {"failures", std::move(Failures)},
                    {"summary", std::move(Summary)}};
  if (!Report.Skipped.empty())
    Root["skipped"] = Report.Skipped;
  if (!Report.FixedSiteChecks.empty()) {
    json::Array Fixed;
    for (const FixedSiteCheck &C : Report.FixedSiteChecks) {
      json::Array Packets;
      for (const std::string &P : C.Packets)
        Packets.push_back(P);
      Fixed.push_back(
          json::Object{{"id", C.Site->Id},
                       {"file", C.Site->File},
                       {"line", int64_t(C.Site->Line)},
                       {"reason_value", C.Site->ReasonValue
                                            ? json::Value(*C.Site->ReasonValue)
                                            : json::Value(nullptr)},
                       {"direction_value",
                        C.Site->DirectionValue
                            ? json::Value(int64_t(*C.Site->DirectionValue))
                            : json::Value(nullptr)},
                       {"configuration", C.Configuration},
                       {"status", fixedSiteStatusName(C.Status)},
                       {"packets", std::move(Packets)}});
    }
    Root["fixed_sites"] = std::move(Fixed);
  }
  if (Report.Comparison) {
    json::Array Costs, Elsewhere;
    for (const CostChange &C : Report.Comparison->Costs) {
      json::Object O{{"configuration", C.Configuration},
                     {"object", C.Object},
                     {"program", C.Program},
                     {"function", C.Function},
                     {"before", costToJson(C.Before)},
                     {"after", costToJson(C.After)}};
      if (std::optional<double> G = C.instructionGrowthPercent())
        O["insns_growth_percent"] = *G;
      Costs.push_back(std::move(O));
    }
    for (const FixedElsewhere &F : Report.Comparison->FixedElsewherePackets) {
      json::Object O{{"configuration", F.Configuration},
                     {"program", F.Program},
                     {"packet", F.Packet},
                     {"reason", F.Reason}};
      if (F.MissedTailCall)
        O["missed_tail_call"] = true;
      Elsewhere.push_back(std::move(O));
    }
    Root["costs"] = std::move(Costs);
    Root["fixed_elsewhere"] = std::move(Elsewhere);
    Root["packets_compared"] = int64_t(Report.Comparison->PacketsCompared);
  }
  return Root;
}

} // namespace bpftidy::verify
