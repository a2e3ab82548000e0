//===- AtomicFileTest.cpp -------------------------------------------------===//

#include "support/AtomicFile.h"
#include "test/unit/ScratchDirectoryTest.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace bpftidy;
using llvm::StringRef;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

class AtomicFileTest : public ScratchDirectoryTest {
protected:
  static fs::UniqueID idOf(StringRef P) {
    fs::UniqueID ID;
    EXPECT_FALSE(fs::getUniqueID(P, ID));
    return ID;
  }
};

TEST_F(AtomicFileTest, NothingChangesUntilCommit) {
  std::string P = write("a.json", "old\n");
  auto File = AtomicFile::begin(P);
  ASSERT_TRUE(bool(File)) << llvm::toString(File.takeError());
  ASSERT_FALSE(bool(File->write("new report\n")));
  EXPECT_EQ(read(P), "old\n");
  EXPECT_EQ(entries().size(), 2u); // the file and the temporary file
  ASSERT_FALSE(bool(File->commit()));
  EXPECT_EQ(read(P), "new report\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"a.json"});
}

TEST_F(AtomicFileTest, AbandonedReplacementLeavesNoTrace) {
  std::string P = write("a.json", "old\n");
  {
    auto File = AtomicFile::begin(P);
    ASSERT_TRUE(bool(File));
    ASSERT_FALSE(bool(File->write("new\n")));
  }
  EXPECT_EQ(read(P), "old\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"a.json"});
}

TEST_F(AtomicFileTest, RewritingShorterKeepsOnlyTheNewText) {
  std::string P = file("a.json");
  auto File = AtomicFile::begin(P);
  ASSERT_TRUE(bool(File));
  ASSERT_FALSE(bool(File->write("{\"fixed\": false, \"count\": 0}\n")));
  ASSERT_FALSE(bool(File->write("{\"fixed\": true}\n")));
  ASSERT_FALSE(bool(File->commit()));
  EXPECT_EQ(read(P), "{\"fixed\": true}\n");
}

TEST_F(AtomicFileTest, ReplacedFileIsRefusedAtCommit) {
  std::string P = write("a.c", "old\n");
  auto File = AtomicFile::begin(P);
  ASSERT_TRUE(bool(File));
  ASSERT_FALSE(bool(File->write("new\n")));
  // Another file takes the name between begin() and commit().
  std::string Other = write("other.c", "someone else's\n");
  ASSERT_FALSE(fs::rename(Other, P));
  llvm::Error E = File->commit();
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("another file is at its path"),
            std::string::npos);
  EXPECT_EQ(read(P), "someone else's\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"a.c"});
}

TEST_F(AtomicFileTest, FileSwappedForASymlinkIsRefusedAtCommit) {
  std::string P = write("a.c", "old\n");
  std::string Copy = write("copy.c", "old\n");
  auto File = AtomicFile::begin(P);
  ASSERT_TRUE(bool(File));
  ASSERT_FALSE(bool(File->write("new\n")));
  ASSERT_FALSE(fs::remove(P));
  ASSERT_FALSE(fs::create_link("copy.c", P));
  EXPECT_TRUE(bool(File->commit()));
  EXPECT_EQ(read(Copy), "old\n");
  EXPECT_TRUE(fs::is_symlink_file(P));
}

TEST_F(AtomicFileTest, BeginRefusesAnotherFileThanTheOneRead) {
  std::string P = write("a.c", "old\n");
  fs::UniqueID Read = idOf(P);
  std::string Other = write("other.c", "old\n");
  ASSERT_FALSE(fs::rename(Other, P));
  auto File = AtomicFile::begin(P, Read);
  ASSERT_FALSE(bool(File));
  EXPECT_NE(llvm::toString(File.takeError()).find("another file"),
            std::string::npos);
}

TEST_F(AtomicFileTest, KeepsExtendedAttributes) {
  std::string P = write("a.c", "old\n");
  if (::setxattr(P.c_str(), "user.origin", "kept", 4, 0) != 0)
    GTEST_SKIP() << "no user extended attributes on this file system";
  ASSERT_FALSE(bool(writeFileAtomically(P, "new\n")));
  char Value[16] = {};
  ssize_t Length = ::getxattr(P.c_str(), "user.origin", Value, sizeof Value);
  ASSERT_EQ(Length, 4);
  EXPECT_EQ(StringRef(Value, Length), "kept");
}

TEST_F(AtomicFileTest, InPlaceKeepsTheInodeForEveryLink) {
  std::string P = write("a.c", "return DROP_INVALID;\n");
  std::string Link = file("link.c");
  ASSERT_FALSE(fs::create_hard_link(P, Link));
  fs::UniqueID Before = idOf(P);
  auto File = AtomicFile::begin(P, Before);
  ASSERT_TRUE(bool(File));
  StringRef New = "return notify(DROP_INVALID);\n";
  ASSERT_FALSE(bool(File->write(New)));
  ASSERT_FALSE(bool(File->commitInPlace(New, "return DROP_INVALID;\n")));
  EXPECT_EQ(idOf(P), Before);
  EXPECT_EQ(read(Link), New.str());
  EXPECT_EQ(entries(), (std::vector<std::string>{"a.c", "link.c"}));
}

TEST_F(AtomicFileTest, InPlaceShrinksTheFile) {
  std::string P = write("a.c", "a long old text\n");
  auto File = AtomicFile::begin(P);
  ASSERT_TRUE(bool(File));
  ASSERT_FALSE(bool(File->write("short\n")));
  ASSERT_FALSE(bool(File->commitInPlace("short\n", "a long old text\n")));
  EXPECT_EQ(read(P), "short\n");
}

TEST(PrefixError, KeepsTheCodeAndPutsTheSubjectFirst) {
  llvm::Error E = prefixError(
      "cannot write --output 'x': ",
      llvm::createStringError(std::errc::no_space_on_device, "full"));
  std::error_code EC;
  std::string Message;
  llvm::handleAllErrors(std::move(E), [&](const llvm::ErrorInfoBase &Info) {
    EC = Info.convertToErrorCode();
    Message = Info.message();
  });
  EXPECT_EQ(EC, std::errc::no_space_on_device);
  EXPECT_EQ(Message, "cannot write --output 'x': full");
  EXPECT_FALSE(bool(prefixError("x", llvm::Error::success())));
}

} // namespace
