//===- ConventionOptionsTest.cpp ------------------------------------------===//

#include "analyzer/core/ConventionOptions.h"
#include "llvm/ADT/StringSet.h"
#include "gtest/gtest.h"
#include <map>

namespace bpftidy {
namespace {

const ConventionOption &option(llvm::StringRef Name) {
  for (const ConventionOption &O : conventionOptions())
    if (O.Name == Name)
      return O;
  ADD_FAILURE() << "no option " << Name.str();
  return conventionOptions().front();
}

TEST(ConventionOptionsTest, EveryOptionSetsOneFieldOfItsKind) {
  llvm::StringSet<> Names;
  for (const ConventionOption &O : conventionOptions()) {
    EXPECT_TRUE(Names.insert(O.Name).second) << O.Name.str();
    EXPECT_FALSE(O.Meaning.empty()) << O.Name.str();
    int Fields = bool(O.Text) + bool(O.Flag) + bool(O.Count) + bool(O.List) +
                 bool(O.Rules);
    EXPECT_EQ(Fields, 1) << O.Name.str();
  }
}

TEST(ConventionOptionsTest, DefaultsReadBackAsTheyPrint) {
  const Conventions Defaults;
  for (const ConventionOption &O : conventionOptions()) {
    Conventions Read;
    std::string Text = printOption(O, Defaults);
    EXPECT_EQ(readOption(O, Text, Read), std::nullopt) << O.Name.str();
    EXPECT_EQ(printOption(O, Read), Text) << O.Name.str();
  }
  EXPECT_EQ(printOption(option("DirectionMapping"), Defaults),
            "CT_EGRESS=METRIC_EGRESS;CT_INGRESS=METRIC_INGRESS");
}

TEST(ConventionOptionsTest, BadValuesSayWhatWasExpected) {
  Conventions C;
  auto Expect = [&](llvm::StringRef Name, llvm::StringRef Text,
                    llvm::StringRef Message) {
    std::optional<std::string> Error = readOption(option(Name), Text, C);
    ASSERT_TRUE(Error.has_value()) << Name.str() << " = " << Text.str();
    EXPECT_EQ(*Error, Message.str());
  };
  Expect("ColumnLimit", "abc", "expected an integer from 1 to 1000, got 'abc'");
  Expect("TabWidth", "-5", "expected an integer from 1 to 16, got '-5'");
  Expect("TabWidth", "0", "expected an integer from 1 to 16, got '0'");
  Expect("NegativeConstantsAreDrops", "maybe",
         "expected true or false, got 'maybe'");
  Expect("DropReasonPattern", "^DROP_(",
         "expected a regular expression, got '^DROP_(': parentheses not "
         "balanced");
  Expect("DirectionRules", "egress", "expected PATTERN=VALUE, got 'egress'");
  Expect("DirectionRules", "egress[=METRIC_EGRESS",
         "expected a regular expression before '=', got 'egress[': brackets "
         "([ ]) not balanced");
  std::optional<std::string> Preset =
      readOption(option("NotifyPreset"), "cilium-2099", C);
  ASSERT_TRUE(Preset.has_value());
  EXPECT_NE(Preset->find("expected auto, custom or a preset (cilium-"),
            std::string::npos)
      << *Preset;
  // A refused value leaves the conventions as they were.
  EXPECT_EQ(C.ColumnLimit, 80u);
  EXPECT_TRUE(C.NegativeConstantsAreDrops);
  EXPECT_EQ(C.NotifyPreset, "auto");
}

TEST(ConventionOptionsTest, GoodValuesAreRead) {
  Conventions C;
  EXPECT_EQ(readOption(option("NegativeConstantsAreDrops"), "false", C),
            std::nullopt);
  EXPECT_FALSE(C.NegativeConstantsAreDrops);
  EXPECT_EQ(readOption(option("NegativeConstantsAreDrops"), "1", C),
            std::nullopt);
  EXPECT_TRUE(C.NegativeConstantsAreDrops);
  EXPECT_EQ(readOption(option("TabWidth"), "4", C), std::nullopt);
  EXPECT_EQ(C.TabWidth, 4u);
  EXPECT_EQ(readOption(option("NotifyHelpers"), "a; b;;c", C), std::nullopt);
  EXPECT_EQ(C.NotifyHelpers, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(readOption(option("DirectionRules"), "^to-=METRIC_INGRESS", C),
            std::nullopt);
  ASSERT_EQ(C.DirectionRules.size(), 1u);
  EXPECT_EQ(C.DirectionRules[0].Value, "METRIC_INGRESS");
  // A mapping names constants; it is no regular expression.
  EXPECT_EQ(readOption(option("DirectionMapping"), "CT_X(=METRIC_EGRESS", C),
            std::nullopt);
}

// The check's own option first, then the one every bpf-* check shares; a
// bad value keeps the default and is named in full.
TEST(ConventionOptionsTest, OwnOptionsBeforeSharedOnes) {
  std::map<std::string, std::string> Own = {{"ColumnLimit", "100"},
                                            {"TabWidth", "zero"}};
  std::map<std::string, std::string> Shared = {{"ColumnLimit", "72"},
                                               {"ExitCode", "TC_ACT_SHOT"}};
  auto From = [](const std::map<std::string, std::string> &Map) {
    return [&Map](llvm::StringRef Name) -> std::optional<llvm::StringRef> {
      auto It = Map.find(Name.str());
      if (It == Map.end())
        return std::nullopt;
      return llvm::StringRef(It->second);
    };
  };
  std::vector<std::string> Invalid;
  Conventions Read = readConventions(
      "bpf-bare-drop-return", From(Own), From(Shared),
      [&](const std::string &Name, const std::string &Expected) {
        Invalid.push_back(Name + ": " + Expected);
      });
  EXPECT_EQ(Read.ColumnLimit, 100u);
  EXPECT_EQ(Read.ExitCode, "TC_ACT_SHOT");
  EXPECT_EQ(Read.TabWidth, Conventions().TabWidth);
  ASSERT_EQ(Invalid.size(), 1u);
  EXPECT_EQ(Invalid[0], "bpf-bare-drop-return.TabWidth: expected an integer "
                        "from 1 to 16, got 'zero'");
}

} // namespace
} // namespace bpftidy
