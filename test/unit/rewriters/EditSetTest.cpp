//===- EditSetTest.cpp ----------------------------------------------------===//

#include "rewriters/EditSet.h"
#include "support/AtomicFile.h"
#include "test/unit/ScratchDirectoryTest.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

using namespace bpftidy::rewriters;
using bpftidy::writeFileAtomically;
using clang::tooling::Replacement;
using llvm::StringRef;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;
using Result = EditSet::FileResult;

namespace {

using EditSetTest = bpftidy::ScratchDirectoryTest;

TEST(ContentHash, DistinguishesContents) {
  EXPECT_EQ(contentHash("return DROP_INVALID;"),
            contentHash("return DROP_INVALID;"));
  EXPECT_NE(contentHash("return DROP_INVALID;"),
            contentHash("return DROP_INVALID; "));
  EXPECT_NE(contentHash(""), contentHash(" "));
}

TEST_F(EditSetTest, IdenticalEditsMergeSilently) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "notify(DROP_INVALID)"), "cfg-egress");
  Set.add(Replacement(P, 7, 12, "notify(DROP_INVALID)"), "cfg-ingress");
  EXPECT_TRUE(Set.conflicts().empty());
  auto Merged = Set.mergedEdits();
  ASSERT_EQ(Merged.size(), 1u);
  EXPECT_EQ(Merged.begin()->first, P);
  EXPECT_EQ(Merged.begin()->second.size(), 1u);

  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::Written);
  EXPECT_EQ(Results[0].EditsApplied, 1u);
  EXPECT_EQ(Results[0].Message, "");
  EXPECT_EQ(read(P), "return notify(DROP_INVALID);\n");
}

TEST_F(EditSetTest, PathsAreNormalised) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  EditSet Set;
  Set.expectContent(P, contentHash("return DROP_INVALID;\n"));
  Set.add(Replacement(P, 7, 12, "X"), "one");
  Set.add(Replacement((Dir + "/./a.h").str(), 7, 12, "X"), "two");
  auto Merged = Set.mergedEdits();
  ASSERT_EQ(Merged.size(), 1u);
  EXPECT_EQ(Merged.begin()->second.size(), 1u);
}

TEST_F(EditSetTest, OverlappingEditsConflict) {
  std::string P = write("a.h", "int a = 1;\nint b = 2;\n");
  EditSet Set;
  Set.add(Replacement(P, 8, 1, "10"), "cfg1");
  Set.add(Replacement(P, 4, 5, "x = 3"), "cfg2");
  Set.add(Replacement(P, 19, 1, "20"), "cfg1");
  auto Conflicts = Set.conflicts();
  ASSERT_EQ(Conflicts.size(), 1u);
  // Listed in file order, each with the origin that proposed it.
  EXPECT_EQ(Conflicts[0].First.getOffset(), 4u);
  EXPECT_EQ(Conflicts[0].FirstOrigin, "cfg2");
  EXPECT_EQ(Conflicts[0].Second.getReplacementText(), "10");
  EXPECT_EQ(Conflicts[0].SecondOrigin, "cfg1");

  auto Merged = Set.mergedEdits();
  ASSERT_EQ(Merged[P].size(), 1u);
  EXPECT_EQ(Merged[P].begin()->getOffset(), 19u);

  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::Written);
  EXPECT_EQ(Results[0].EditsApplied, 1u);
  EXPECT_EQ(Results[0].Message, "1 conflicting edit pair(s) not applied");
  EXPECT_EQ(read(P), "int a = 1;\nint b = 20;\n");
}

TEST_F(EditSetTest, InsertionsAtOneOffset) {
  std::string P = write("a.h", "abc\n");
  EditSet Same;
  Same.add(Replacement(P, 1, 0, "X"), "one");
  Same.add(Replacement(P, 1, 0, "X"), "two");
  EXPECT_TRUE(Same.conflicts().empty());

  EditSet Different;
  Different.add(Replacement(P, 1, 0, "X"), "one");
  Different.add(Replacement(P, 1, 0, "Y"), "two");
  EXPECT_EQ(Different.conflicts().size(), 1u);
  EXPECT_TRUE(Different.mergedEdits().empty());

  // Inside a replaced range: a conflict; at its edges: both apply.
  EditSet Inside;
  Inside.add(Replacement(P, 0, 3, "xyz"), "one");
  Inside.add(Replacement(P, 2, 0, "!"), "two");
  EXPECT_EQ(Inside.conflicts().size(), 1u);

  EditSet Edges;
  Edges.add(Replacement(P, 0, 0, "<"), "one");
  Edges.add(Replacement(P, 0, 3, "xyz"), "two");
  Edges.add(Replacement(P, 3, 0, ">"), "three");
  EXPECT_TRUE(Edges.conflicts().empty());
  auto Results = Edges.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::Written);
  EXPECT_EQ(Results[0].EditsApplied, 3u);
  EXPECT_EQ(read(P), "<xyz>\n");
}

TEST_F(EditSetTest, EveryEditInConflictRefusesTheFile) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "notify(METRIC_INGRESS)"), "ingress");
  Set.add(Replacement(P, 7, 12, "notify(METRIC_EGRESS)"), "egress");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedConflict);
  EXPECT_EQ(Results[0].EditsApplied, 0u);
  EXPECT_EQ(read(P), "return DROP_INVALID;\n");
}

TEST_F(EditSetTest, ChangedSinceAnalysedIsRefusedWhole) {
  std::string Analysed = "return DROP_INVALID;\n";
  std::string P = write("a.h", Analysed);
  std::string Q = write("b.h", Analysed);
  EditSet Set;
  Set.expectContent(P, contentHash(Analysed));
  Set.expectContent(Q, contentHash(Analysed));
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  Set.add(Replacement(Q, 7, 12, "X"), "cfg");
  write("a.h", "return DROP_INVALID; /* edited */\n");

  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 2u);
  EXPECT_EQ(Results[0].Path, P);
  EXPECT_EQ(Results[0].State, Result::RefusedChanged);
  EXPECT_EQ(Results[0].Message, "file changed since it was analysed");
  EXPECT_EQ(read(P), "return DROP_INVALID; /* edited */\n");
  // The other file is still fixed.
  EXPECT_EQ(Results[1].State, Result::Written);
  EXPECT_EQ(read(Q), "return X;\n");
}

TEST_F(EditSetTest, BaselineIsTheTextAtTheFirstEdit) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  write("a.h", "return DROP_INVALID;;\n");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedChanged);
  EXPECT_EQ(read(P), "return DROP_INVALID;;\n");
}

TEST_F(EditSetTest, OriginsThatSawDifferentTextsAreRefused) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  EditSet Set;
  Set.expectContent(P, contentHash("return DROP_INVALID;\n"));
  Set.expectContent(P, contentHash("something else\n"));
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedChanged);
  EXPECT_EQ(read(P), "return DROP_INVALID;\n");
}

TEST_F(EditSetTest, RemovedFileIsRefused) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  fs::remove(P);
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedChanged);
  EXPECT_FALSE(fs::exists(P));
}

TEST_F(EditSetTest, EditPastTheEndIsRefused) {
  std::string P = write("a.h", "abc");
  EditSet Set;
  Set.add(Replacement(P, 2, 5, "X"), "cfg");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedChanged);
  EXPECT_EQ(read(P), "abc");
}

TEST_F(EditSetTest, DirectoryInsteadOfFileIsRefusedWrite) {
  std::string P = file("sub");
  ASSERT_FALSE(fs::create_directory(P));
  EditSet Set;
  Set.expectContent(P, contentHash(""));
  Set.add(Replacement(P, 0, 0, "X"), "cfg");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedWrite);
  EXPECT_NE(Results[0].Message.find("cannot read file"), std::string::npos)
      << Results[0].Message;
  EXPECT_TRUE(fs::is_directory(P));
}

TEST_F(EditSetTest, KeepsModeAndLeavesNoTemporaryFile) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  ASSERT_FALSE(fs::setPermissions(P, fs::perms(0640)));
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::Written);
  fs::file_status St;
  ASSERT_FALSE(fs::status(P, St));
  EXPECT_EQ(St.permissions(), fs::perms(0640));
  EXPECT_EQ(entries(), std::vector<std::string>{"a.h"});
}

TEST_F(EditSetTest, KeepsOwner) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  if (::chown(P.c_str(), 4242, 4343) != 0)
    GTEST_SKIP() << "cannot give the file to another user here";
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  ASSERT_EQ(Set.apply()[0].State, Result::Written);
  fs::file_status St;
  ASSERT_FALSE(fs::status(P, St));
  EXPECT_EQ(St.getUser(), 4242u);
  EXPECT_EQ(St.getGroup(), 4343u);
}

TEST_F(EditSetTest, NewFileGetsTheUsualMode) {
  mode_t Mask = ::umask(022);
  llvm::Error E = writeFileAtomically(file("new.h"), "int x;\n");
  ::umask(Mask);
  ASSERT_FALSE(bool(E));
  fs::file_status St;
  ASSERT_FALSE(fs::status(file("new.h"), St));
  EXPECT_EQ(St.permissions(), fs::perms(0644));
}

TEST_F(EditSetTest, FollowsSymlinksToTheTarget) {
  std::string Target = write("real.h", "return DROP_INVALID;\n");
  ASSERT_FALSE(fs::create_directory(file("links")));
  std::string Link = file("links/link.h");
  ASSERT_FALSE(fs::create_link(Target, Link));
  EditSet Set;
  Set.add(Replacement(Link, 7, 12, "X"), "cfg");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::Written);
  EXPECT_EQ(Results[0].Path, Link);
  EXPECT_TRUE(fs::is_symlink_file(Link));
  EXPECT_EQ(read(Target), "return X;\n");
  // The temporary file was made next to the target, not the link.
  EXPECT_EQ(entries(), (std::vector<std::string>{"links", "real.h"}));
}

TEST_F(EditSetTest, WriteIntoMissingDirectoryFails) {
  llvm::Error E = writeFileAtomically(file("gone/a.h"), "x");
  ASSERT_TRUE(bool(E));
  std::string Msg = llvm::toString(std::move(E));
  EXPECT_NE(Msg.find("No such file or directory"), std::string::npos) << Msg;
  EXPECT_FALSE(fs::exists(file("gone")));
}

TEST_F(EditSetTest, WriteCreatesAMissingFile) {
  ASSERT_FALSE(bool(writeFileAtomically(file("new.h"), "int x;\n")));
  EXPECT_EQ(read(file("new.h")), "int x;\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"new.h"});
}

// Root ignores file modes, so a read-only file system provokes the failure.
TEST_F(EditSetTest, ReadOnlyMountIsRefusedWrite) {
  std::string Sub = file("ro");
  ASSERT_FALSE(fs::create_directory(Sub));
  std::string P = write("ro/a.h", "return DROP_INVALID;\n");
  std::string Mount = "mount --bind '" + Sub + "' '" + Sub +
                      "' 2>/dev/null && mount -o remount,bind,ro '" + Sub +
                      "' 2>/dev/null";
  if (std::system(Mount.c_str()) != 0) {
    std::system(("umount '" + Sub + "' 2>/dev/null").c_str());
    GTEST_SKIP() << "cannot make a read-only bind mount here";
  }
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  auto Results = Set.apply();
  std::system(("umount '" + Sub + "'").c_str());
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedWrite);
  EXPECT_NE(Results[0].Message.find("Read-only file system"), std::string::npos)
      << Results[0].Message;
  EXPECT_EQ(read(P), "return DROP_INVALID;\n");
}

// An immutable file can be read and a temporary made beside it, but not
// replaced: the rename fails and the temporary must go.
TEST_F(EditSetTest, ImmutableFileIsRefusedAndTemporaryRemoved) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  if (std::system(("chattr +i '" + P + "' 2>/dev/null").c_str()) != 0)
    GTEST_SKIP() << "chattr +i is not available here";
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  auto Results = Set.apply();
  std::system(("chattr -i '" + P + "'").c_str());
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedWrite);
  EXPECT_NE(Results[0].Message.find("(replacing the file)"), std::string::npos)
      << Results[0].Message;
  EXPECT_EQ(read(P), "return DROP_INVALID;\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"a.h"});
}

TEST_F(EditSetTest, FileWithOtherHardLinksIsRefused) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  ASSERT_FALSE(fs::create_hard_link(P, file("b.h")));
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedLinked);
  EXPECT_NE(Results[0].Message.find("it has 2 hard links"), std::string::npos)
      << Results[0].Message;
  EXPECT_EQ(read(P), "return DROP_INVALID;\n");
}

TEST_F(EditSetTest, HardLinksInPlaceEditsEveryName) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  ASSERT_FALSE(fs::create_hard_link(P, file("b.h")));
  EditSet Set;
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  auto Results = Set.apply(EditSet::HardLinks::InPlace);
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::Written);
  EXPECT_EQ(read(file("b.h")), "return X;\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"a.h", "b.h"}));
}

TEST_F(EditSetTest, AnotherFileWithTheSameTextIsRefused) {
  std::string P = write("a.h", "return DROP_INVALID;\n");
  fs::UniqueID Analysed;
  ASSERT_FALSE(fs::getUniqueID(P, Analysed));
  EditSet Set;
  Set.expectIdentity(P, Analysed);
  Set.add(Replacement(P, 7, 12, "X"), "cfg");
  // Same text, new inode: not the file that was analysed.
  std::string Copy = write("copy.h", "return DROP_INVALID;\n");
  ASSERT_FALSE(fs::rename(Copy, P));
  auto Results = Set.apply();
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].State, Result::RefusedChanged);
  EXPECT_NE(Results[0].Message.find("another file is at its path now"),
            std::string::npos)
      << Results[0].Message;
  EXPECT_EQ(read(P), "return DROP_INVALID;\n");
}

} // namespace
