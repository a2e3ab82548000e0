//===- VerifyOptionsTest.cpp - the command line ---------------------------===//

#include "verify/VerifyOptions.h"

#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

Expected<VerifyOptions> parse(std::vector<const char *> Args) {
  return parseVerifyOptions(Args);
}

std::string errorOf(std::vector<const char *> Args) {
  Expected<VerifyOptions> O = parse(Args);
  if (O)
    return "";
  return toString(O.takeError());
}

TEST(VerifyOptionsTest, Modes) {
  EXPECT_EQ(parse({"--probe"})->RunMode, VerifyOptions::Mode::Probe);
  EXPECT_EQ(parse({"--help"})->RunMode, VerifyOptions::Mode::Help);
  EXPECT_EQ(parse({"--configs", "a.configs"})->RunMode,
            VerifyOptions::Mode::Single);
  Expected<VerifyOptions> D =
      parse({"--before=a.configs", "--after", "b.configs", "--sites", "s.json",
             "--fixed-kinds", "literal,entry", "--json", "-", "--out", "o",
             "-j", "3", "--prog-type", "from-.*=tc", "--clang", "/x/clang"});
  ASSERT_TRUE(bool(D)) << toString(D.takeError());
  EXPECT_EQ(D->RunMode, VerifyOptions::Mode::Differential);
  EXPECT_EQ(D->Before, "a.configs");
  EXPECT_EQ(D->After, "b.configs");
  EXPECT_EQ(D->FixedKinds, (std::vector<std::string>{"literal", "entry"}));
  EXPECT_EQ(D->JsonFile, "-");
  EXPECT_EQ(D->OutDir, "o");
  EXPECT_EQ(D->Jobs, 3u);
  EXPECT_EQ(D->Clang, "/x/clang");
  ASSERT_EQ(D->TypeOverrides.size(), 1u);
  EXPECT_EQ(D->TypeOverrides[0].Type, BPF_PROG_TYPE_SCHED_CLS);
}

TEST(VerifyOptionsTest, Defaults) {
  Expected<VerifyOptions> O = parse({"--configs", "a.configs"});
  ASSERT_TRUE(bool(O));
  EXPECT_EQ(O->Clang, defaultClang());
  EXPECT_GE(O->Jobs, 1u);
  EXPECT_EQ(O->LogLines, 20u);
  EXPECT_TRUE(O->FixedKinds.empty());
  EXPECT_TRUE(O->OutDir.empty());
}

TEST(VerifyOptionsTest, UsageErrors) {
  EXPECT_EQ(errorOf({}),
            "nothing to do: give --configs, --before/--after or --probe");
  EXPECT_EQ(errorOf({"--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(errorOf({"file.configs"}),
            "unexpected argument 'file.configs' (files are given with "
            "--configs, --before, --after)");
  EXPECT_EQ(errorOf({"--configs"}), "'--configs' needs a value");
  EXPECT_EQ(errorOf({"--configs="}), "'--configs' needs a non-empty value");
  EXPECT_EQ(errorOf({"--before", "a", "--sites", "s"}),
            "differential mode needs both --before and --after");
  EXPECT_EQ(errorOf({"--before", "a", "--after", "b"}),
            "differential mode needs --sites");
  EXPECT_EQ(errorOf({"--configs", "c", "--before", "a"}),
            "give either --configs (one tree) or --before and --after (two "
            "trees), not both");
  EXPECT_EQ(errorOf({"--probe", "--configs", "c"}),
            "--probe takes no --configs, --before or --after");
  EXPECT_EQ(errorOf({"--configs", "c", "--fixed-kinds", "literal"}),
            "--fixed-kinds applies to differential mode only");
  EXPECT_EQ(errorOf({"--before", "a", "--after", "b", "--sites", "s",
                     "--fixed-kinds", "literal,macro"}),
            "--fixed-kinds: unknown kind 'macro' (known: literal, propagated, "
            "inline-callee, entry)");
  EXPECT_EQ(errorOf({"--configs", "c", "-j", "0"}),
            "'-j' needs a number >= 1, not '0'");
  EXPECT_EQ(errorOf({"--probe=1"}), "'--probe' takes no value");
}

TEST(VerifyOptionsTest, HelpDocumentsEveryFlag) {
  std::string Help;
  raw_string_ostream OS(Help);
  printVerifyHelp(OS, "bpf-tidy-verify");
  for (const char *Flag :
       {"--probe", "--configs", "--before", "--after", "--sites",
        "--fixed-kinds", "--out", "--json", "--clang", "--prog-type", "--jobs",
        "--log-lines", "--verbose", "--help", "77"})
    EXPECT_NE(Help.find(Flag), std::string::npos) << Flag;
}

} // namespace
