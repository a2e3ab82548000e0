//===- RemoveOnSignalTest.cpp ---------------------------------------------===//
//
// Each test forks: the child registers paths and receives a real signal;
// the parent checks how it died and what is left. Not SIGINT where death is
// expected: lit's workers ignore it, and an ignored signal stays ignored.
//
//===----------------------------------------------------------------------===//

#include "support/RemoveOnSignal.h"
#include "support/AtomicFile.h"
#include "test/unit/ScratchDirectoryTest.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace bpftidy;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

class RemoveOnSignalTest : public ScratchDirectoryTest {
protected:
  /// Runs \p Child in a child process; returns its wait status.
  template <typename Fn> static int inChild(Fn Child) {
    pid_t Pid = ::fork();
    if (Pid == 0) {
      Child();
      ::_exit(0);
    }
    int Status = 0;
    ::waitpid(Pid, &Status, 0);
    return Status;
  }
};

TEST_F(RemoveOnSignalTest, RemovesATreeAndDiesOfTheSignal) {
  std::string Tree = file("scratch");
  int Status = inChild([&] {
    fs::create_directories(Tree + "/before/lib/deep");
    std::ofstream(Tree + "/before/lib/deep/a.h") << "x";
    std::ofstream(Tree + "/findings.json") << "{}";
    fs::create_link("../findings.json", Tree + "/before/link");
    removeOnSignal(Tree);
    ::raise(SIGTERM);
  });
  ASSERT_TRUE(WIFSIGNALED(Status));
  EXPECT_EQ(WTERMSIG(Status), SIGTERM);
  EXPECT_FALSE(fs::exists(Tree));
}

TEST_F(RemoveOnSignalTest, RemovesTheTemporaryFileOfAReplacement) {
  std::string Target = file("report.json");
  std::ofstream(Target) << "old";
  int Status = inChild([&] {
    auto File = AtomicFile::begin(Target);
    if (!File || File->write("half a report"))
      ::_exit(3);
    ::raise(SIGTERM);
  });
  ASSERT_TRUE(WIFSIGNALED(Status));
  EXPECT_EQ(WTERMSIG(Status), SIGTERM);
  EXPECT_EQ(entries(), std::vector<std::string>{"report.json"});
}

TEST_F(RemoveOnSignalTest, KeptPathsStay) {
  std::string Kept = file("kept");
  int Status = inChild([&] {
    std::ofstream(Kept) << "x";
    removeOnSignal(Kept);
    keepOnSignal(Kept);
    ::raise(SIGHUP);
  });
  ASSERT_TRUE(WIFSIGNALED(Status));
  EXPECT_TRUE(fs::exists(Kept));
}

TEST_F(RemoveOnSignalTest, AnIgnoredSignalStaysIgnoredAndRemovesNothing) {
  std::string Kept = file("kept");
  int Status = inChild([&] {
    ::signal(SIGINT, SIG_IGN);
    std::ofstream(Kept) << "x";
    installRemoveOnSignal();
    removeOnSignal(Kept);
    ::raise(SIGINT);
  });
  ASSERT_TRUE(WIFEXITED(Status));
  EXPECT_EQ(WEXITSTATUS(Status), 0);
  EXPECT_TRUE(fs::exists(Kept));
}

} // namespace
