//===- NameAtSiteTest.cpp -------------------------------------------------===//

#include "analyzer/core/NameAtSite.h"
#include "gtest/gtest.h"

using bpftidy::isIdentifier;
using bpftidy::isIntegerLiteral;

namespace {

TEST(NameAtSite, IntegerConstantsInEverySpelling) {
  EXPECT_TRUE(isIntegerLiteral("0"));
  EXPECT_TRUE(isIntegerLiteral("42"));
  EXPECT_TRUE(isIntegerLiteral("0U"));
  EXPECT_TRUE(isIntegerLiteral("0x1fULL"));
  EXPECT_TRUE(isIntegerLiteral("017"));
  EXPECT_TRUE(isIntegerLiteral("2l"));
}

TEST(NameAtSite, NamesAndExpressionsAreNoIntegerConstants) {
  EXPECT_FALSE(isIntegerLiteral(""));
  EXPECT_FALSE(isIntegerLiteral("U"));
  EXPECT_FALSE(isIntegerLiteral("SECLABEL"));
  EXPECT_FALSE(isIntegerLiteral("-1"));
  EXPECT_FALSE(isIntegerLiteral("1 + 1"));
  EXPECT_FALSE(isIntegerLiteral("0x"));
  EXPECT_FALSE(isIntegerLiteral("09"));
  EXPECT_FALSE(isIntegerLiteral("1.0"));
  EXPECT_FALSE(isIdentifier("0"));
  EXPECT_TRUE(isIdentifier("src_id"));
}

} // namespace
