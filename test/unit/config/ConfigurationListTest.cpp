//===- ConfigurationListTest.cpp - tests of the configuration list reader -===//

#include "config/ConfigurationList.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace bpftidy;
using namespace llvm;

namespace {

/// A scratch directory holding a source file, so that 'source' lines can
/// name something that exists.
class ConfigurationListTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("config-list-test", Dir));
    touch("bpf_lxc.c");
    ListPath = (Dir + "/datapath.configs").str();
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  void touch(StringRef Name) {
    std::error_code EC;
    raw_fd_ostream OS((Dir + "/" + Name).str(), EC);
    ASSERT_FALSE(EC);
    OS << "int x;\n";
  }

  /// The error text of parsing \p Text, or "" if it parsed.
  std::string errorOf(StringRef Text) {
    Expected<ConfigurationList> List = parseConfigurationList(Text, ListPath);
    if (List)
      return "";
    return toString(List.takeError());
  }

  SmallString<128> Dir;
  std::string ListPath;
};

TEST_F(ConfigurationListTest, ParsesTheDocumentedExample) {
  Expected<ConfigurationList> List = parseConfigurationList(
      "# Sources every configuration builds (one or more lines).\n"
      "source bpf_lxc.c\n"
      "# Flags every configuration gets, before its own.\n"
      "flags -O2 -g -Wall -I include\n"
      "\n"
      "config v4-inline    -DENABLE_IPV4\n"
      "config v4v6-tail    -DENABLE_IPV4 -DENABLE_IPV6 "
      "-DENABLE_CT_TAILCALLS\n",
      ListPath);
  ASSERT_TRUE(bool(List)) << toString(List.takeError());
  EXPECT_EQ(List->BaseDir, std::string(Dir));
  ASSERT_EQ(List->Sources.size(), 1u);
  EXPECT_EQ(List->Sources[0], (Dir + "/bpf_lxc.c").str());
  EXPECT_EQ(List->CommonFlags,
            (std::vector<std::string>{"-O2", "-g", "-Wall", "-I", "include"}));
  ASSERT_EQ(List->Configurations.size(), 2u);
  EXPECT_EQ(List->Configurations[0].Name, "v4-inline");
  EXPECT_EQ(List->Configurations[0].Flags,
            (std::vector<std::string>{"-DENABLE_IPV4"}));
  EXPECT_EQ(List->Configurations[1].Name, "v4v6-tail");
  EXPECT_EQ(List->Configurations[1].Flags,
            (std::vector<std::string>{"-DENABLE_IPV4", "-DENABLE_IPV6",
                                      "-DENABLE_CT_TAILCALLS"}));
  EXPECT_EQ(List->flagsFor(List->Configurations[0]),
            (std::vector<std::string>{"-O2", "-g", "-Wall", "-I", "include",
                                      "-DENABLE_IPV4"}));
  EXPECT_EQ(List->find("v4v6-tail"), &List->Configurations[1]);
  EXPECT_EQ(List->find("nope"), nullptr);
}

TEST_F(ConfigurationListTest, FlagsAndSourcesAccumulateAcrossLines) {
  touch("bpf_host.c");
  Expected<ConfigurationList> List =
      parseConfigurationList("source bpf_lxc.c\n"
                             "flags -O2\n"
                             "source bpf_host.c\n"
                             "flags -g   # trailing comment\n"
                             "config a\n",
                             ListPath);
  ASSERT_TRUE(bool(List)) << toString(List.takeError());
  EXPECT_EQ(List->Sources.size(), 2u);
  EXPECT_EQ(List->CommonFlags, (std::vector<std::string>{"-O2", "-g"}));
  // A configuration may have no flags of its own.
  EXPECT_TRUE(List->Configurations[0].Flags.empty());
}

TEST_F(ConfigurationListTest, SeveralSourcesOnOneLineAndCRLF) {
  touch("b.c");
  Expected<ConfigurationList> List = parseConfigurationList(
      "source bpf_lxc.c b.c\r\nconfig x.y_Z-1 -DX=1\r\n", ListPath);
  ASSERT_TRUE(bool(List)) << toString(List.takeError());
  EXPECT_EQ(List->Sources.size(), 2u);
  EXPECT_EQ(List->Configurations[0].Name, "x.y_Z-1");
  EXPECT_EQ(List->Configurations[0].Flags, (std::vector<std::string>{"-DX=1"}));
}

TEST_F(ConfigurationListTest, QuotedFlagsAreOneWord) {
  Expected<ConfigurationList> List =
      parseConfigurationList("source bpf_lxc.c\n"
                             "config q '-DNAME=\"a b\"' -DX=\\# \"-DY=it's\"\n",
                             ListPath);
  ASSERT_TRUE(bool(List)) << toString(List.takeError());
  EXPECT_EQ(List->Configurations[0].Flags,
            (std::vector<std::string>{"-DNAME=\"a b\"", "-DX=#", "-DY=it's"}));
}

TEST_F(ConfigurationListTest, UnknownKeywordIsReportedWithItsLine) {
  EXPECT_EQ(errorOf("source bpf_lxc.c\n\nconfg a -DX\n"),
            ListPath + ":3: unknown keyword 'confg' (expected 'source', "
                       "'flags' or 'config')");
}

TEST_F(ConfigurationListTest, DuplicateConfigurationName) {
  EXPECT_EQ(errorOf("source bpf_lxc.c\nconfig a -DX\n# c\nconfig a -DY\n"),
            ListPath + ":4: duplicate configuration name 'a' (first defined "
                       "on line 2)");
}

TEST_F(ConfigurationListTest, InvalidConfigurationName) {
  EXPECT_EQ(errorOf("source bpf_lxc.c\nconfig a/b -DX\n"),
            ListPath + ":2: invalid configuration name 'a/b' (allowed: "
                       "letters, digits, '_', '.', '-')");
  EXPECT_EQ(errorOf("source bpf_lxc.c\nconfig\n"),
            ListPath + ":2: 'config' needs a name");
}

TEST_F(ConfigurationListTest, NoSourceIsReportedAtTheEnd) {
  EXPECT_EQ(errorOf("flags -O2\nconfig a\n\n"),
            ListPath + ":3: no 'source' line: the list builds nothing");
  EXPECT_EQ(errorOf(""),
            ListPath + ":1: no 'source' line: the list builds nothing");
}

TEST_F(ConfigurationListTest, NoConfigIsReportedAtTheEnd) {
  EXPECT_EQ(errorOf("source bpf_lxc.c\nflags -O2\n"),
            ListPath +
                ":2: no 'config' line: the list defines no configuration");
}

TEST_F(ConfigurationListTest, MissingSourceFile) {
  std::string Error = errorOf("# header\nsource missing.c\nconfig a\n");
  EXPECT_EQ(Error.rfind(ListPath + ":2: source file 'missing.c' not found", 0),
            0u)
      << Error;
  EXPECT_EQ(errorOf("source\nconfig a\n"),
            ListPath + ":1: 'source' needs at least one file");
}

TEST_F(ConfigurationListTest, UnterminatedQuoteIsReportedWithItsLine) {
  EXPECT_EQ(errorOf("source bpf_lxc.c\nconfig a '-DX\n"),
            ListPath + ":2: unterminated single quote");
  EXPECT_EQ(errorOf("source bpf_lxc.c\nflags \"-DX\n"),
            ListPath + ":2: unterminated double quote");
  EXPECT_EQ(errorOf("source bpf_lxc.c\nflags -DX\\"),
            ListPath + ":2: backslash at the end of the line");
}

TEST_F(ConfigurationListTest, ReadsFromDisk) {
  {
    std::error_code EC;
    raw_fd_ostream OS(ListPath, EC);
    ASSERT_FALSE(EC);
    OS << "source bpf_lxc.c\nconfig only\n";
  }
  Expected<ConfigurationList> List = readConfigurationList(ListPath);
  ASSERT_TRUE(bool(List)) << toString(List.takeError());
  EXPECT_EQ(List->Configurations.size(), 1u);

  Expected<ConfigurationList> Missing =
      readConfigurationList((Dir + "/absent.configs").str());
  ASSERT_FALSE(bool(Missing));
  std::string Error = toString(Missing.takeError());
  EXPECT_NE(Error.find("cannot read configuration list"), std::string::npos);
  EXPECT_NE(Error.find("absent.configs"), std::string::npos);
}

TEST(SplitFlagWordsTest, SplitsOnBlanks) {
  EXPECT_EQ(*splitFlagWords("  a \tb\r c  "),
            (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(splitFlagWords("")->empty());
  EXPECT_TRUE(splitFlagWords("   ")->empty());
}

TEST(SplitFlagWordsTest, Quotes) {
  EXPECT_EQ(*splitFlagWords("'a b' \"c d\" e'f g'h -DX='\"y z\"'"),
            (std::vector<std::string>{"a b", "c d", "ef gh", "-DX=\"y z\""}));
  // As in a response file, a backslash escapes inside single quotes too.
  EXPECT_EQ(*splitFlagWords("'a\\b$x\"\\''"),
            (std::vector<std::string>{"ab$x\"'"}));
  // Empty quotes alone make no word (clang would reject an empty flag).
  EXPECT_EQ(*splitFlagWords("'' \"\" x -DY=''"),
            (std::vector<std::string>{"x", "-DY="}));
}

TEST(SplitFlagWordsTest, Backslashes) {
  EXPECT_EQ(*splitFlagWords("a\\ b c\\'d"),
            (std::vector<std::string>{"a b", "c'd"}));
  EXPECT_EQ(*splitFlagWords("\"\\\"\\\\\\$\\a\""),
            (std::vector<std::string>{"\"\\$a"}));
}

TEST(SplitFlagWordsTest, Comments) {
  EXPECT_EQ(*splitFlagWords("a #b c"), (std::vector<std::string>{"a"}));
  // '#' inside a word, quoted or escaped is an ordinary character.
  EXPECT_EQ(*splitFlagWords("a#b '#c' \\#d \"x #'\" #e'"),
            (std::vector<std::string>{"a#b", "#c", "#d", "x #'"}));
  EXPECT_TRUE(splitFlagWords("# only a comment")->empty());
  // A quote in a comment is no quote.
  EXPECT_EQ(*splitFlagWords("a # don't"), (std::vector<std::string>{"a"}));
}

TEST(SplitFlagWordsTest, Errors) {
  EXPECT_EQ(toString(splitFlagWords("a 'b").takeError()),
            "unterminated single quote");
  EXPECT_EQ(toString(splitFlagWords("'a\\'").takeError()),
            "unterminated single quote");
  EXPECT_EQ(toString(splitFlagWords("\"b").takeError()),
            "unterminated double quote");
  EXPECT_EQ(toString(splitFlagWords("\"b\\").takeError()),
            "unterminated double quote");
  EXPECT_EQ(toString(splitFlagWords("b\\").takeError()),
            "backslash at the end of the line");
  EXPECT_EQ(toString(splitFlagWords(StringRef("a b\0c", 5)).takeError()),
            "NUL character in the line");
  EXPECT_EQ(toString(splitFlagWords(StringRef("\\\0", 2)).takeError()),
            "NUL character in the line");
}

} // namespace
