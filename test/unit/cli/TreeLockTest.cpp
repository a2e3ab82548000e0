//===- TreeLockTest.cpp ---------------------------------------------------===//

#include "cli/TreeLock.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

using namespace bpftidy;

namespace {

std::vector<AnalysisUnit> units(std::vector<std::string> Files) {
  std::vector<AnalysisUnit> Units;
  for (std::string &File : Files) {
    AnalysisUnit U;
    U.File = std::move(File);
    Units.push_back(std::move(U));
  }
  return Units;
}

TEST(TreeLock, CommonDirectoryIsTheDeepestHoldingEverySource) {
  EXPECT_EQ(commonDirectory(units({"/src/bpf/bpf_lxc.c"})), "/src/bpf");
  EXPECT_EQ(commonDirectory(units({"/src/bpf/bpf_lxc.c", "/src/bpf/x.c"})),
            "/src/bpf");
  EXPECT_EQ(commonDirectory(units({"/src/bpf/lib/a.c", "/src/bpf/bpf_lxc.c"})),
            "/src/bpf");
  // A whole component at a time: /src/bpf2 is not under /src/bpf.
  EXPECT_EQ(commonDirectory(units({"/src/bpf/a.c", "/src/bpf2/b.c"})), "/src");
  EXPECT_EQ(commonDirectory(units({"/a/x.c", "/b/y.c"})), "/");
}

TEST(TreeLock, ASecondLockOnTheTreeIsRefused) {
  llvm::SmallString<256> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tree-lock", Dir));
  {
    auto First = TreeLock::acquire(Dir);
    ASSERT_TRUE(bool(First));
    auto Second = TreeLock::acquire(Dir);
    ASSERT_FALSE(bool(Second));
    EXPECT_NE(llvm::toString(Second.takeError())
                  .find("another bpf-tidy --fix run holds the tree"),
              std::string::npos);
  }
  // Released with its holder.
  auto Again = TreeLock::acquire(Dir);
  EXPECT_TRUE(bool(Again));
  if (!Again)
    llvm::consumeError(Again.takeError());
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
