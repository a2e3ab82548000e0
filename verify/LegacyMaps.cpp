//===- LegacyMaps.cpp - iproute2 `maps` definitions to BTF maps -----------===//

#include "verify/LegacyMaps.h"

#include "verify/BtfCopy.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Alignment.h"
#include "llvm/Support/Endian.h"
#include <bpf/btf.h>
#include <linux/bpf.h>
#include <map>

using namespace llvm;
using namespace llvm::ELF;

namespace bpftidy::verify {

namespace {

constexpr StringRef LegacySection = "maps";
constexpr StringRef BtfMapsSection = ".maps";
/// type, size_key, size_value, max_elem: the fields iproute2 requires.
constexpr unsigned RequiredFields = 4;
constexpr unsigned AllFields = 9;
/// Each field of a BTF map definition is a pointer.
constexpr unsigned BtfFieldSize = 8;

Error mapError(const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "legacy map definitions: " + Why);
}

/// Symbols defining maps in section \p Index, by offset.
std::vector<unsigned> mapSymbols(const ElfObject &O, unsigned Index) {
  std::vector<unsigned> Found;
  for (unsigned I = 1; I < O.Symbols.size(); ++I) {
    const ElfSymbol &S = O.Symbols[I];
    unsigned Type = S.Sym.getType();
    if (!S.Removed && S.Sym.st_shndx == Index &&
        (Type == STT_OBJECT || Type == STT_NOTYPE) && !S.Name.empty())
      Found.push_back(I);
  }
  llvm::stable_sort(Found, [&](unsigned A, unsigned B) {
    return O.Symbols[A].Sym.st_value < O.Symbols[B].Sym.st_value;
  });
  return Found;
}

/// The BTF map definition fields for \p D, as libbpf names them.
std::vector<std::pair<const char *, uint32_t>>
btfFields(const LegacyMapDefinition &D) {
  std::vector<std::pair<const char *, uint32_t>> Fields = {
      {"type", D.Type},
      {"key_size", D.KeySize},
      {"value_size", D.ValueSize},
      {"max_entries", D.MaxEntries}};
  if (D.Flags)
    Fields.push_back({"map_flags", D.Flags});
  return Fields;
}

uint32_t definitionSize(const LegacyMapDefinition &D) {
  return btfFields(D).size() * BtfFieldSize;
}

Error btfFailed(const Twine &What, int Err) {
  return mapError("cannot add " + What + " to BTF (error " + Twine(Err) + ")");
}

/// Adds the BTF-defined map struct and variable for each definition, and
/// returns the variables' ids.
Expected<std::vector<int>>
addMapTypes(btf *B, const std::vector<LegacyMapDefinition> &Defs) {
  int Int = -1;
  for (uint32_t Id = 1, N = btf__type_cnt(B); Id < N && Int < 0; ++Id) {
    const btf_type *T = btf__type_by_id(B, Id);
    if (btf_is_int(T) && T->size == 4 &&
        StringRef(btf__name_by_offset(B, T->name_off)) == "int")
      Int = Id;
  }
  if (Int < 0 && (Int = btf__add_int(B, "int", 4, BTF_INT_SIGNED)) < 0)
    return btfFailed("'int'", Int);
  // __uint(name, N) is `int (*name)[N]`.
  std::map<uint32_t, int> PointerTo;
  auto pointerTo = [&](uint32_t N) -> Expected<int> {
    auto It = PointerTo.find(N);
    if (It != PointerTo.end())
      return It->second;
    int Array = btf__add_array(B, Int, Int, N);
    if (Array < 0)
      return btfFailed("an array type", Array);
    int Pointer = btf__add_ptr(B, Array);
    if (Pointer < 0)
      return btfFailed("a pointer type", Pointer);
    return PointerTo[N] = Pointer;
  };
  std::vector<int> Vars;
  for (const LegacyMapDefinition &D : Defs) {
    auto Fields = btfFields(D);
    std::vector<int> Pointers;
    for (auto &[Name, Value] : Fields) {
      Expected<int> P = pointerTo(Value);
      if (!P)
        return P.takeError();
      Pointers.push_back(*P);
    }
    int Struct = btf__add_struct(B, "", definitionSize(D));
    if (Struct < 0)
      return btfFailed("the definition of map '" + D.Name + "'", Struct);
    for (size_t I = 0; I < Fields.size(); ++I)
      if (int Err = btf__add_field(B, Fields[I].first, Pointers[I],
                                   I * BtfFieldSize * 8, 0))
        return btfFailed("a field of map '" + D.Name + "'", Err);
    int Var = btf__add_var(B, D.Name.c_str(), BTF_VAR_GLOBAL_ALLOCATED, Struct);
    if (Var < 0)
      return btfFailed("the variable of map '" + D.Name + "'", Var);
    Vars.push_back(Var);
  }
  return Vars;
}

struct DatasecEntry {
  uint32_t Type;
  uint32_t Offset;
  uint32_t Size;
};

Error addDatasec(btf *B, const std::vector<DatasecEntry> &Entries) {
  // Size 0, as LLVM emits it: libbpf takes it from the ELF section.
  int Id = btf__add_datasec(B, BtfMapsSection.data(), 0);
  if (Id < 0)
    return btfFailed("the '.maps' DATASEC", Id);
  for (const DatasecEntry &E : Entries)
    if (int Err = btf__add_datasec_var_info(B, E.Type, E.Offset, E.Size))
      return btfFailed("a '.maps' variable", Err);
  return Error::success();
}

/// Rebuilds the object's BTF: the `.maps` DATASEC (the object's own maps
/// and the converted ones) takes the place of the first of the `maps` and
/// `.maps` DATASECs; the other becomes a forward declaration, so that no
/// type id moves.
Expected<std::vector<uint8_t>>
rebuildBtf(ArrayRef<uint8_t> Raw, const std::vector<LegacyMapDefinition> &Defs,
           const std::vector<uint32_t> &Offsets) {
  Expected<BtfPtr> Source = parseBtf(Raw);
  if (!Source)
    return Source.takeError();
  std::optional<uint32_t> LegacySec = findDatasec(Source->get(), LegacySection);
  std::optional<uint32_t> OwnSec = findDatasec(Source->get(), BtfMapsSection);
  std::vector<DatasecEntry> Entries;
  if (OwnSec) {
    const btf_type *T = btf__type_by_id(Source->get(), *OwnSec);
    const btf_var_secinfo *V = btf_var_secinfos(T);
    for (unsigned I = 0; I < btf_vlen(T); ++I)
      Entries.push_back({V[I].type, V[I].offset, V[I].size});
  }
  size_t FirstLegacy = Entries.size();
  // Placeholder ids until the variables exist; patched below.
  for (size_t I = 0; I < Defs.size(); ++I)
    Entries.push_back({1, Offsets[I], definitionSize(Defs[I])});

  Expected<BtfCopy> Copy = BtfCopy::start(Source->get(), Raw);
  if (!Copy)
    return Copy.takeError();
  std::vector<uint32_t> Replaced;
  for (std::optional<uint32_t> Id : {LegacySec, OwnSec})
    if (Id)
      Replaced.push_back(*Id);
  llvm::sort(Replaced);
  std::optional<uint32_t> MergedId;
  for (uint32_t Id : Replaced) {
    if (Error E = Copy->copyUpTo(Id))
      return std::move(E);
    if (!MergedId) {
      if (Error E = addDatasec(Copy->target(), Entries))
        return std::move(E);
      MergedId = Id;
    } else if (int Err = btf__add_fwd(Copy->target(), "__bpftidy_legacy_maps",
                                      BTF_FWD_STRUCT);
               Err < 0) {
      return btfFailed("a placeholder", Err);
    }
    if (Error E = Copy->replaced(Id))
      return std::move(E);
  }
  if (Error E = Copy->copyRest())
    return std::move(E);
  Expected<std::vector<int>> Vars = addMapTypes(Copy->target(), Defs);
  if (!Vars)
    return Vars.takeError();
  if (MergedId) {
    // Fixed-size fields of a type already added: safe to patch in place.
    auto *T =
        const_cast<btf_type *>(btf__type_by_id(Copy->target(), *MergedId));
    btf_var_secinfo *V = btf_var_secinfos(T);
    for (size_t I = 0; I < Vars->size(); ++I)
      V[FirstLegacy + I].type = (*Vars)[I];
  } else {
    for (size_t I = 0; I < Vars->size(); ++I)
      Entries[FirstLegacy + I].Type = (*Vars)[I];
    if (Error E = addDatasec(Copy->target(), Entries))
      return std::move(E);
  }
  return Copy->raw();
}

} // namespace

Expected<std::vector<LegacyMapDefinition>> readLegacyMaps(const ElfObject &O) {
  std::vector<LegacyMapDefinition> Defs;
  std::optional<unsigned> Index = O.findSection(LegacySection);
  if (!Index)
    return Defs;
  const ElfSection &Section = O.Sections[*Index];
  for (unsigned SymbolIndex : mapSymbols(O, *Index)) {
    const ElfSymbol &S = O.Symbols[SymbolIndex];
    uint64_t Size = S.Sym.st_size;
    if (Size < RequiredFields * 4 || Size % 4 ||
        S.Sym.st_value + Size > Section.Data.size())
      return mapError("'" + S.Name + "' is not a struct bpf_elf_map (" +
                      Twine(Size) + " bytes at offset " +
                      Twine(S.Sym.st_value) + ")");
    uint32_t Field[AllFields] = {};
    for (unsigned I = 0; I < AllFields && I * 4 < Size; ++I)
      Field[I] = support::endian::read32le(Section.Data.data() +
                                           S.Sym.st_value + I * 4);
    LegacyMapDefinition D;
    D.Name = S.Name;
    D.Type = Field[0];
    D.KeySize = Field[1];
    D.ValueSize = Field[2];
    D.MaxEntries = Field[3];
    D.Flags = Field[4];
    D.Id = Field[5];
    D.Pinning = Field[6];
    D.InnerId = Field[7];
    D.InnerIndex = Field[8];
    if (D.InnerId || D.InnerIndex || D.Type == BPF_MAP_TYPE_ARRAY_OF_MAPS ||
        D.Type == BPF_MAP_TYPE_HASH_OF_MAPS)
      return mapError("map '" + D.Name +
                      "' is a map of maps or an inner map (inner_id " +
                      Twine(D.InnerId) + ", inner_idx " + Twine(D.InnerIndex) +
                      "); converting those is not supported");
    Defs.push_back(std::move(D));
  }
  return Defs;
}

Expected<std::vector<LegacyMapDefinition>> convertLegacyMaps(ElfObject &O) {
  Expected<std::vector<LegacyMapDefinition>> Defs = readLegacyMaps(O);
  if (!Defs || Defs->empty())
    return Defs;
  unsigned LegacyIndex = *O.findSection(LegacySection);
  std::optional<unsigned> BtfIndex = O.findSection(".BTF");
  if (!BtfIndex)
    return mapError("the object has no .BTF section (build it with -g): "
                    "BTF-defined maps need it");
  std::optional<unsigned> OwnIndex = O.findSection(BtfMapsSection);
  unsigned Target = OwnIndex ? *OwnIndex : LegacyIndex;
  if (O.Sections[Target].Header.sh_type != SHT_PROGBITS)
    return mapError("section '.maps' is not PROGBITS");

  // New layout: the object's own maps, then the converted ones.
  std::vector<unsigned> Symbols = mapSymbols(O, LegacyIndex);
  std::vector<uint8_t> Data;
  if (OwnIndex)
    Data = O.Sections[*OwnIndex].Data;
  std::vector<uint32_t> Offsets;
  std::map<uint64_t, unsigned> SymbolAtOldOffset;
  for (size_t I = 0; I < Symbols.size(); ++I) {
    ElfSymbol &S = O.Symbols[Symbols[I]];
    SymbolAtOldOffset.emplace(S.Sym.st_value, Symbols[I]);
    uint32_t Offset = alignTo(Data.size(), BtfFieldSize);
    Data.resize(Offset + definitionSize((*Defs)[I]), 0);
    Offsets.push_back(Offset);
    S.Sym.st_shndx = Target;
    S.Sym.st_value = Offset;
    S.Sym.st_size = definitionSize((*Defs)[I]);
    // libbpf finds a map's variable among global symbols only, and takes
    // a hidden one for a static variable, which it refuses as a map.
    if (S.isLocal()) {
      S.Sym.setBinding(STB_GLOBAL);
      S.Sym.st_other = STV_DEFAULT;
    }
  }

  // libbpf matches a map relocation by its symbol's value, so a reference
  // through the section symbol plus an offset names the map's own symbol.
  for (ElfSection &Rel : O.Sections) {
    if (Rel.Removed || Rel.Header.sh_type != SHT_REL)
      continue;
    unsigned RelTarget = Rel.Header.sh_info;
    bool InProgram = O.isProgramSection(RelTarget);
    std::vector<ElfRelocation> Kept;
    for (ElfRelocation R : Rel.Relocations) {
      const ElfSymbol &S = O.Symbols[R.Symbol];
      if (S.Sym.getType() != STT_SECTION || S.Sym.st_shndx != LegacyIndex) {
        Kept.push_back(R);
        continue;
      }
      if (!InProgram)
        continue; // debug information about a map's old place
      std::vector<uint8_t> &Code = O.Sections[RelTarget].Data;
      if (R.Offset + 8 > Code.size())
        return mapError("a relocation in '" + Rel.Name + "' is out of bounds");
      uint8_t *Imm = Code.data() + R.Offset + 4;
      auto It = SymbolAtOldOffset.find(support::endian::read32le(Imm));
      if (It == SymbolAtOldOffset.end())
        return mapError("a reference in '" + O.Sections[RelTarget].Name +
                        "' points into 'maps' but at no map");
      R.Symbol = It->second;
      support::endian::write32le(Imm, 0);
      Kept.push_back(R);
    }
    Rel.Relocations = std::move(Kept);
  }

  Expected<std::vector<uint8_t>> Btf =
      rebuildBtf(O.Sections[*BtfIndex].Data, *Defs, Offsets);
  if (!Btf)
    return Btf.takeError();
  O.Sections[*BtfIndex].Data = std::move(*Btf);
  // Offsets into the old .BTF; libbpf never reads them.
  if (std::optional<unsigned> BtfRel = O.relocationsFor(*BtfIndex))
    O.removeSection(*BtfRel);

  ElfSection &Maps = O.Sections[Target];
  Maps.Data = std::move(Data);
  Maps.Header.sh_addralign = std::max<uint64_t>(Maps.Header.sh_addralign, 8);
  if (OwnIndex)
    O.removeSection(LegacyIndex);
  else
    Maps.Name = BtfMapsSection.str();
  return Defs;
}

} // namespace bpftidy::verify
