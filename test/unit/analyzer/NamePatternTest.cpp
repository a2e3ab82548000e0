//===- NamePatternTest.cpp ------------------------------------------------===//

#include "analyzer/core/NamePattern.h"
#include "gtest/gtest.h"

using bpftidy::NamePattern;

namespace {

TEST(NamePattern, PlainShapesAreStringTests) {
  EXPECT_TRUE(NamePattern("^DROP_").match("DROP_INVALID"));
  EXPECT_FALSE(NamePattern("^DROP_").match("XDROP_INVALID"));
  EXPECT_TRUE(NamePattern("_egress$").match("tail_ipv4_egress"));
  EXPECT_FALSE(NamePattern("_egress$").match("tail_ipv4_egress_v2"));
  EXPECT_TRUE(NamePattern("^tc$").match("tc"));
  EXPECT_FALSE(NamePattern("^tc$").match("tcx"));
  EXPECT_TRUE(NamePattern("ingress").match("to_ingress_path"));
}

TEST(NamePattern, AnythingElseIsARegex) {
  NamePattern Tail("^[0-9]+/[0-9A-Za-z_]+$|/tail$");
  EXPECT_TRUE(Tail.match("2/7"));
  EXPECT_TRUE(Tail.match("tc/tail"));
  EXPECT_FALSE(Tail.match("from-container"));
  EXPECT_TRUE(Tail.match("2/7")); // cached answer, same result
  NamePattern Either("from-container|egress");
  EXPECT_TRUE(Either.match("from-container"));
  EXPECT_TRUE(Either.match("tail_egress"));
  EXPECT_FALSE(Either.match("to-container"));
}

TEST(NamePattern, ReportsInvalidRegexes) {
  std::string Error;
  EXPECT_TRUE(NamePattern("^DROP_").isValid(Error));
  EXPECT_FALSE(NamePattern("^(DROP_").isValid(Error));
  EXPECT_FALSE(Error.empty());
}

TEST(NamePattern, AnEmptyPatternIsInvalidAsForLlvmRegex) {
  std::string Error;
  EXPECT_FALSE(NamePattern("").isValid(Error));
  EXPECT_FALSE(Error.empty());
  EXPECT_FALSE(NamePattern("").match("DROP_INVALID"));
  // Anchors alone stay valid and match as llvm::Regex does.
  EXPECT_TRUE(NamePattern("^").match("anything"));
  EXPECT_TRUE(NamePattern("^$").match(""));
  EXPECT_FALSE(NamePattern("^$").match("x"));
}

} // namespace
