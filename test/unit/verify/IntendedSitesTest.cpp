//===- IntendedSitesTest.cpp - reading sites.json -------------------------===//

#include "verify/IntendedSites.h"

#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

const char *OneSite = R"({
  "version": 1,
  "sites": [
    {
      "id": "ct4-revalidate", "file": "bpf_lxc.c", "line": 120, "column": 10,
      "kind": "literal", "function": "tail_ct_lookup4_egress",
      "configurations": ["v4-inline", "v4v6-tail"],
      "reason": "DROP_INVALID", "reason_value": -134,
      "direction": "METRIC_EGRESS", "direction_value": 2,
      "program": "from-container", "packet": "ipv4 tcp tot_len=100"
    }
  ]
})";

std::string errorOf(StringRef Text) {
  Expected<std::vector<IntendedSite>> Sites =
      parseIntendedSites(Text, "sites.json");
  if (Sites)
    return "";
  return toString(Sites.takeError());
}

/// OneSite with \p From replaced by \p To.
std::string edited(StringRef From, StringRef To) {
  std::string Text = OneSite;
  size_t At = Text.find(From.str());
  EXPECT_NE(At, std::string::npos) << From.str();
  return Text.replace(At, From.size(), To.str());
}

TEST(IntendedSitesTest, ReadsTheDocumentedExample) {
  Expected<std::vector<IntendedSite>> Sites =
      parseIntendedSites(OneSite, "sites.json");
  ASSERT_TRUE(bool(Sites)) << toString(Sites.takeError());
  ASSERT_EQ(Sites->size(), 1u);
  const IntendedSite &S = (*Sites)[0];
  EXPECT_EQ(S.Id, "ct4-revalidate");
  EXPECT_EQ(S.location(), "bpf_lxc.c:120:10");
  EXPECT_EQ(S.Kind, "literal");
  EXPECT_EQ(S.Function, "tail_ct_lookup4_egress");
  EXPECT_EQ(S.Configurations,
            (std::vector<std::string>{"v4-inline", "v4v6-tail"}));
  EXPECT_EQ(S.Reason, "DROP_INVALID");
  EXPECT_EQ(S.ReasonValue, -134);
  EXPECT_EQ(S.Direction, "METRIC_EGRESS");
  EXPECT_EQ(S.DirectionValue, 2);
  EXPECT_EQ(S.Program, "from-container");
  EXPECT_EQ(S.Packet, "ipv4 tcp tot_len=100");
}

TEST(IntendedSitesTest, Errors) {
  EXPECT_EQ(errorOf("{"), "sites.json: not valid JSON: [1:1, byte=1]: "
                          "Expected object key");
  EXPECT_EQ(errorOf("[]"), "sites.json: the top level must be an object");
  EXPECT_EQ(errorOf(R"({"version": 2, "sites": []})"),
            "sites.json: 'version' must be 1");
  EXPECT_EQ(errorOf(R"({"version": 1})"), "sites.json: missing 'sites' array");
  EXPECT_EQ(errorOf(edited("\"kind\": \"literal\"", "\"kind\": \"macro\"")),
            "sites.json: site 0 ('ct4-revalidate'): 'kind' is 'macro'; "
            "expected literal, propagated, inline-callee, entry, "
            "missed-tail-call or ignored-tail-call-result");
  EXPECT_EQ(errorOf(edited("\"reason_value\": -134", "\"reason_value\": 2")),
            "sites.json: site 0 ('ct4-revalidate'): 'reason_value' must be an "
            "integer in [-2147483648, -1]");
  EXPECT_EQ(errorOf(edited("\"line\": 120,", "")),
            "sites.json: site 0 ('ct4-revalidate'): missing 'line'");
  EXPECT_EQ(errorOf(edited("[\"v4-inline\", \"v4v6-tail\"]", "[]")),
            "sites.json: site 0 ('ct4-revalidate'): 'configurations' must be "
            "a non-empty array of strings");
  EXPECT_EQ(errorOf(edited("ipv4 tcp tot_len=100", "ipv4 tcp tot_len")),
            "sites.json: site 0 ('ct4-revalidate'): packet recipe 'ipv4 tcp "
            "tot_len': expected key=value, not 'tot_len'");
}

TEST(IntendedSitesTest, WithoutEmptySlotTheVerdictBeforeIsTheReason) {
  Expected<std::vector<IntendedSite>> Sites =
      parseIntendedSites(OneSite, "sites.json");
  ASSERT_TRUE(bool(Sites)) << toString(Sites.takeError());
  const IntendedSite &S = (*Sites)[0];
  EXPECT_FALSE(S.EmptySlot);
  EXPECT_FALSE(S.VerdictBefore);
  EXPECT_EQ(S.verdictBefore(), -134);
}

TEST(IntendedSitesTest, MissedTailCallSite) {
  // A stale `ret` after a missed tail call: reached with slot 2/13 empty,
  // where it passes the packet (CTX_ACT_OK) before the fix.
  std::string Text =
      edited("\"kind\": \"literal\"",
             "\"kind\": \"missed-tail-call\", \"empty_slot\": \"2/13\", "
             "\"verdict_before\": 0");
  Expected<std::vector<IntendedSite>> Sites =
      parseIntendedSites(Text, "sites.json");
  ASSERT_TRUE(bool(Sites)) << toString(Sites.takeError());
  const IntendedSite &S = (*Sites)[0];
  EXPECT_EQ(S.Kind, "missed-tail-call");
  ASSERT_TRUE(S.EmptySlot);
  EXPECT_TRUE(S.EmptySlot->MapIsLegacyId);
  EXPECT_EQ(S.EmptySlot->describe(), "2/13");
  ASSERT_TRUE(S.VerdictBefore);
  EXPECT_EQ(S.verdictBefore(), 0);
}

TEST(IntendedSitesTest, EmptySlotByMapName) {
  Expected<std::vector<IntendedSite>> Sites = parseIntendedSites(
      edited("\"kind\": \"literal\"",
             "\"kind\": \"literal\", \"empty_slot\": \"cilium_calls/0x0e\""),
      "sites.json");
  ASSERT_TRUE(bool(Sites)) << toString(Sites.takeError());
  ASSERT_TRUE((*Sites)[0].EmptySlot);
  EXPECT_FALSE((*Sites)[0].EmptySlot->MapIsLegacyId);
  EXPECT_EQ((*Sites)[0].EmptySlot->describe(), "cilium_calls/14");
  EXPECT_EQ((*Sites)[0].verdictBefore(), -134);
}

TEST(IntendedSitesTest, EmptySlotAndVerdictErrors) {
  const char *SlotError =
      "sites.json: site 0 ('ct4-revalidate'): 'empty_slot' must be a slot "
      "\"MAP/KEY\" as a tail call's section names it (\"2/14\", "
      "\"cilium_calls/14\")";
  for (const char *Bad :
       {"\"14\"", "14", "\"2/\"", "\"2/-1\"", "\"2/010\"", "\"/14\"", "true"})
    EXPECT_EQ(errorOf(edited("\"kind\": \"literal\"",
                             std::string("\"kind\": \"literal\", "
                                         "\"empty_slot\": ") +
                                 Bad)),
              SlotError)
        << Bad;
  EXPECT_EQ(errorOf(edited("\"kind\": \"literal\"",
                           "\"kind\": \"literal\", \"verdict_before\": "
                           "\"CTX_ACT_OK\"")),
            "sites.json: site 0 ('ct4-revalidate'): 'verdict_before' must be "
            "an integer in [-2147483648, 2147483647]");
  EXPECT_EQ(errorOf(edited("\"kind\": \"literal\"",
                           "\"kind\": \"missed-tail-call\"")),
            "sites.json: site 0 ('ct4-revalidate'): a 'missed-tail-call' site "
            "needs 'empty_slot' (or 'slot_left_empty'): a tail call misses "
            "only when its slot is empty");
}

TEST(IntendedSitesTest, DuplicateIds) {
  std::string Text = OneSite;
  size_t Start = Text.find('{', Text.find('['));
  size_t End = Text.rfind('}', Text.rfind(']'));
  std::string Site = Text.substr(Start, End - Start + 1);
  Text.insert(End + 1, ", " + Site);
  EXPECT_EQ(errorOf(Text), "sites.json: duplicate site id 'ct4-revalidate'");
}

} // namespace
