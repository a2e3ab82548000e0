//===- CountedTest.cpp ----------------------------------------------------===//

#include "support/Counted.h"
#include "gtest/gtest.h"

using namespace bpftidy;

namespace {

TEST(Counted, TheNounAgreesWithTheCount) {
  EXPECT_EQ(counted(0, "finding"), "0 findings");
  EXPECT_EQ(counted(1, "finding"), "1 finding");
  EXPECT_EQ(counted(2, "finding"), "2 findings");
  EXPECT_EQ(counted(1, "baseline entry", "baseline entries"),
            "1 baseline entry");
  EXPECT_EQ(counted(3, "baseline entry", "baseline entries"),
            "3 baseline entries");
}

} // namespace
