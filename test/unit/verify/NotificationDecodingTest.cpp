//===- NotificationDecodingTest.cpp - records read by field name ----------===//

#include "verify/DropNotifications.h"
#include "verify/RecordLayout.h"
#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

FieldLayout field(StringRef Name, uint32_t BitOffset, uint32_t BitSize,
                  bool Signed = false) {
  return FieldLayout{Name.str(), BitOffset, BitSize, Signed};
}

TEST(RecordLayoutTest, ReadsLittleEndianFieldsAtAnyOffset) {
  std::vector<uint8_t> Bytes = {0x78, 0x56, 0x34, 0x12, 0xfe, 0xff};
  EXPECT_EQ(readField(Bytes, field("word", 0, 32)), 0x12345678);
  EXPECT_EQ(readField(Bytes, field("half", 32, 16)), 0xfffe);
  EXPECT_EQ(readField(Bytes, field("half", 32, 16, /*Signed=*/true)), -2);
  EXPECT_EQ(readField(Bytes, field("byte", 8, 8)), 0x56);
}

TEST(RecordLayoutTest, ReadsBitfields) {
  // struct { __u8 reason; __u8 pad:6, dir:2; }: dir is bits 14-15.
  std::vector<uint8_t> Bytes = {134, 0x80 | 0x3f};
  EXPECT_EQ(readField(Bytes, field("dir", 14, 2)), 2);
  EXPECT_EQ(readField(Bytes, field("pad", 8, 6)), 0x3f);
  EXPECT_EQ(readField(Bytes, field("reason", 0, 8)), 134);
  // A signed 3-bit field holding 0b101 is -3.
  std::vector<uint8_t> Signed = {0x05};
  EXPECT_EQ(readField(Signed, field("s", 0, 3, /*Signed=*/true)), -3);
}

TEST(RecordLayoutTest, ShortRecordsAreNotRead) {
  std::vector<uint8_t> Bytes = {1, 2, 3};
  EXPECT_EQ(readField(Bytes, field("word", 0, 32)), std::nullopt);
  EXPECT_EQ(readField(Bytes, field("bits", 20, 5)), std::nullopt);
  EXPECT_EQ(readField(Bytes, field("none", 0, 0)), std::nullopt);
}

/// struct { u8 type; u8 subtype; u16 line; u8 file; } as Cilium would
/// fill it for a drop of reason \p Reason.
EventDecoder ciliumLikeDecoder() {
  EventDecoder D;
  D.Record.Name = "drop_notify";
  D.Type = field("type", 0, 8);
  D.TypeValue = 7;
  D.Reason = field("subtype", 8, 8);
  D.ReasonIsAbsolute = true;
  D.Line = field("line", 16, 16);
  D.File = field("file", 32, 8);
  return D;
}

TEST(EventDecoderTest, AbsoluteReasonsReadBackNegative) {
  EventDecoder D = ciliumLikeDecoder();
  std::string Error;
  std::optional<DropEvent> E = D.decode({7, 134, 0x2a, 0x01, 101}, Error);
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Reason, -134);
  EXPECT_EQ(E->SourceLine, 0x12au);
  EXPECT_EQ(E->SourceFile, 101u);
  EXPECT_EQ(E->Direction, 0u);
  EXPECT_TRUE(Error.empty());
}

TEST(EventDecoderTest, OtherNotifyTypesAreNotDrops) {
  EventDecoder D = ciliumLikeDecoder();
  std::string Error;
  EXPECT_FALSE(D.decode({4, 0, 0, 0, 0}, Error));
  EXPECT_TRUE(Error.empty());
}

TEST(EventDecoderTest, TooShortIsAnError) {
  EventDecoder D = ciliumLikeDecoder();
  std::string Error;
  EXPECT_FALSE(D.decode({7}, Error));
  EXPECT_NE(Error.find("too short for struct drop_notify"), std::string::npos)
      << Error;
}

TEST(DirectionsFromMetricsTest, TakesTheDirectionItsReasonWasCountedUnder) {
  DropEvent E;
  E.Reason = -134;
  std::vector<DropEvent> Events = {E};
  // Forwarded packets (reason 0) and other reasons do not count.
  directionsFromMetrics(Events, {{0, 1, 5}, {139, 1, 1}, {134, 2, 1}});
  EXPECT_EQ(Events[0].Direction, 2u);
}

TEST(DirectionsFromMetricsTest, DisagreeingOrSilentMetricsTellNothing) {
  DropEvent E;
  E.Reason = -134;
  std::vector<DropEvent> Events = {E, E};
  directionsFromMetrics(Events, {{134, 1, 1}, {134, 2, 1}});
  EXPECT_EQ(Events[0].Direction, 0u);
  directionsFromMetrics(Events, {{134, 2, 0}});
  EXPECT_EQ(Events[1].Direction, 0u);
}

TEST(DirectionsFromMetricsTest, AnEventsOwnDirectionWins) {
  DropEvent E;
  E.Reason = -134;
  E.Direction = 1;
  std::vector<DropEvent> Events = {E};
  directionsFromMetrics(Events, {{134, 2, 1}});
  EXPECT_EQ(Events[0].Direction, 1u);
}

} // namespace
