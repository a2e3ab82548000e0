//===- TypeDecodersTest.cpp - record layouts from BTF and DWARF -----------===//

#include "verify/BtfLayouts.h"
#include "verify/DwarfLayouts.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <bpf/btf.h>

using namespace bpftidy::verify;
using namespace llvm;

namespace {

void expectField(const RecordLayout &L, StringRef Name, uint32_t BitOffset,
                 uint32_t BitSize, bool Signed) {
  const FieldLayout *F = L.find(Name);
  ASSERT_NE(F, nullptr) << "no field " << Name.str();
  EXPECT_EQ(F->BitOffset, BitOffset) << Name.str();
  EXPECT_EQ(F->BitSize, BitSize) << Name.str();
  EXPECT_EQ(F->Signed, Signed) << Name.str();
}

TEST(BtfLayoutsTest, BitfieldsTypedefsAndEnums) {
  struct btf *Btf = btf__new_empty();
  ASSERT_NE(Btf, nullptr);
  int U8 = btf__add_int(Btf, "unsigned char", 1, 0);
  int S16 = btf__add_int(Btf, "short", 2, BTF_INT_SIGNED);
  int Typedef = btf__add_typedef(Btf, "__u8", U8);
  int Const = btf__add_const(Btf, Typedef);
  int Key = btf__add_struct(Btf, "metrics_key", 4);
  ASSERT_GT(Key, 0);
  ASSERT_EQ(btf__add_field(Btf, "reason", Const, 0, 0), 0);
  ASSERT_EQ(btf__add_field(Btf, "pad", Typedef, 8, 6), 0);
  ASSERT_EQ(btf__add_field(Btf, "dir", Typedef, 14, 2), 0);
  ASSERT_EQ(btf__add_field(Btf, "line", S16, 16, 0), 0);
  ASSERT_GT(btf__add_enum(Btf, "notify", 4), 0);
  ASSERT_EQ(btf__add_enum_value(Btf, "NOTIFY_DROP", 7), 0);

  std::optional<RecordLayout> L = recordLayoutFromBtf(Btf, "metrics_key");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->ByteSize, 4u);
  expectField(*L, "reason", 0, 8, false);
  expectField(*L, "dir", 14, 2, false);
  expectField(*L, "line", 16, 16, true);
  EXPECT_FALSE(recordLayoutFromBtf(Btf, "drop_notify"));
  EXPECT_EQ(enumeratorFromBtf(Btf, "NOTIFY_DROP"), 7);
  EXPECT_EQ(enumeratorFromBtf(Btf, "NOTIFY_TRACE"), std::nullopt);
  btf__free(Btf);
}

/// A BPF object built from \p Source with -g; empty when clang fails.
std::string buildObject(StringRef Dir, StringRef Source) {
  SmallString<256> C(Dir), O(Dir);
  sys::path::append(C, "types.c");
  sys::path::append(O, "types.o");
  {
    std::error_code EC;
    raw_fd_ostream OS(C, EC);
    OS << Source;
  }
  std::string Clang = BPF_TIDY_CLANG;
  std::vector<StringRef> Args = {Clang, "-target", "bpf", "-O2", "-g",
                                 "-c",  C,         "-o",  O};
  if (sys::ExecuteAndWait(Clang, Args) != 0)
    return "";
  return std::string(O);
}

// A record that is only a local variable (DWARF only), its fields out of
// any conventional order, a nested struct, bitfields and an enum; and a
// map key type that BTF has because a global uses it.
constexpr const char *TypesSource = R"(
enum notify { NOTIFY_TRACE = 4, NOTIFY_DROP = 7, NOTIFY_NEG = -2 };
struct hdr { unsigned char type; signed char code; };
struct drop_notify {
  unsigned short line;
  struct hdr hdr;
  unsigned int pad:3, dir:2, rest:27;
  int reason;
  enum notify kind;
};
struct metrics_key { unsigned char reason; unsigned char pad:6, dir:2; };
struct metrics_key global_key;
extern void sink(void *p, unsigned long n);
int notify(int line) {
  struct drop_notify msg = { .line = line, .hdr = { NOTIFY_DROP, -1 },
                             .dir = 2, .reason = -134, .kind = NOTIFY_NEG };
  sink(&msg, sizeof(msg));
  return global_key.reason;
}
)";

class CompiledObjectTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("type-decoders", Dir));
    Object = buildObject(Dir, TypesSource);
    ASSERT_FALSE(Object.empty()) << "clang failed to build the test object";
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }
  SmallString<256> Dir;
  std::string Object;
};

TEST_F(CompiledObjectTest, DwarfHasTheLocalOnlyRecord) {
  Expected<std::unique_ptr<DwarfTypes>> Dwarf = DwarfTypes::open(Object);
  ASSERT_TRUE(bool(Dwarf)) << toString(Dwarf.takeError());
  std::optional<RecordLayout> L = (*Dwarf)->record("drop_notify");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->ByteSize, 16u);
  expectField(*L, "line", 0, 16, false);
  expectField(*L, "hdr.type", 16, 8, false);
  expectField(*L, "hdr.code", 24, 8, true);
  expectField(*L, "pad", 32, 3, false);
  expectField(*L, "dir", 35, 2, false);
  expectField(*L, "reason", 64, 32, true);
  expectField(*L, "kind", 96, 32, true);
  EXPECT_EQ((*Dwarf)->enumerator("NOTIFY_DROP"), 7);
  EXPECT_EQ((*Dwarf)->enumerator("NOTIFY_NEG"), -2);
  EXPECT_EQ((*Dwarf)->enumerator("NOTIFY_NONE"), std::nullopt);
  EXPECT_FALSE((*Dwarf)->record("no_such_record"));
}

TEST_F(CompiledObjectTest, BtfHasOnlyWhatMapsAndGlobalsUse) {
  struct btf *Btf = btf__parse_elf(Object.c_str(), nullptr);
  ASSERT_NE(Btf, nullptr);
  EXPECT_FALSE(recordLayoutFromBtf(Btf, "drop_notify"));
  std::optional<RecordLayout> Key = recordLayoutFromBtf(Btf, "metrics_key");
  ASSERT_TRUE(Key);
  expectField(*Key, "reason", 0, 8, false);
  expectField(*Key, "dir", 14, 2, false);
  btf__free(Btf);
  // DWARF agrees on the key.
  Expected<std::unique_ptr<DwarfTypes>> Dwarf = DwarfTypes::open(Object);
  ASSERT_TRUE(bool(Dwarf)) << toString(Dwarf.takeError());
  std::optional<RecordLayout> FromDwarf = (*Dwarf)->record("metrics_key");
  ASSERT_TRUE(FromDwarf);
  expectField(*FromDwarf, "dir", 14, 2, false);
}

TEST(DwarfLayoutsTest, UnreadableObjectsAreErrors) {
  Expected<std::unique_ptr<DwarfTypes>> Missing =
      DwarfTypes::open("/nonexistent/object.o");
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(toString(Missing.takeError()).find("cannot read"),
            std::string::npos);
}

} // namespace
