//===- VerifyOptionsTest.cpp - the command line ---------------------------===//

#include "verify/VerifyOptions.h"

#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

/// Parses as "bpf-tidy verify ARGS..." does.
Expected<VerifyOptions> parse(std::vector<const char *> Args) {
  Args.insert(Args.begin(), {"bpf-tidy", "verify"});
  return parseVerifyOptions(Args, verifySubCommand());
}

std::string errorOf(std::vector<const char *> Args) {
  Expected<VerifyOptions> O = parse(Args);
  if (O)
    return "";
  return toString(O.takeError());
}

TEST(VerifyOptionsTest, Modes) {
  EXPECT_EQ(parse({"--probe"})->RunMode, VerifyOptions::Mode::Probe);
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
  EXPECT_NE(
      errorOf({"--bogus"}).find("Unknown command line argument '--bogus'"),
      std::string::npos);
  EXPECT_EQ(errorOf({"file.configs"}),
            "unexpected argument 'file.configs' (files are given with "
            "--configs, --before, --after)");
  EXPECT_NE(errorOf({"--configs"}), "");
  EXPECT_EQ(errorOf({"--configs="}), "'--configs' needs a non-empty value");
  EXPECT_EQ(errorOf({"--before", "a", "--sites", "s"}),
            "differential mode needs both --before and --after");
  EXPECT_EQ(errorOf({"--before", "a", "--after", "b"}),
            "differential mode needs --sites or --fixed-sites");
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
            "inline-callee, entry, missed-tail-call, "
            "ignored-tail-call-result)");
  EXPECT_EQ(errorOf({"--configs", "c", "-j", "0"}),
            "'--jobs' needs a number >= 1, not '0'");
  EXPECT_NE(errorOf({"--configs", "c", "-j", "many"}), "");
  EXPECT_EQ(errorOf({"--prog-type", "x"}),
            "--prog-type 'x': expected SECTION_REGEX=TYPE");
}

// Each parse starts afresh: nothing of an earlier command line leaks in.
TEST(VerifyOptionsTest, ParsesTwiceInOneProcess) {
  ASSERT_TRUE(bool(
      parse({"--configs", "a.configs", "-j", "3", "--prog-type", "x=xdp"})));
  Expected<VerifyOptions> O = parse({"--configs", "b.configs"});
  ASSERT_TRUE(bool(O)) << toString(O.takeError());
  EXPECT_EQ(O->Configs, "b.configs");
  EXPECT_TRUE(O->TypeOverrides.empty());
  EXPECT_NE(O->Jobs, 0u);
}

TEST(VerifyOptionsTest, ConstantsAndPinning) {
  Expected<VerifyOptions> O =
      parse({"--configs", "a.configs", "--set-constant", "verdict=7",
             "--set-constant=__config_port=0x36", "--pin-maps"});
  ASSERT_TRUE(bool(O));
  EXPECT_EQ(O->Constants.at("verdict"), 7u);
  EXPECT_EQ(O->Constants.at("port"), 0x36u);
  EXPECT_TRUE(O->PinMaps);
  EXPECT_FALSE(parse({"--configs", "a.configs"})->PinMaps);
  EXPECT_NE(
      errorOf({"--configs", "a", "--set-constant", "x"}).find("--set-constant"),
      std::string::npos);
  EXPECT_NE(errorOf({"--configs", "a", "--pin-maps=yes"}), "");
  // Nothing leaks into the next parse.
  Expected<VerifyOptions> Again = parse({"--configs", "a.configs"});
  ASSERT_TRUE(bool(Again));
  EXPECT_TRUE(Again->Constants.empty());
}

} // namespace
