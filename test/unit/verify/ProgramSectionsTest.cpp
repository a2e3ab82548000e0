//===- ProgramSectionsTest.cpp - types and tail-call slots from names -----===//

#include "verify/ProgramSections.h"

#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

TEST(ProgramSectionsTest, ChooseProgramType) {
  std::vector<ProgramTypeOverride> None;
  // libbpf's own guess stands when it has one.
  EXPECT_EQ(chooseProgramType("tc", BPF_PROG_TYPE_SCHED_CLS, None),
            BPF_PROG_TYPE_SCHED_CLS);
  // Sections libbpf does not know.
  EXPECT_EQ(chooseProgramType("from-container", BPF_PROG_TYPE_UNSPEC, None),
            BPF_PROG_TYPE_SCHED_CLS);
  EXPECT_EQ(chooseProgramType("2/7", BPF_PROG_TYPE_UNSPEC, None),
            BPF_PROG_TYPE_SCHED_CLS);
  EXPECT_EQ(chooseProgramType("xdp-entry", BPF_PROG_TYPE_UNSPEC, None),
            BPF_PROG_TYPE_XDP);
  EXPECT_EQ(
      chooseProgramType("1/3", BPF_PROG_TYPE_UNSPEC, None, BPF_PROG_TYPE_XDP),
      BPF_PROG_TYPE_XDP);

  // Overrides match the whole section name; the first match wins.
  std::vector<ProgramTypeOverride> Overrides = {
      *parseProgramTypeOverride("from-.*=xdp"),
      *parseProgramTypeOverride("from-container=sched_act"),
      *parseProgramTypeOverride("tc=xdp")};
  EXPECT_EQ(
      chooseProgramType("from-container", BPF_PROG_TYPE_UNSPEC, Overrides),
      BPF_PROG_TYPE_XDP);
  EXPECT_EQ(chooseProgramType("tc", BPF_PROG_TYPE_SCHED_CLS, Overrides),
            BPF_PROG_TYPE_XDP);
  EXPECT_EQ(
      chooseProgramType("xfrom-container", BPF_PROG_TYPE_UNSPEC, Overrides),
      BPF_PROG_TYPE_SCHED_CLS);
}

TEST(ProgramSectionsTest, ParseOverrideErrors) {
  EXPECT_EQ(toString(parseProgramTypeOverride("nothing").takeError()),
            "--prog-type 'nothing': expected SECTION_REGEX=TYPE");
  std::string Unknown =
      toString(parseProgramTypeOverride("a=kprobe").takeError());
  EXPECT_EQ(Unknown.rfind("--prog-type 'a=kprobe': unknown type 'kprobe'", 0),
            0u)
      << Unknown;
  std::string BadRegex =
      toString(parseProgramTypeOverride("a(=xdp").takeError());
  EXPECT_EQ(BadRegex.rfind("--prog-type 'a(=xdp': bad regex", 0), 0u)
      << BadRegex;
  // A regex may contain '=': the type follows the last one.
  Expected<ProgramTypeOverride> WithEq = parseProgramTypeOverride("a=b=tc");
  ASSERT_TRUE(bool(WithEq));
  EXPECT_EQ(WithEq->SectionPattern, "a=b");
  EXPECT_EQ(WithEq->Type, BPF_PROG_TYPE_SCHED_CLS);
}

TEST(ProgramSectionsTest, DropVerdicts) {
  EXPECT_EQ(dropVerdictFor(BPF_PROG_TYPE_SCHED_CLS), 2);
  EXPECT_EQ(dropVerdictFor(BPF_PROG_TYPE_XDP), 1);
  EXPECT_FALSE(dropVerdictFor(BPF_PROG_TYPE_SOCKET_FILTER));
  EXPECT_EQ(programTypeName(BPF_PROG_TYPE_SCHED_CLS), "sched_cls");
  EXPECT_EQ(programTypeByName("tc"), BPF_PROG_TYPE_SCHED_CLS);
}

} // namespace
