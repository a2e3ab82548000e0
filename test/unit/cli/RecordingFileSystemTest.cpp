//===- RecordingFileSystemTest.cpp ----------------------------------------===//

#include "cli/RecordingFileSystem.h"
#include "rewriters/EditSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace bpftidy;

namespace {

class RecordingFileSystemTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("snapshot", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(llvm::StringRef Name, llvm::StringRef Text,
                    bool Append = false) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(
        Path, EC, Append ? llvm::sys::fs::OF_Append : llvm::sys::fs::OF_None);
    OS << Text;
    return canonicalPath(Path);
  }

  llvm::IntrusiveRefCntPtr<RecordingFileSystem> makeFS() {
    return llvm::makeIntrusiveRefCnt<RecordingFileSystem>(
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
            llvm::vfs::createPhysicalFileSystem().release()),
        Log);
  }

  llvm::SmallString<256> Dir;
  std::shared_ptr<ReadLog> Log = std::make_shared<ReadLog>();
};

TEST_F(RecordingFileSystemTest, EveryUnitReadsTheFirstSnapshot) {
  std::string Path = write("a.c", "int a;\n");
  auto First = makeFS();
  auto Status = First->status(Path);
  ASSERT_TRUE(bool(Status));
  EXPECT_EQ(Status->getSize(), 7u);

  // Appended to after the first stat: a later unit, with a file system of
  // its own, still sees the text first read, size included.
  write("a.c", "int more;\n", /*Append=*/true);
  auto Second = makeFS();
  auto Buffer = Second->getBufferForFile(Path);
  ASSERT_TRUE(bool(Buffer));
  EXPECT_EQ((*Buffer)->getBuffer(), "int a;\n");
  EXPECT_EQ(Second->status(Path)->getSize(), 7u);
  EXPECT_EQ(Log->hashOf(Path), rewriters::contentHash("int a;\n"));
}

TEST_F(RecordingFileSystemTest, IdentityIsThePathsNotTheInodes) {
  std::string A = write("a.h", "a\n");
  auto FS = makeFS();
  auto StatusA = FS->status(A);
  ASSERT_TRUE(bool(StatusA));
  // Replaced by rename, as a fix or an editor does: the new file may get
  // any inode, even one another file had; its identity stays a.h's.
  std::string B = write("b.h", "b\n");
  ASSERT_FALSE(llvm::sys::fs::rename(B, A));
  auto Again = FS->status(A);
  ASSERT_TRUE(bool(Again));
  EXPECT_EQ(Again->getUniqueID(), StatusA->getUniqueID());
  std::string C = write("c.h", "c\n");
  EXPECT_NE(FS->status(C)->getUniqueID(), StatusA->getUniqueID());
}

TEST_F(RecordingFileSystemTest, DirectoriesPassThrough) {
  auto FS = makeFS();
  auto Status = FS->status(Dir);
  ASSERT_TRUE(bool(Status));
  EXPECT_TRUE(Status->isDirectory());
  EXPECT_EQ(Log->hashOf(Dir), std::nullopt);
}

} // namespace
