//===- ObjectPrepassTest.cpp - the ELF pre-pass's pure parts --------------===//

#include "verify/ObjectPrepass.h"
#include "verify/AgentConstants.h"

#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

TEST(AgentConstantsTest, ParsesNameAndValue) {
  auto C = parseAgentConstant("verdict=7");
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(C->first, "verdict");
  EXPECT_EQ(C->second, 7u);
  // The symbol's own name works too, and hex values.
  C = parseAgentConstant("__config_LXC_ID=0xffff");
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(C->first, "LXC_ID");
  EXPECT_EQ(C->second, 0xffffu);
  C = parseAgentConstant("wide=0xffffffffffffffff");
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(C->second, ~uint64_t(0));
}

TEST(AgentConstantsTest, RejectsMalformed) {
  for (const char *Bad : {"verdict", "=1", "verdict=", "verdict=x", "v=-1",
                          "v=0x10000000000000000"}) {
    auto C = parseAgentConstant(Bad);
    EXPECT_FALSE(bool(C)) << Bad;
    if (!C)
      EXPECT_NE(toString(C.takeError()).find("NAME=VALUE"), std::string::npos);
  }
}

TEST(LegacyMapIdsTest, FindsMapsByIdAndIdsByName) {
  LegacyMapIds Ids;
  Ids.add("cilium_calls_65535", 2);
  Ids.add("cilium_policy_calls", 1);
  Ids.add("custom_a", 4);
  Ids.add("custom_b", 4);
  EXPECT_EQ(Ids.mapWithId(2), std::optional<std::string>("cilium_calls_65535"));
  EXPECT_EQ(Ids.mapWithId(1),
            std::optional<std::string>("cilium_policy_calls"));
  EXPECT_EQ(Ids.mapWithId(3), std::nullopt);
  // Ambiguous: no answer rather than the first one.
  EXPECT_EQ(Ids.mapWithId(4), std::nullopt);
  EXPECT_EQ(Ids.idOf("cilium_policy_calls"), std::optional<uint32_t>(1));
  EXPECT_EQ(Ids.idOf("nope"), std::nullopt);
}

TEST(ObjectPrepassTest, RejectsWhatIsNotABpfObject) {
  auto R = prepassObject("not an ELF file", "x.o", PrepassOptions());
  ASSERT_FALSE(bool(R));
  EXPECT_NE(toString(R.takeError()).find("'x.o'"), std::string::npos);
}

} // namespace
