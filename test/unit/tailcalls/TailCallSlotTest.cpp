//===- TailCallSlotTest.cpp - tail-call slots from sections and tags ------===//

#include "tailcalls/TailCallSlot.h"

#include "gtest/gtest.h"

using namespace bpftidy::tailcalls;
using namespace llvm;

namespace {

TEST(TailCallSlotTest, Sections) {
  std::optional<TailCallSlot> S = parseTailCallSection("2/7");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Map, "2");
  EXPECT_TRUE(S->MapIsLegacyId);
  EXPECT_EQ(S->Key, 7u);

  S = parseTailCallSection("cilium_calls/19");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Map, "cilium_calls");
  EXPECT_FALSE(S->MapIsLegacyId);
  EXPECT_EQ(S->Key, 19u);

  for (StringRef NotTail :
       {"from-container", "tc", "tc/entry", "xdp", "2/", "/7", "2/7x", "a b/1",
        "1/2/3", "2/-1", "2/+1", "2/0x", "2/010", "2/4294967296"})
    EXPECT_FALSE(parseTailCallSection(NotTail)) << NotTail.str();
}

// Cilium's template policy slot: __section_tail(CILIUM_MAP_POLICY,
// TEMPLATE_LXC_ID) is "1/0xffff".
TEST(TailCallSlotTest, HexadecimalKeys) {
  std::optional<TailCallSlot> S = parseTailCallSection("1/0xffff");
  ASSERT_TRUE(S);
  EXPECT_TRUE(S->MapIsLegacyId);
  EXPECT_EQ(S->Map, "1");
  EXPECT_EQ(S->Key, 0xffffu);
  EXPECT_EQ(parseSlotKey("0X1A"), 26u);
  EXPECT_EQ(parseSlotKey("0"), 0u);
  EXPECT_EQ(parseSlotKey("42"), 42u);
  EXPECT_FALSE(parseSlotKey("0xg"));
  EXPECT_FALSE(parseSlotKey("07"));
  EXPECT_FALSE(parseSlotKey(""));
  EXPECT_EQ(S->describe(), "1/65535");
}

TEST(TailCallSlotTest, Tags) {
  std::optional<TailCallSlot> S = parseTailCallTag("tail:cilium_calls/7");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Map, "cilium_calls");
  EXPECT_EQ(S->Key, 7u);
  S = parseTailCallTag("tail:cilium_calls/0x10");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Key, 16u);
  EXPECT_FALSE(parseTailCallTag("cilium_calls/7"));
  EXPECT_FALSE(parseTailCallTag("tail:"));
  EXPECT_FALSE(parseTailCallTag("other:x/1"));
}

// Test builds name the per-endpoint program array test_cilium_calls_65535;
// a tag or section names it cilium_calls.
TEST(TailCallSlotTest, MapNamesUpToTestDecorations) {
  EXPECT_EQ(undecoratedMapName("test_cilium_calls_65535"), "cilium_calls");
  EXPECT_EQ(undecoratedMapName("cilium_calls_42"), "cilium_calls");
  EXPECT_EQ(undecoratedMapName("test_cilium_policy"), "cilium_policy");
  EXPECT_EQ(undecoratedMapName("calls"), "calls");
  EXPECT_EQ(undecoratedMapName("_1"), "_1");
  EXPECT_EQ(mapNameMatch("cilium_calls", "cilium_calls"), 2);
  EXPECT_EQ(mapNameMatch("test_cilium_calls_65535", "cilium_calls"), 1);
  EXPECT_EQ(mapNameMatch("test_cilium_policy", "cilium_calls"), 0);
}

} // namespace
