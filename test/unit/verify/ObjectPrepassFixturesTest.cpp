//===- ObjectPrepassFixturesTest.cpp - the pre-pass on real objects -------===//
//
// Builds the convention fixtures (test/verify/Inputs/conventions) with clang
// and checks the pre-pass's output where loading is not possible: the ELF
// as read back, the BTF, and libbpf 1.x opening it (which needs no
// privilege). The loading tests (test/verify/*.test) prove the rest.
//
//===----------------------------------------------------------------------===//

#include "verify/BtfCopy.h"
#include "verify/ElfObject.h"
#include "verify/ObjectPrepass.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "gtest/gtest.h"
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cstring>

using namespace bpftidy::verify;
using namespace llvm;
using namespace llvm::ELF;

namespace {

/// The object built from fixture \p Stem, or "" when clang failed.
std::string buildFixture(StringRef Stem) {
  SmallString<128> Object;
  if (sys::fs::createTemporaryFile(Stem, "o", Object))
    return "";
  std::string Source =
      (Twine(BPF_TIDY_CONVENTIONS_DIR) + "/" + Stem + ".c").str();
  std::string Clang = BPF_TIDY_CLANG;
  std::vector<StringRef> Args = {
      Clang, "-target", "bpf", "-O2", "-g", "-I/usr/include/x86_64-linux-gnu",
      "-c",  Source,    "-o",  Object};
  int Rc = sys::ExecuteAndWait(Clang, Args);
  auto Bytes = MemoryBuffer::getFile(Object, false, false);
  sys::fs::remove(Object);
  if (Rc != 0 || !Bytes)
    return "";
  return (*Bytes)->getBuffer().str();
}

PrepassResult prepass(StringRef Bytes, const AgentConstantValues &Set = {}) {
  PrepassOptions Options;
  Options.Constants = Set;
  Expected<PrepassResult> R = prepassObject(Bytes, "fixture.o", Options);
  if (!R) {
    ADD_FAILURE() << toString(R.takeError());
    return {};
  }
  return std::move(*R);
}

ElfObject readBack(const std::string &Image) {
  Expected<ElfObject> O = ElfObject::read(Image, "prepared.o");
  if (!O) {
    ADD_FAILURE() << toString(O.takeError());
    return {};
  }
  return std::move(*O);
}

/// Whether libbpf opens \p Image (what failed before the pre-pass).
bool libbpfOpens(const std::string &Image) {
  libbpf_set_print(nullptr);
  bpf_object_open_opts Opts{};
  Opts.sz = sizeof(Opts);
  bpf_object *O = bpf_object__open_mem(Image.data(), Image.size(), &Opts);
  if (!O)
    return false;
  bpf_object__close(O);
  return true;
}

const ElfSymbol *symbol(const ElfObject &O, StringRef Name) {
  for (const ElfSymbol &S : O.Symbols)
    if (S.Name == Name)
      return &S;
  return nullptr;
}

void expectLocalsFirst(const ElfObject &O) {
  bool SeenGlobal = false;
  for (const ElfSymbol &S : O.Symbols) {
    SeenGlobal |= !S.isLocal();
    EXPECT_FALSE(SeenGlobal && S.isLocal()) << S.Name << " after a global";
  }
}

#define BUILD_OR_SKIP(Var, Stem)                                               \
  std::string Var = buildFixture(Stem);                                        \
  if (Var.empty())                                                             \
    GTEST_SKIP() << "clang could not build " << (Stem);

TEST(ObjectPrepassFixturesTest, LegacyMapsJoinTheBtfMaps) {
  BUILD_OR_SKIP(Bytes, "legacy_maps");
  EXPECT_FALSE(libbpfOpens(Bytes));
  PrepassResult R = prepass(Bytes);
  ASSERT_TRUE(R.Rewritten);
  ASSERT_EQ(R.LegacyMaps.size(), 2u);
  EXPECT_EQ(R.MapIds.mapWithId(2), std::optional<std::string>("test_calls"));
  EXPECT_EQ(R.MapIds.idOf("test_counters"), std::optional<uint32_t>(5));
  EXPECT_TRUE(libbpfOpens(R.Image));

  ElfObject O = readBack(R.Image);
  EXPECT_FALSE(O.findSection("maps"));
  std::optional<unsigned> Maps = O.findSection(".maps");
  ASSERT_TRUE(Maps);
  expectLocalsFirst(O);
  for (StringRef Name : {"test_state", "test_calls", "test_counters"}) {
    const ElfSymbol *S = symbol(O, Name);
    ASSERT_TRUE(S) << Name.str();
    EXPECT_EQ(S->Sym.st_shndx, *Maps) << Name.str();
    EXPECT_FALSE(S->isLocal()) << Name.str();
  }
  // The static counter was reached through the section symbol: now
  // through its own.
  for (const ElfSection &S : O.Sections)
    for (const ElfRelocation &Rel : S.Relocations)
      EXPECT_NE(O.Symbols[Rel.Symbol].Sym.getType() == STT_SECTION &&
                    O.Symbols[Rel.Symbol].Sym.st_shndx == *Maps &&
                    O.isProgramSection(S.Header.sh_info),
                true);

  // One .maps DATASEC, with every map.
  std::optional<unsigned> BtfIndex = O.findSection(".BTF");
  ASSERT_TRUE(BtfIndex);
  Expected<BtfPtr> Btf = parseBtf(O.Sections[*BtfIndex].Data);
  ASSERT_TRUE(bool(Btf)) << toString(Btf.takeError());
  EXPECT_FALSE(findDatasec(Btf->get(), "maps"));
  std::optional<uint32_t> Datasec = findDatasec(Btf->get(), ".maps");
  ASSERT_TRUE(Datasec);
  const btf_type *T = btf__type_by_id(Btf->get(), *Datasec);
  std::vector<std::string> Vars;
  for (unsigned I = 0; I < btf_vlen(T); ++I)
    Vars.push_back(btf__name_by_offset(
        Btf->get(),
        btf__type_by_id(Btf->get(), btf_var_secinfos(T)[I].type)->name_off));
  EXPECT_EQ(Vars, (std::vector<std::string>{"test_state", "test_calls",
                                            "test_counters"}));
}

TEST(ObjectPrepassFixturesTest, InnerMapsAreRefused) {
  BUILD_OR_SKIP(Bytes, "inner_map");
  Expected<PrepassResult> R =
      prepassObject(Bytes, "inner_map.o", PrepassOptions());
  ASSERT_FALSE(bool(R));
  EXPECT_NE(toString(R.takeError()).find("'test_outer' is a map of maps"),
            std::string::npos);
}

TEST(ObjectPrepassFixturesTest, StaticProgramsBecomeGlobal) {
  BUILD_OR_SKIP(Bytes, "static_tail");
  EXPECT_FALSE(libbpfOpens(Bytes));
  PrepassResult R = prepass(Bytes);
  EXPECT_EQ(R.StaticPrograms.size(), 2u);
  EXPECT_TRUE(libbpfOpens(R.Image));
  ElfObject O = readBack(R.Image);
  expectLocalsFirst(O);
  for (StringRef Name : {"tail_first", "tail_second"}) {
    const ElfSymbol *S = symbol(O, Name);
    ASSERT_TRUE(S) << Name.str();
    EXPECT_EQ(S->Sym.getBinding(), STB_GLOBAL) << Name.str();
    EXPECT_EQ(S->Sym.st_other, STV_HIDDEN) << Name.str();
  }
}

/// The 64-bit immediates of the ld_imm64 instructions in \p Section.
std::vector<uint64_t> loadedImmediates(const ElfObject &O, StringRef Section) {
  std::vector<uint64_t> Values;
  const std::vector<uint8_t> &Code = O.Sections[*O.findSection(Section)].Data;
  for (size_t I = 0; I + 16 <= Code.size(); I += 8)
    if (Code[I] == 0x18) {
      uint32_t Low, High;
      std::memcpy(&Low, &Code[I + 4], 4);
      std::memcpy(&High, &Code[I + 12], 4);
      Values.push_back(uint64_t(High) << 32 | Low);
      I += 8;
    }
  return Values;
}

TEST(ObjectPrepassFixturesTest, AgentConstantsAreWrittenIntoTheirLoads) {
  BUILD_OR_SKIP(Bytes, "agent_constants");
  PrepassResult R = prepass(Bytes);
  ASSERT_EQ(R.Constants.size(), 2u);
  ElfObject O = readBack(R.Image);
  std::vector<uint64_t> Defaults = loadedImmediates(O, "tc");
  EXPECT_EQ(Defaults, (std::vector<uint64_t>{0, 3}));
  // Debug information still points at the constants; code no longer does.
  std::optional<unsigned> Config = O.findSection(".rodata.config");
  for (const ElfSection &S : O.Sections)
    if (S.Header.sh_type == SHT_REL && O.isProgramSection(S.Header.sh_info))
      for (const ElfRelocation &Rel : S.Relocations)
        EXPECT_NE(O.Symbols[Rel.Symbol].Sym.st_shndx, *Config)
            << "a relocation against .rodata.config is left in " << S.Name;

  PrepassResult Set =
      prepass(Bytes, {{"verdict", 7}, {"drop_port", 0x1234567890}});
  EXPECT_EQ(loadedImmediates(readBack(Set.Image), "tc"),
            (std::vector<uint64_t>{0x1234567890, 7}));
}

TEST(ObjectPrepassFixturesTest, UnchangedObjectsAreHandedOverAsTheyAre) {
  BUILD_OR_SKIP(Bytes, "pinned_map");
  PrepassResult R = prepass(Bytes);
  EXPECT_FALSE(R.Rewritten);
  EXPECT_EQ(R.Image, Bytes);
}

} // namespace
