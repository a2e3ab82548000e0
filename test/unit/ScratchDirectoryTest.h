//===- ScratchDirectoryTest.h - a fixture with its own directory *- C++ -*-===//
//
// The fixture of the tests that write files: a fresh directory per test,
// removed after it, and helpers to name, write, read and list its files.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_TEST_UNIT_SCRATCHDIRECTORYTEST_H
#define BPF_TIDY_TEST_UNIT_SCRATCHDIRECTORYTEST_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <string>
#include <vector>

namespace bpftidy {

class ScratchDirectoryTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("bpf-tidy-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string file(llvm::StringRef Name) const {
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  std::string write(llvm::StringRef Name, llvm::StringRef Content) const {
    std::string P = file(Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << EC.message();
    OS << Content;
    return P;
  }
  static std::string read(llvm::StringRef P) {
    auto Buf = llvm::MemoryBuffer::getFile(P);
    return Buf ? (*Buf)->getBuffer().str() : "<unreadable>";
  }
  /// The names in the directory, sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> Names;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator I(Dir, EC), E; I != E && !EC;
         I.increment(EC))
      Names.push_back(llvm::sys::path::filename(I->path()).str());
    std::sort(Names.begin(), Names.end());
    return Names;
  }

  llvm::SmallString<128> Dir;
};

} // namespace bpftidy

#endif // BPF_TIDY_TEST_UNIT_SCRATCHDIRECTORYTEST_H
