//===- VerifierLogTest.cpp - reading the verifier's log -------------------===//

#include "verify/VerifierLog.h"

#include "gtest/gtest.h"

using namespace bpftidy::verify;

namespace {

// Shapes copied from what kernel 6.x prints at log levels 4 and 1|4.
const char *StatsLog = "verification time 312 usec\n"
                       "stack depth 64+0\n"
                       "processed 1270 insns (limit 1000000) "
                       "max_states_per_insn 2 total_states 73 peak_states 71 "
                       "mark_read 20\n";

const char *RejectedLog =
    "func#0 @0\n"
    "0: R1=ctx() R10=fp0\n"
    "; void *data = (void *)(long)ctx->data; @ bpf_lxc.c:40\n"
    "0: (61) r2 = *(u32 *)(r1 +76)         ; R1=ctx() R2_w=pkt(r=0)\n"
    "; if (eth->h_proto == bpf_htons(ETH_P_IP)) @ bpf_lxc.c:57\n"
    "5: (69) r3 = *(u16 *)(r2 +12)\n"
    "invalid access to packet, off=12 size=2, R2(id=0,off=12,r=0)\n"
    "R2 offset is outside of the packet\n"
    "processed 6 insns (limit 1000000) max_states_per_insn 0 total_states 0 "
    "peak_states 0 mark_read 0\n";

TEST(VerifierLogTest, ParsesStatistics) {
  VerifierCost Cost = parseVerifierCost(StatsLog);
  EXPECT_TRUE(Cost.Known);
  EXPECT_EQ(Cost.InstructionsProcessed, 1270u);
  EXPECT_EQ(Cost.TotalStates, 73u);
  EXPECT_EQ(Cost.PeakStates, 71u);
  EXPECT_EQ(Cost.MaxStatesPerInstruction, 2u);
  EXPECT_EQ(Cost.VerificationTimeUsec, 312u);
}

TEST(VerifierLogTest, NoStatisticsIsUnknown) {
  EXPECT_FALSE(parseVerifierCost("").Known);
  EXPECT_FALSE(parseVerifierCost("R2 offset is outside of the packet\n").Known);
}

TEST(VerifierLogTest, LastLines) {
  EXPECT_EQ(lastLogLines("a\nb\n\nc\nd\n", 2), "c\nd\n");
  EXPECT_EQ(lastLogLines("a\nb", 5), "a\nb\n");
  EXPECT_EQ(lastLogLines("", 5), "");
}

TEST(VerifierLogTest, SourceLineOfTheRejection) {
  std::optional<VerifierSourceLine> Line = lastSourceLine(RejectedLog);
  ASSERT_TRUE(Line);
  EXPECT_EQ(Line->File, "bpf_lxc.c");
  EXPECT_EQ(Line->Line, 57u);
  EXPECT_EQ(Line->Text, "if (eth->h_proto == bpf_htons(ETH_P_IP))");
  EXPECT_FALSE(lastSourceLine(StatsLog));
}

// The verifier's own words: the messages after the last instruction.
TEST(VerifierLogTest, ReasonOfTheRejection) {
  EXPECT_EQ(verifierReason(RejectedLog),
            "invalid access to packet, off=12 size=2, R2(id=0,off=12,r=0); "
            "R2 offset is outside of the packet");
  EXPECT_EQ(verifierReason(StatsLog), "");
  EXPECT_EQ(verifierReason(""), "");
}

} // namespace
