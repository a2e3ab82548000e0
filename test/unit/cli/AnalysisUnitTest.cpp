//===- AnalysisUnitTest.cpp -----------------------------------------------===//

#include "cli/AnalysisUnit.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "gtest/gtest.h"

using namespace bpftidy;

namespace {

std::vector<std::string> line(std::vector<std::string> Flags) {
  std::vector<std::string> Line = {"clang", "-target", "bpf"};
  Line.insert(Line.end(), Flags.begin(), Flags.end());
  Line.push_back("bpf_lxc.c");
  return Line;
}

TEST(ConfigurationNameTest, DefinesOfEachSpelling) {
  EXPECT_EQ(definesOf(line({"-DA", "-D", "B=2", "-UC", "-U", "D", "-O2"})),
            (std::vector<std::string>{"A", "B=2", "!C", "!D"}));
}

TEST(ConfigurationNameTest, WithoutCommonDefinesEveryDefineNamesIt) {
  EXPECT_EQ(configurationNameOf(line({"-DA", "-DB=2", "-UC"})), "A,B=2,!C");
  EXPECT_EQ(configurationNameOf(line({"-O2"})), "default");
}

TEST(ConfigurationNameTest, CommonDefinesAreLeftOut) {
  std::vector<std::vector<std::string>> Lines = {
      line({"-D__NR_CPUS__=2", "-DSKIP_DEBUG=1", "-DENABLE_IPV4"}),
      line({"-D__NR_CPUS__=2", "-DSKIP_DEBUG=1", "-DENABLE_IPV4",
            "-DENABLE_IPV6"}),
      line({"-DSKIP_DEBUG=1", "-D__NR_CPUS__=2", "-DENABLE_IPV4=2"})};
  llvm::StringSet<> Common = commonDefinesOf(Lines);
  EXPECT_EQ(Common.size(), 2u);
  EXPECT_TRUE(Common.contains("__NR_CPUS__=2"));
  EXPECT_TRUE(Common.contains("SKIP_DEBUG=1"));
  EXPECT_EQ(configurationNameOf(Lines[0], Common), "ENABLE_IPV4");
  EXPECT_EQ(configurationNameOf(Lines[1], Common), "ENABLE_IPV4,ENABLE_IPV6");
  // A different value is a different define.
  EXPECT_EQ(configurationNameOf(Lines[2], Common), "ENABLE_IPV4=2");
}

TEST(ConfigurationNameTest, OnlyCommonDefinesIsDefault) {
  std::vector<std::vector<std::string>> Lines = {line({"-DA", "-DB"}),
                                                 line({"-DB", "-DA", "-DA"})};
  llvm::StringSet<> Common = commonDefinesOf(Lines);
  EXPECT_EQ(configurationNameOf(Lines[0], Common), "default");
  EXPECT_EQ(configurationNameOf(Lines[1], Common), "default");
  EXPECT_TRUE(commonDefinesOf({}).empty());
}

TEST(ConfigurationNameTest, DatabaseNamesAreRelativeToAllItsCommands) {
  std::string Error;
  auto Database = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      R"([
  {"directory": "/src", "file": "/src/a.c",
   "arguments": ["clang", "-DCOMMON=1", "-DA_ONLY", "-c", "a.c"]},
  {"directory": "/src", "file": "/src/b.c",
   "arguments": ["clang", "-DCOMMON=1", "-c", "b.c"]},
  {"directory": "/src", "file": "/src/b.c",
   "arguments": ["clang", "-DCOMMON=1", "-DX", "-c", "b.c"]}])",
      Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  ASSERT_TRUE(Database) << Error;
  // Asked for b.c only, its names still leave out only what all of the
  // database shares, as they would in a run over every file.
  std::vector<AnalysisUnit> Units = unitsFromDatabase(*Database, {"/src/b.c"});
  ASSERT_EQ(Units.size(), 2u);
  EXPECT_EQ(Units[0].Configuration, "default");
  EXPECT_EQ(Units[1].Configuration, "X");
}

} // namespace
