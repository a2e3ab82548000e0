//===- DatapathProfileTest.cpp - built-in and JSON profiles ---------------===//

#include "verify/DatapathProfile.h"
#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

TEST(DatapathProfileTest, MapNamesMayCarryATestPrefix) {
  EXPECT_TRUE(mapNameMatches("cilium_events", "cilium_events"));
  EXPECT_TRUE(mapNameMatches("test_cilium_events", "cilium_events"));
  EXPECT_FALSE(mapNameMatches("testcilium_events", "cilium_events"));
  EXPECT_FALSE(mapNameMatches("cilium_events2", "cilium_events"));
  EXPECT_FALSE(mapNameMatches("_events", "cilium_events"));
}

TEST(DatapathProfileTest, BuiltinsDescribeCiliumAndTheSample) {
  Expected<DatapathProfile> Cilium = resolveProfile("cilium");
  ASSERT_TRUE(bool(Cilium)) << toString(Cilium.takeError());
  ASSERT_TRUE(Cilium->Events && Cilium->Metrics);
  EXPECT_EQ(Cilium->Events->MapType, "perf");
  EXPECT_EQ(Cilium->Events->Record, "drop_notify");
  EXPECT_TRUE(Cilium->Events->ReasonIsAbsolute);
  EXPECT_EQ(Cilium->Events->TypeValue, "CILIUM_NOTIFY_DROP");
  EXPECT_EQ(Cilium->Metrics->KeyDirectionField, "dir");
  Expected<DatapathProfile> Sample = resolveProfile("sample");
  ASSERT_TRUE(bool(Sample)) << toString(Sample.takeError());
  EXPECT_EQ(Sample->Events->Map, "drop_events");
  EXPECT_EQ(Sample->Events->MapType, "ringbuf");
  EXPECT_FALSE(Sample->Events->ReasonIsAbsolute);
}

TEST(DatapathProfileTest, UnknownNamesListTheBuiltins) {
  Expected<DatapathProfile> P = resolveProfile("calico");
  ASSERT_FALSE(bool(P));
  EXPECT_EQ(toString(P.takeError()),
            "unknown profile 'calico' (built in: cilium, sample; or a JSON "
            "file)");
}

TEST(DatapathProfileTest, ParsesAJsonProfile) {
  Expected<DatapathProfile> P = parseProfile(R"({
    "name": "mine",
    "events": {"map": "ev", "map_type": "ringbuf", "record": "rec",
               "reason": "why", "reason_is_absolute": true,
               "type_field": "kind", "type_value": "3", "line": "ln"},
    "metrics": {"map": "m", "key_record": "k", "key_reason": "r",
                "key_direction": "d", "value_record": "v",
                "value_count": "c"}})",
                                             "mine.json");
  ASSERT_TRUE(bool(P)) << toString(P.takeError());
  EXPECT_EQ(P->Name, "mine");
  EXPECT_EQ(P->Events->ReasonField, "why");
  EXPECT_TRUE(P->Events->ReasonIsAbsolute);
  EXPECT_EQ(P->Events->TypeValue, "3");
  EXPECT_EQ(P->Events->LineField, "ln");
  EXPECT_TRUE(P->Events->FileField.empty());
  EXPECT_EQ(P->Metrics->ValueCountField, "c");
}

std::string parseError(StringRef Json) {
  Expected<DatapathProfile> P = parseProfile(Json, "p.json");
  return P ? std::string("parsed") : toString(P.takeError());
}

TEST(DatapathProfileTest, BadJsonProfilesSayWhy) {
  EXPECT_EQ(parseError("[]"), "p.json: a profile is a JSON object");
  EXPECT_EQ(parseError(R"({"events": {}})"), "p.json: 'name' is missing");
  EXPECT_EQ(parseError(R"({"name": "x"})"),
            "p.json: a profile needs 'events', 'metrics' or both");
  EXPECT_EQ(parseError(R"({"name": "x", "events": {"map": "e",
            "map_type": "perf", "record": "r"}})"),
            "p.json: events: 'reason' is missing");
  EXPECT_EQ(parseError(R"({"name": "x", "events": {"map": "e",
            "map_type": "perf", "record": "r", "reason": "s",
            "type_field": "t"}})"),
            "p.json: events: 'type_field' and 'type_value' go together");
  EXPECT_EQ(parseError(R"({"name": "x", "metrics": {"map": 3}})"),
            "p.json: metrics: 'map' must be a non-empty string");
  EXPECT_NE(parseError("{").find("p.json: "), std::string::npos);
}

} // namespace
