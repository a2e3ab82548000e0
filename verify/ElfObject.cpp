//===- ElfObject.cpp - a BPF object file as sections and symbols ----------===//

#include "verify/ElfObject.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/Alignment.h"
#include "llvm/Support/SwapByteOrder.h"
#include <cstring>

using namespace llvm;
using namespace llvm::ELF;

namespace bpftidy::verify {

namespace {

Error fail(StringRef Name, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), "'" + Name + "': " + Why);
}

template <typename T> void append(std::string &Out, const T &Value) {
  Out.append(reinterpret_cast<const char *>(&Value), sizeof(Value));
}

/// A string table built from names, each stored once.
class StringTableBuilder {
public:
  StringTableBuilder() : Bytes(1, '\0') {}
  uint32_t add(StringRef S) {
    if (S.empty())
      return 0;
    auto [It, New] = Offsets.try_emplace(S, Bytes.size());
    if (New) {
      Bytes += S;
      Bytes += '\0';
    }
    return It->second;
  }
  const std::string &bytes() const { return Bytes; }

private:
  std::string Bytes;
  StringMap<uint32_t> Offsets;
};

} // namespace

Expected<ElfObject> ElfObject::read(StringRef Bytes, StringRef Name) {
  if (!sys::IsLittleEndianHost)
    return fail(Name, "the ELF pre-pass needs a little-endian host");
  if (Bytes.size() < EI_NIDENT || Bytes[EI_CLASS] != ELFCLASS64 ||
      Bytes[EI_DATA] != ELFDATA2LSB)
    return fail(Name, "not a 64-bit little-endian ELF object");
  Expected<object::ELF64LEFile> File = object::ELF64LEFile::create(Bytes);
  if (!File)
    return fail(Name, toString(File.takeError()));
  ElfObject O;
  O.Name = Name.str();
  std::memcpy(&O.Header, Bytes.data(), sizeof(O.Header));
  if (O.Header.e_type != ET_REL || O.Header.e_machine != EM_BPF)
    return fail(Name, "not a relocatable BPF object");

  auto Sections = File->sections();
  if (!Sections)
    return fail(Name, toString(Sections.takeError()));
  std::optional<unsigned> SymtabIndex;
  for (const object::ELF64LE::Shdr &S : *Sections) {
    ElfSection Section;
    Expected<StringRef> SectionName = File->getSectionName(S);
    if (!SectionName)
      return fail(Name, toString(SectionName.takeError()));
    Section.Name = SectionName->str();
    Elf64_Shdr &H = Section.Header;
    H.sh_name = S.sh_name;
    H.sh_type = S.sh_type;
    H.sh_flags = S.sh_flags;
    H.sh_addr = S.sh_addr;
    H.sh_offset = S.sh_offset;
    H.sh_size = S.sh_size;
    H.sh_link = S.sh_link;
    H.sh_info = S.sh_info;
    H.sh_addralign = S.sh_addralign;
    H.sh_entsize = S.sh_entsize;
    unsigned Index = O.Sections.size();
    switch (H.sh_type) {
    case SHT_NULL:
    case SHT_NOBITS:
      break;
    case SHT_RELA:
    case SHT_GROUP:
    case SHT_SYMTAB_SHNDX:
      return fail(Name, "section '" + Section.Name +
                            "' has a type the ELF "
                            "pre-pass does not handle");
    case SHT_SYMTAB:
      if (SymtabIndex)
        return fail(Name, "more than one symbol table");
      SymtabIndex = Index;
      break;
    case SHT_REL: {
      auto Rels = File->rels(S);
      if (!Rels)
        return fail(Name, toString(Rels.takeError()));
      for (const object::ELF64LE::Rel &R : *Rels)
        Section.Relocations.push_back(
            {R.r_offset, R.getSymbol(false), R.getType(false)});
      break;
    }
    default: {
      auto Contents = File->getSectionContents(S);
      if (!Contents)
        return fail(Name, toString(Contents.takeError()));
      Section.Data.assign(Contents->begin(), Contents->end());
      break;
    }
    }
    // Symbol indices change when symbols move; the address-significance
    // table only serves linkers and would be stale.
    if (H.sh_type == SHT_LLVM_ADDRSIG)
      Section.Removed = true;
    O.Sections.push_back(std::move(Section));
  }
  if (!SymtabIndex)
    return fail(Name, "no symbol table");
  O.SymbolTable = *SymtabIndex;
  const object::ELF64LE::Shdr &Symtab = (*Sections)[*SymtabIndex];
  auto Symbols = File->symbols(&Symtab);
  if (!Symbols)
    return fail(Name, toString(Symbols.takeError()));
  auto StrTab = File->getStringTableForSymtab(Symtab);
  if (!StrTab)
    return fail(Name, toString(StrTab.takeError()));
  for (const object::ELF64LE::Sym &S : *Symbols) {
    ElfSymbol Symbol;
    Expected<StringRef> SymbolName = S.getName(*StrTab);
    if (!SymbolName)
      return fail(Name, toString(SymbolName.takeError()));
    Symbol.Name = SymbolName->str();
    Symbol.Sym.st_name = S.st_name;
    Symbol.Sym.st_info = S.st_info;
    Symbol.Sym.st_other = S.st_other;
    Symbol.Sym.st_shndx = S.st_shndx;
    Symbol.Sym.st_value = S.st_value;
    Symbol.Sym.st_size = S.st_size;
    if (Symbol.Sym.st_shndx == SHN_XINDEX)
      return fail(Name, "extended section indices are not handled");
    if (Symbol.Sym.st_shndx < SHN_LORESERVE &&
        Symbol.Sym.st_shndx >= O.Sections.size())
      return fail(Name, "symbol '" + Symbol.Name + "' names no section");
    O.Symbols.push_back(std::move(Symbol));
  }
  for (const ElfSection &S : O.Sections)
    for (const ElfRelocation &R : S.Relocations)
      if (R.Symbol >= O.Symbols.size())
        return fail(Name, "a relocation in '" + S.Name + "' names no symbol");
  return O;
}

std::optional<unsigned> ElfObject::findSection(StringRef SectionName) const {
  for (unsigned I = 1; I < Sections.size(); ++I)
    if (!Sections[I].Removed && Sections[I].Name == SectionName)
      return I;
  return std::nullopt;
}

std::optional<unsigned> ElfObject::relocationsFor(unsigned Target) const {
  for (unsigned I = 1; I < Sections.size(); ++I)
    if (!Sections[I].Removed && Sections[I].Header.sh_type == SHT_REL &&
        Sections[I].Header.sh_info == Target)
      return I;
  return std::nullopt;
}

bool ElfObject::isProgramSection(unsigned Index) const {
  const Elf64_Shdr &H = Sections[Index].Header;
  return H.sh_type == SHT_PROGBITS && (H.sh_flags & SHF_EXECINSTR);
}

void ElfObject::removeSection(unsigned Index) {
  Sections[Index].Removed = true;
  if (std::optional<unsigned> Rel = relocationsFor(Index))
    Sections[*Rel].Removed = true;
  for (ElfSymbol &S : Symbols)
    if (S.Sym.st_shndx == Index)
      S.Removed = true;
}

Expected<std::string> ElfObject::write() const {
  // Section indices after removals.
  std::vector<unsigned> NewSection(Sections.size(), 0);
  std::vector<unsigned> Kept;
  for (unsigned I = 0; I < Sections.size(); ++I)
    if (I == 0 || !Sections[I].Removed) {
      NewSection[I] = Kept.size();
      Kept.push_back(I);
    }
  auto MapSection = [&](unsigned Old) -> unsigned {
    return Old < Sections.size() ? NewSection[Old] : 0;
  };
  if (Sections[SymbolTable].Removed)
    return fail(Name, "the symbol table cannot be removed");

  // Symbols: the null symbol, locals, then globals (the ELF rule libbpf
  // and the kernel's loaders rely on: sh_info is the first global).
  std::vector<uint32_t> NewSymbol(Symbols.size(), UINT32_MAX);
  std::vector<unsigned> SymbolOrder{0};
  for (bool Locals : {true, false})
    for (unsigned I = 1; I < Symbols.size(); ++I) {
      const ElfSymbol &S = Symbols[I];
      bool InRemovedSection = S.Sym.st_shndx &&
                              S.Sym.st_shndx < SHN_LORESERVE &&
                              Sections[S.Sym.st_shndx].Removed;
      if (S.Removed || InRemovedSection || S.isLocal() != Locals)
        continue;
      SymbolOrder.push_back(I);
    }
  unsigned FirstGlobal = SymbolOrder.size();
  for (unsigned I = 0; I < SymbolOrder.size(); ++I) {
    NewSymbol[SymbolOrder[I]] = I;
    if (I && !Symbols[SymbolOrder[I]].isLocal() && FirstGlobal > I)
      FirstGlobal = I;
  }

  unsigned StrtabIndex = Sections[SymbolTable].Header.sh_link;
  StringTableBuilder SectionNames, SymbolNamesOwn;
  bool Shared = StrtabIndex == Header.e_shstrndx;
  StringTableBuilder &SymbolNames = Shared ? SectionNames : SymbolNamesOwn;
  std::vector<uint32_t> NameOffsets(Sections.size(), 0);
  for (unsigned I : Kept)
    NameOffsets[I] = SectionNames.add(Sections[I].Name);

  std::string SymtabBytes;
  for (unsigned I : SymbolOrder) {
    Elf64_Sym S = Symbols[I].Sym;
    S.st_name = SymbolNames.add(Symbols[I].Name);
    if (S.st_shndx < SHN_LORESERVE)
      S.st_shndx = MapSection(S.st_shndx);
    append(SymtabBytes, S);
  }

  // Generated contents, by old section index.
  std::vector<std::string> Generated(Sections.size());
  std::vector<bool> IsGenerated(Sections.size(), false);
  for (unsigned I : Kept) {
    const ElfSection &S = Sections[I];
    if (S.Header.sh_type != SHT_REL)
      continue;
    IsGenerated[I] = true;
    for (const ElfRelocation &R : S.Relocations) {
      if (NewSymbol[R.Symbol] == UINT32_MAX)
        return fail(Name, "a relocation in '" + S.Name +
                              "' still names removed symbol '" +
                              Symbols[R.Symbol].Name + "'");
      Elf64_Rel Rel{};
      Rel.r_offset = R.Offset;
      Rel.setSymbolAndType(NewSymbol[R.Symbol], R.Type);
      append(Generated[I], Rel);
    }
  }
  Generated[SymbolTable] = SymtabBytes;
  IsGenerated[SymbolTable] = true;
  // String tables last: every name is known now.
  if (!Shared) {
    Generated[StrtabIndex] = SymbolNamesOwn.bytes();
    IsGenerated[StrtabIndex] = true;
  }
  Generated[Header.e_shstrndx] = SectionNames.bytes();
  IsGenerated[Header.e_shstrndx] = true;

  // Layout: header, section contents in index order, section headers.
  std::string Out(sizeof(Elf64_Ehdr), '\0');
  std::vector<Elf64_Shdr> Headers;
  for (unsigned I : Kept) {
    Elf64_Shdr H = Sections[I].Header;
    if (I == 0) {
      Headers.push_back(H);
      continue;
    }
    H.sh_name = NameOffsets[I];
    uint64_t Align = std::max<uint64_t>(H.sh_addralign, 1);
    Out.resize(alignTo(Out.size(), Align), '\0');
    H.sh_offset = Out.size();
    if (H.sh_type != SHT_NOBITS) {
      if (IsGenerated[I])
        Out += Generated[I];
      else
        Out.append(Sections[I].Data.begin(), Sections[I].Data.end());
      H.sh_size = Out.size() - H.sh_offset;
    }
    if (H.sh_link)
      H.sh_link = MapSection(H.sh_link);
    if (H.sh_type == SHT_REL || (H.sh_flags & SHF_INFO_LINK))
      H.sh_info = MapSection(H.sh_info);
    if (H.sh_type == SHT_SYMTAB)
      H.sh_info = FirstGlobal;
    Headers.push_back(H);
  }
  Out.resize(alignTo(Out.size(), 8), '\0');
  Elf64_Ehdr E = Header;
  E.e_shoff = Out.size();
  E.e_shnum = Headers.size();
  E.e_shstrndx = MapSection(Header.e_shstrndx);
  E.e_shentsize = sizeof(Elf64_Shdr);
  E.e_ehsize = sizeof(Elf64_Ehdr);
  E.e_phoff = 0;
  E.e_phnum = 0;
  for (const Elf64_Shdr &H : Headers)
    append(Out, H);
  std::memcpy(Out.data(), &E, sizeof(E));
  return Out;
}

} // namespace bpftidy::verify
