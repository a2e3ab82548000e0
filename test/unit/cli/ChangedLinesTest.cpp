//===- ChangedLinesTest.cpp -----------------------------------------------===//

#include "cli/ChangedLines.h"
#include "gtest/gtest.h"

using namespace bpftidy;

namespace {

std::vector<std::string> filesOf(llvm::StringRef NewFileLine) {
  std::string Diff = ("+++ " + NewFileLine + "\n@@ -1,0 +2 @@\n+x\n").str();
  return ChangedLines::fromUnifiedDiff(Diff, "/top").files();
}

TEST(ChangedLines, ReadsTheNewNameOfEachFile) {
  EXPECT_EQ(filesOf("b/lib/drop.h"),
            std::vector<std::string>{"/top/lib/drop.h"});
  EXPECT_TRUE(filesOf("/dev/null").empty());
  // Without git's b/ prefix the name cannot be told from a deleted file's.
  EXPECT_TRUE(filesOf("lib/drop.h").empty());
}

TEST(ChangedLines, ANameWithASpaceEndsBeforeGitsTab) {
  EXPECT_EQ(filesOf("b/two words.c\t"),
            std::vector<std::string>{"/top/two words.c"});
}

TEST(ChangedLines, QuotedNamesAreUnquoted) {
  EXPECT_EQ(filesOf("\"b/say\\\"hi\\\".c\""),
            std::vector<std::string>{"/top/say\"hi\".c"});
  EXPECT_EQ(filesOf("\"b/back\\\\slash.c\""),
            std::vector<std::string>{"/top/back\\slash.c"});
  EXPECT_EQ(filesOf("\"b/tab\\tx.c\""),
            std::vector<std::string>{"/top/tab\tx.c"});
  // core.quotePath: UTF-8 bytes as octal escapes.
  EXPECT_EQ(filesOf("\"b/na\\303\\257ve.c\""),
            std::vector<std::string>{"/top/na\xc3\xafve.c"});
}

TEST(ChangedLines, ABrokenQuoteNamesNoFile) {
  EXPECT_TRUE(filesOf("\"b/open.c").empty());
  EXPECT_TRUE(filesOf("\"b/bad\\9.c\"").empty());
  EXPECT_TRUE(filesOf("\"b/short\\30\"").empty());
}

TEST(ChangedLines, LinesOfEachHunk) {
  ChangedLines Lines = ChangedLines::fromUnifiedDiff(
      "+++ b/a.c\n@@ -3 +3,2 @@\n@@ -9,2 +10,0 @@\n", "/top");
  EXPECT_FALSE(Lines.contains("/top/a.c", 2));
  EXPECT_TRUE(Lines.contains("/top/a.c", 3));
  EXPECT_TRUE(Lines.contains("/top/a.c", 4));
  EXPECT_FALSE(Lines.contains("/top/a.c", 10));
}

} // namespace
