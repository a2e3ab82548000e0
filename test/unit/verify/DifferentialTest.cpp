//===- DifferentialTest.cpp - site proofs and the before/after comparison -===//

#include "verify/Differential.h"

#include "verify/SiteProof.h"
#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

constexpr int32_t DropInvalid = -134;
constexpr int32_t TcShot = 2;

DropEvent event(int32_t Reason, uint8_t Direction, uint32_t Line = 100) {
  DropEvent E;
  E.Reason = Reason;
  E.Direction = Direction;
  E.SourceLine = Line;
  E.SourceFile = 1;
  E.ExitCode = TcShot;
  return E;
}

PacketRun run(StringRef Config, StringRef Packet, int32_t Verdict,
              std::vector<DropEvent> Events = {},
              StringRef Program = "from-container") {
  PacketRun R;
  R.Configuration = Config.str();
  R.Object = "bpf_lxc";
  R.Program = Program.str();
  R.Packet = Packet.str();
  R.DropVerdict = TcShot;
  R.Verdict = Verdict;
  R.Output = {1, 2, 3};
  R.Events = std::move(Events);
  return R;
}

IntendedSite site(StringRef Kind = "literal") {
  IntendedSite S;
  S.Id = "ct4-revalidate";
  S.File = "bpf_lxc.c";
  S.Line = 120;
  S.Column = 10;
  S.Kind = Kind.str();
  S.Configurations = {"v4"};
  S.Reason = "DROP_INVALID";
  S.ReasonValue = DropInvalid;
  S.Direction = "METRIC_EGRESS";
  S.DirectionValue = 2;
  S.Program = "from-container";
  S.Packet = "ipv4  tcp tot_len=100"; // normalized when looked up
  return S;
}

TreeResults tree(StringRef Label, std::vector<PacketRun> Runs) {
  TreeResults T;
  T.Label = Label.str();
  T.Runs = std::move(Runs);
  return T;
}

StringSet<> allKinds() {
  StringSet<> Kinds;
  for (StringRef K : knownSiteKinds())
    Kinds.insert(K);
  return Kinds;
}

const char *SitePacket = "ipv4 tcp tot_len=100";

TEST(SiteProofTest, ProvenWhenBareBeforeAndNotifiedAfter) {
  TreeResults Before = tree("before", {run("v4", SitePacket, DropInvalid)});
  TreeResults After =
      tree("after", {run("v4", SitePacket, TcShot, {event(DropInvalid, 2)})});
  SiteCheck C = proveSite(site(), "v4", Before, After, true);
  EXPECT_EQ(C.Status, SiteStatus::Proven) << C.Detail;
  EXPECT_EQ(C.Location, "bpf_lxc.c:120:10");
  EXPECT_EQ(C.Packet, SitePacket);
  ASSERT_TRUE(C.Before && C.After);
  EXPECT_EQ(C.Before->Verdict, DropInvalid);
}

TEST(SiteProofTest, XdpDropVerdict) {
  PacketRun B = run("v4", SitePacket, DropInvalid);
  PacketRun A = run("v4", SitePacket, /*XDP_DROP*/ 1, {event(DropInvalid, 2)});
  B.DropVerdict = A.DropVerdict = 1;
  SiteCheck C =
      proveSite(site(), "v4", tree("before", {B}), tree("after", {A}), true);
  EXPECT_EQ(C.Status, SiteStatus::Proven) << C.Detail;
}

TEST(SiteProofTest, UnverifiedWhenThePacketMissesTheSite) {
  TreeResults Before = tree("before", {run("v4", SitePacket, 0)});
  TreeResults After = tree("after", {run("v4", SitePacket, 0)});
  SiteCheck C = proveSite(site(), "v4", Before, After, true);
  EXPECT_EQ(C.Status, SiteStatus::Unverified);
  EXPECT_EQ(C.Detail, "before: the packet did not reach the site: verdict 0, "
                      "no event; expected verdict -134 (DROP_INVALID) and no "
                      "event");
  // A notified drop before is not the bare drop either.
  TreeResults Notified = tree(
      "before", {run("v4", SitePacket, DropInvalid, {event(DropInvalid, 2)})});
  EXPECT_EQ(proveSite(site(), "v4", Notified, After, true).Status,
            SiteStatus::Unverified);
  // Nor is a program that was never run.
  EXPECT_EQ(proveSite(site(), "v6", Before, After, true).Status,
            SiteStatus::Unverified);
}

TEST(SiteProofTest, NotFixedYetOnlyForKindsTheToolDoesNotFix) {
  TreeResults Before = tree("before", {run("v4", SitePacket, DropInvalid)});
  TreeResults After = tree("after", {run("v4", SitePacket, DropInvalid)});
  SiteCheck NotFixed =
      proveSite(site("propagated"), "v4", Before, After, false);
  EXPECT_EQ(NotFixed.Status, SiteStatus::NotFixedYet);
  EXPECT_FALSE(isFailingStatus(NotFixed.Status));
  SiteCheck Missed = proveSite(site("literal"), "v4", Before, After, true);
  EXPECT_EQ(Missed.Status, SiteStatus::Failed);
  EXPECT_TRUE(isFailingStatus(Missed.Status));
}

/// A stale `ret` after a tail call: reached with slot 2/13 emptied, where
/// the packet passes (CTX_ACT_OK) before the fix.
IntendedSite staleRetSite() {
  IntendedSite S = site("missed-tail-call");
  S.Reason = "DROP_MISSED_TAIL_CALL";
  S.ReasonValue = -140;
  S.EmptySlot = bpftidy::tailcalls::parseTailCallSection("2/13");
  S.VerdictBefore = 0;
  return S;
}

TEST(SiteProofTest, EmptySlotSitesAreJudgedOnTheirEmptiedRun) {
  IntendedSite S = staleRetSite();
  std::string Emptied = "ipv4 tcp tot_len=100 [slot 2/13 empty]";
  EXPECT_EQ(sitePacketName(S), Emptied);
  // The wired run of the same packet passes too, but is not the site's.
  TreeResults Before = tree("before", {run("v4", SitePacket, 0)});
  TreeResults After = tree("after", {run("v4", SitePacket, 0)});
  SiteCheck NoRun = proveSite(S, "v4", Before, After, true);
  EXPECT_EQ(NoRun.Status, SiteStatus::Unverified);
  EXPECT_EQ(NoRun.Packet, Emptied);

  Before.Runs.push_back(run("v4", Emptied, 0));
  After.Runs.push_back(run("v4", Emptied, TcShot, {event(-140, 2)}));
  SiteCheck C = proveSite(S, "v4", Before, After, true);
  EXPECT_EQ(C.Status, SiteStatus::Proven) << C.Detail;
  ASSERT_TRUE(C.Before);
  EXPECT_EQ(C.Before->Packet, Emptied);
}

TEST(SiteProofTest, VerdictBeforeIsWhatReachedMeans) {
  IntendedSite S = staleRetSite();
  std::string Emptied = sitePacketName(S);
  // A bare -140 is not what this site gives before its fix: CTX_ACT_OK is.
  SiteCheck Bare =
      checkSiteReached(S, "v4", tree("before", {run("v4", Emptied, -140)}));
  EXPECT_EQ(Bare.Status, SiteStatus::Unverified);
  EXPECT_EQ(Bare.Detail, "the packet did not reach the site: verdict -140, "
                         "no event; expected verdict 0 (verdict_before) and "
                         "no event");
  EXPECT_EQ(
      checkSiteReached(S, "v4", tree("before", {run("v4", Emptied, 0)})).Status,
      SiteStatus::Reached);
  // Not fixed by the tool: the verdict is still CTX_ACT_OK after.
  TreeResults Before = tree("before", {run("v4", Emptied, 0)});
  TreeResults After = tree("after", {run("v4", Emptied, 0)});
  EXPECT_EQ(proveSite(S, "v4", Before, After, false).Status,
            SiteStatus::NotFixedYet);
  EXPECT_EQ(proveSite(S, "v4", Before, After, true).Status, SiteStatus::Failed);
}

TEST(DifferentialTest, EmptiedRunsAreProbesNotComparedPackets) {
  IntendedSite S = staleRetSite();
  std::string Emptied = sitePacketName(S);
  TreeResults Before =
      tree("before", {run("v4", SitePacket, 0), run("v4", Emptied, 0)});
  TreeResults After =
      tree("after", {run("v4", SitePacket, 0),
                     run("v4", Emptied, TcShot, {event(-140, 2)})});
  DifferentialResult R = compareTrees(Before, After, {S}, allKinds());
  EXPECT_TRUE(R.Failures.empty());
  EXPECT_EQ(R.PacketsCompared, 1u);
  ASSERT_EQ(R.SiteChecks.size(), 1u);
  EXPECT_EQ(R.SiteChecks[0].Status, SiteStatus::Proven);
}

TEST(SiteProofTest, WrongNotificationFails) {
  TreeResults Before = tree("before", {run("v4", SitePacket, DropInvalid)});
  // A conntrack direction (CT_INGRESS = 1) where a metric one belongs.
  SiteCheck WrongDirection = proveSite(
      site(), "v4", Before,
      tree("after", {run("v4", SitePacket, TcShot, {event(DropInvalid, 1)})}),
      true);
  EXPECT_EQ(WrongDirection.Status, SiteStatus::Failed);
  EXPECT_NE(WrongDirection.Detail.find("direction 2 (METRIC_EGRESS)"),
            std::string::npos)
      << WrongDirection.Detail;
  SiteCheck TwoEvents = proveSite(
      site(), "v4", Before,
      tree("after", {run("v4", SitePacket, TcShot,
                         {event(DropInvalid, 2), event(DropInvalid, 2)})}),
      true);
  EXPECT_EQ(TwoEvents.Status, SiteStatus::Failed);
  SiteCheck WrongVerdict = proveSite(
      site(), "v4", Before,
      tree("after", {run("v4", SitePacket, 0, {event(DropInvalid, 2)})}), true);
  EXPECT_EQ(WrongVerdict.Status, SiteStatus::Failed);
  // Even for a kind the tool does not fix, a half-fix is a failure.
  EXPECT_EQ(proveSite(site("propagated"), "v4", Before,
                      tree("after", {run("v4", SitePacket, TcShot)}), false)
                .Status,
            SiteStatus::Failed);
}

TEST(SiteProofTest, CombinedStatusIsTheWorst) {
  SiteCheck Proven, NotFixed, Failed;
  Proven.Status = SiteStatus::Proven;
  NotFixed.Status = SiteStatus::NotFixedYet;
  Failed.Status = SiteStatus::Failed;
  EXPECT_EQ(combinedStatus({Proven, Proven}), SiteStatus::Proven);
  EXPECT_EQ(combinedStatus({Proven, NotFixed}), SiteStatus::NotFixedYet);
  EXPECT_EQ(combinedStatus({NotFixed, Failed, Proven}), SiteStatus::Failed);
  EXPECT_EQ(combinedStatus({}), SiteStatus::Unverified);
}

TEST(DifferentialTest, UnchangedPacketsPass) {
  TreeResults Before = tree(
      "before", {run("v4", SitePacket, DropInvalid), run("v4", "ipv4 tcp", 0),
                 run("v4", "arp", TcShot, {event(-139, 2, 50)})});
  // The event's source line moved: not a difference.
  TreeResults After =
      tree("after", {run("v4", SitePacket, TcShot, {event(DropInvalid, 2)}),
                     run("v4", "ipv4 tcp", 0),
                     run("v4", "arp", TcShot, {event(-139, 2, 57)})});
  DifferentialResult R = compareTrees(Before, After, {site()}, allKinds());
  ASSERT_EQ(R.SiteChecks.size(), 1u);
  EXPECT_EQ(R.SiteChecks[0].Status, SiteStatus::Proven);
  EXPECT_TRUE(R.Failures.empty()) << R.Failures[0].Message;
  EXPECT_EQ(R.PacketsCompared, 2u) << "the site's own probe is not compared";
}

TEST(DifferentialTest, ChangedVerdictOutputOrEventsFail) {
  PacketRun OtherOutput = run("v4", "ipv4 udp", 0);
  OtherOutput.Output = {1, 2, 4, 5};
  TreeResults Before =
      tree("before", {run("v4", "ipv4 tcp", 0), run("v4", "ipv4 udp", 0),
                      run("v4", "arp", TcShot, {event(-139, 2)})});
  TreeResults After =
      tree("after", {run("v4", "ipv4 tcp", TcShot), OtherOutput,
                     run("v4", "arp", TcShot, {event(-139, 1)})});
  DifferentialResult R = compareTrees(Before, After, {}, allKinds());
  ASSERT_EQ(R.Failures.size(), 3u);
  EXPECT_EQ(R.Failures[0].Stage, "differential");
  EXPECT_EQ(R.Failures[0].Configuration, "v4");
  EXPECT_EQ(R.Failures[0].Program, "from-container");
  EXPECT_EQ(R.Failures[0].Packet, "ipv4 tcp");
  EXPECT_EQ(R.Failures[0].Message, "verdict 0 -> 2");
  EXPECT_EQ(R.Failures[1].Message, "output bytes differ (3 -> 4 bytes, first "
                                   "difference at byte 2)");
  EXPECT_EQ(R.Failures[2].Message,
            "events [reason -139 dir 2 exit 2 file 1 line 100 identity 0] -> "
            "[reason -139 dir 1 exit 2 file 1 line 100 identity 0]");
}

TEST(DifferentialTest, FixSeenFromAnotherPacketIsCountedNotFailed) {
  TreeResults Before =
      tree("before", {run("v4", "ipv4 tcp ihl=3", DropInvalid),
                      run("v4", "ipv4 tcp ihl=0", DropInvalid)});
  TreeResults After = tree(
      "after", {run("v4", "ipv4 tcp ihl=3", TcShot, {event(DropInvalid, 2)}),
                // Notified, but with another reason: a real change.
                run("v4", "ipv4 tcp ihl=0", TcShot, {event(-137, 2)})});
  DifferentialResult R = compareTrees(Before, After, {}, allKinds());
  ASSERT_EQ(R.FixedElsewherePackets.size(), 1u);
  EXPECT_EQ(R.FixedElsewherePackets[0].Packet, "ipv4 tcp ihl=3");
  EXPECT_EQ(R.FixedElsewherePackets[0].Reason, DropInvalid);
  ASSERT_EQ(R.Failures.size(), 1u);
  EXPECT_EQ(R.Failures[0].Packet, "ipv4 tcp ihl=0");
}

TEST(DifferentialTest, AMissedTailCallAFixedSiteNotifiesIsCountedNotFailed) {
  // Both packets passed before; after, both drop with a notified
  // DROP_MISSED_TAIL_CALL, but only the first one's notification is a fixed
  // site's (attributeFixedDrops said so).
  TreeResults Before =
      tree("before", {run("v4", "arp", 0), run("v4", "arp op=2", 0)});
  TreeResults After =
      tree("after", {run("v4", "arp", TcShot, {event(-140, 1)}),
                     run("v4", "arp op=2", TcShot, {event(-140, 1)})});
  DifferentialResult R = compareTrees(Before, After, {}, allKinds(),
                                      {{"v4", "from-container", "arp"}});
  ASSERT_EQ(R.FixedElsewherePackets.size(), 1u);
  EXPECT_EQ(R.FixedElsewherePackets[0].Packet, "arp");
  EXPECT_EQ(R.FixedElsewherePackets[0].Reason, -140);
  EXPECT_TRUE(R.FixedElsewherePackets[0].MissedTailCall);
  ASSERT_EQ(R.Failures.size(), 1u);
  EXPECT_EQ(R.Failures[0].Packet, "arp op=2");
}

TEST(DifferentialTest, MissingRunsFail) {
  TreeResults Before = tree("before", {run("v4", "ipv4 tcp", 0)});
  TreeResults After =
      tree("after", {run("v4", "ipv4 tcp", 0, {}, "to-container")});
  DifferentialResult R = compareTrees(Before, After, {}, allKinds());
  ASSERT_EQ(R.Failures.size(), 2u);
  EXPECT_EQ(R.Failures[0].Message,
            "run before but not after (program missing after?)");
  EXPECT_EQ(R.Failures[1].Program, "to-container");
  EXPECT_EQ(R.Failures[1].Message, "run after but not before (new program?)");
}

TEST(DifferentialTest, RefusedPacketsOnBothSidesAreEqual) {
  PacketRun B = run("v4", "ipv4 tcp truncate=20", 0);
  B.Refused = true;
  B.Error = "the kernel refuses test runs";
  TreeResults Before = tree("before", {B});
  TreeResults After = tree("after", {B});
  EXPECT_TRUE(compareTrees(Before, After, {}, allKinds()).Failures.empty());
  EXPECT_FALSE(B.isBareDrop());
}

TEST(DifferentialTest, CostsArePairedWithGrowth) {
  VerifierCost Small, Large;
  Small.Known = Large.Known = true;
  Small.InstructionsProcessed = 200;
  Large.InstructionsProcessed = 250;
  std::vector<ProgramCost> Before = {
      {"v4", "bpf_lxc", "from-container", "cil_from_container", false, Small},
      {"v4", "bpf_lxc", "2/7", "tail_old", true, Small}};
  std::vector<ProgramCost> After = {
      {"v4", "bpf_lxc", "from-container", "cil_from_container", false, Large}};
  std::vector<CostChange> Changes = compareCosts(Before, After);
  ASSERT_EQ(Changes.size(), 2u);
  EXPECT_EQ(Changes[0].Program, "from-container");
  ASSERT_TRUE(Changes[0].instructionGrowthPercent());
  EXPECT_DOUBLE_EQ(*Changes[0].instructionGrowthPercent(), 25.0);
  EXPECT_FALSE(Changes[1].After);
  EXPECT_FALSE(Changes[1].instructionGrowthPercent());
}

TEST(DifferentialTest, BareDropDefinition) {
  EXPECT_TRUE(run("v4", "p", DropInvalid).isBareDrop());
  EXPECT_FALSE(run("v4", "p", -1).isBareDrop()) << "TC_ACT_UNSPEC is valid";
  EXPECT_FALSE(
      run("v4", "p", DropInvalid, {event(DropInvalid, 2)}).isBareDrop());
  EXPECT_FALSE(run("v4", "p", 0).isBareDrop());
}

TEST(DifferentialTest, BrokenConfigurationsAreNotCompared) {
  TreeResults Before = tree(
      "before", {run("v4", SitePacket, DropInvalid), run("v4", "ipv4 tcp", 0)});
  TreeResults After = tree("after", {});
  After.Failures.push_back({"build", "v4", "", "", "building failed", ""});
  DifferentialResult R = compareTrees(Before, After, {site()}, allKinds());
  ASSERT_EQ(R.Failures.size(), 1u);
  EXPECT_EQ(R.Failures[0].Message,
            "not compared: the configuration failed to build or load");
  ASSERT_EQ(R.SiteChecks.size(), 1u);
  EXPECT_EQ(R.SiteChecks[0].Status, SiteStatus::Unverified);
  EXPECT_EQ(R.PacketsCompared, 0u);
}

} // namespace
