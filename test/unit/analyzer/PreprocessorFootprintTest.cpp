//===- PreprocessorFootprintTest.cpp --------------------------------------===//

#include "analyzer/core/PreprocessorFootprint.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;

namespace {

/// Preprocesses \p Code with the footprint recorded.
class RecordingAction : public PreprocessOnlyAction {
protected:
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    bpftidy::recordFootprint(CI.getPreprocessor());
    return true;
  }
};

llvm::StringSet<> footprintOf(llvm::StringRef Code,
                              std::vector<std::string> Args = {}) {
  llvm::StringSet<> Names;
  bpftidy::setFootprintSink(&Names);
  EXPECT_TRUE(tooling::runToolOnCodeWithArgs(
      std::make_unique<RecordingAction>(), Code, Args, "input.c"));
  bpftidy::setFootprintSink(nullptr);
  return Names;
}

TEST(PreprocessorFootprint, NamesThatCanChangeTheText) {
  auto Names = footprintOf(R"c(
#ifdef ENABLE_IPV4
int v4;
#endif
#if defined(ENABLE_IPV6) || MTU > 1500
int v6;
#endif
#define SECLABEL 2
int label = SECLABEL + HOST_ID;
)c");
  for (const char *Name :
       {"ENABLE_IPV4", "ENABLE_IPV6", "MTU", "SECLABEL", "label", "HOST_ID"})
    EXPECT_TRUE(Names.contains(Name)) << Name;
}

// is_defined(X) pastes X before expanding it, so X never reaches the token
// stream; it still decides the text.
TEST(PreprocessorFootprint, PastedMacroArgumentsCount) {
  auto Names = footprintOf(R"c(
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define is_defined(x) ___is_defined(x)
int tail = is_defined(ENABLE_CT_TAILCALLS);
)c");
  EXPECT_TRUE(Names.contains("ENABLE_CT_TAILCALLS"));
}

TEST(PreprocessorFootprint, SkippedBlocksAndUnusedFlagsAreNot) {
  auto Names = footprintOf(R"c(
#if 0
int NEVER_SEEN;
#endif
int x;
)c",
                           {"-DENABLE_XDP"});
  EXPECT_FALSE(Names.contains("NEVER_SEEN"));
  EXPECT_FALSE(Names.contains("ENABLE_XDP"));
  EXPECT_TRUE(Names.contains("x"));
}

TEST(PreprocessorFootprint, NothingWithoutASink) {
  llvm::StringSet<> Unused;
  EXPECT_TRUE(tooling::runToolOnCode(std::make_unique<RecordingAction>(),
                                     "int x;", "input.c"));
  EXPECT_TRUE(Unused.empty());
}

} // namespace
