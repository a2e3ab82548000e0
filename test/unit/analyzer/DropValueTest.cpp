//===- DropValueTest.cpp --------------------------------------------------===//

#include "analyzer/core/DropValue.h"
#include "gtest/gtest.h"

using namespace clang;

namespace bpftidy {
namespace {

DropValue dropOrVerdict() {
  DropValue V = DropValue::drop({"DROP_INVALID", nullptr}, {"DROP_INVALID"});
  V.join(DropValue::constant(0));
  V.join(DropValue::constant(-1));
  return V;
}

TEST(DropValueTest, NegativeGuardKeepsDropsAndTcActUnspec) {
  DropValue V = dropOrVerdict();
  V.refine(BO_LT, 0, /*Holds=*/true);
  EXPECT_TRUE(V.mayBeDrop());
  EXPECT_EQ(V.constants(), std::set<int64_t>{-1});
  EXPECT_TRUE(V.mayBeNonDrop()); // -1 is a valid verdict
}

TEST(DropValueTest, FallThroughOfNegativeGuardIsNoDrop) {
  DropValue V = dropOrVerdict();
  V.refine(BO_LT, 0, /*Holds=*/false);
  EXPECT_FALSE(V.mayBeDrop());
  EXPECT_EQ(V.constants(), std::set<int64_t>{0});
}

TEST(DropValueTest, NotOkGuardRemovesOnlyTheVerdict) {
  DropValue V = DropValue::drop({"f", nullptr}, {"DROP_X"});
  V.join(DropValue::constant(0));
  V.refine(BO_NE, 0, /*Holds=*/true);
  EXPECT_TRUE(V.mayBeDrop());
  EXPECT_FALSE(V.mayBeNonDrop());
}

TEST(DropValueTest, UnknownIsNeverADropButMayBeAVerdict) {
  DropValue V = DropValue::unknown();
  EXPECT_FALSE(V.mayBeDrop());
  EXPECT_TRUE(V.mayBeNonDrop());
  V.refine(BO_LT, 0, /*Holds=*/true);
  EXPECT_FALSE(V.mayBeNonDrop()); // a guard proved it negative
}

TEST(DropValueTest, NotifiedValuesAreVerdicts) {
  DropValue V = DropValue::notified();
  EXPECT_FALSE(V.mayBeDrop());
  V.refine(BO_LT, 0, /*Holds=*/true);
  EXPECT_FALSE(V.mayBeNotified());
}

TEST(DropValueTest, TooManyConstantsBecomeUnknown) {
  DropValue V;
  for (int64_t C = 0; C <= int64_t(DropValue::MaxConstants); ++C)
    V.join(DropValue::constant(C));
  EXPECT_TRUE(V.constants().empty());
  EXPECT_TRUE(V.mayBeNonDrop());
}

TEST(DropValueTest, CallerSeesTheCalleeAsOrigin) {
  DropValue V = DropValue::drop({"DROP_A", nullptr}, {"DROP_A"});
  V.join(DropValue::drop({"DROP_B", nullptr}, {"DROP_B"}));
  DropValue Seen = V.asSeenByCaller({"helper", nullptr});
  ASSERT_EQ(Seen.drops().size(), 1u);
  EXPECT_EQ(Seen.drops().begin()->first.Name, "helper");
  EXPECT_EQ(Seen.drops().begin()->second,
            (std::set<std::string>{"DROP_A", "DROP_B"}));
}

} // namespace
} // namespace bpftidy
