//===- SamePreprocessingTest.cpp ------------------------------------------===//

#include "cli/SamePreprocessing.h"
#include "gtest/gtest.h"

using namespace bpftidy;

namespace {

AnalysisUnit unit(std::vector<std::string> Flags,
                  std::string File = "/src/bpf_lxc.c") {
  AnalysisUnit U;
  U.File = File;
  U.Command.Directory = "/src";
  U.Command.Filename = File;
  U.Command.CommandLine = {"clang", "-target", "bpf"};
  U.Command.CommandLine.insert(U.Command.CommandLine.end(), Flags.begin(),
                               Flags.end());
  U.Command.CommandLine.push_back(File);
  return U;
}

llvm::StringSet<> footprint(std::initializer_list<const char *> Names) {
  llvm::StringSet<> Set;
  for (const char *Name : Names)
    Set.insert(Name);
  return Set;
}

TEST(SamePreprocessing, FlagsOfUnusedNamesDoNotMatter) {
  auto Used = footprint({"ENABLE_IPV4", "ENABLE_IPV6", "ctx"});
  EXPECT_TRUE(preprocessesAlike(unit({"-DENABLE_IPV4"}), Used,
                                unit({"-DENABLE_IPV4", "-DENABLE_XDP"})));
  EXPECT_TRUE(preprocessesAlike(unit({"-DENABLE_IPV4", "-D", "HOST=1"}), Used,
                                unit({"-DENABLE_IPV4"})));
  // -U of a name nobody defined leaves it as it was.
  EXPECT_TRUE(preprocessesAlike(unit({"-DENABLE_IPV4"}), Used,
                                unit({"-DENABLE_IPV4", "-UENABLE_IPV6"})));
}

TEST(SamePreprocessing, FlagsOfUsedNamesMatter) {
  auto Used = footprint({"ENABLE_IPV4", "ENABLE_IPV6", "MTU"});
  EXPECT_FALSE(preprocessesAlike(unit({"-DENABLE_IPV4"}), Used,
                                 unit({"-DENABLE_IPV4", "-DENABLE_IPV6"})));
  EXPECT_FALSE(
      preprocessesAlike(unit({"-DMTU=1500"}), Used, unit({"-DMTU=9000"})));
  EXPECT_FALSE(preprocessesAlike(unit({"-DENABLE_IPV4"}), Used,
                                 unit({"-UENABLE_IPV4"})));
  // -DNAME is NAME=1.
  EXPECT_TRUE(preprocessesAlike(unit({"-DMTU"}), Used, unit({"-DMTU=1"})));
}

TEST(SamePreprocessing, OtherFlagsAndFilesMustBeEqual) {
  auto Used = footprint({"ENABLE_IPV4"});
  EXPECT_FALSE(preprocessesAlike(unit({"-I", "a"}), Used, unit({"-I", "b"})));
  EXPECT_FALSE(preprocessesAlike(unit({}), Used, unit({}, "/src/bpf_host.c")));
  // Outputs and dependency files change nothing that is parsed.
  EXPECT_TRUE(preprocessesAlike(unit({"-o", "a.o", "-MD", "-MF", "a.d"}), Used,
                                unit({"-o", "b.o", "-MD", "-MF", "b.d"})));
  // Nothing recorded: nothing can be shared.
  EXPECT_FALSE(preprocessesAlike(unit({}), llvm::StringSet<>(), unit({})));
}

} // namespace
