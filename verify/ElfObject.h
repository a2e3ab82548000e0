//===- ElfObject.h - a BPF object file as sections and symbols --*- C++ -*-===//
//
// The ELF pre-pass edits a relocatable BPF object (ELF64, little endian)
// before libbpf opens it. This is the object as plain data: sections with
// their bytes, the symbol table and each SHT_REL section's relocations.
// Writing lays the file out again: string tables rebuilt from the names,
// local symbols first (sh_info), relocations renumbered to follow their
// symbols, section indices renumbered after removals.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_ELFOBJECT_H
#define BPF_TIDY_VERIFY_ELFOBJECT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

struct ElfRelocation {
  uint64_t Offset = 0;
  /// Index into ElfObject::Symbols.
  uint32_t Symbol = 0;
  uint32_t Type = 0;
};

struct ElfSection {
  std::string Name;
  /// sh_name, sh_offset and (except for SHT_NOBITS) sh_size are recomputed
  /// when writing.
  llvm::ELF::Elf64_Shdr Header{};
  /// Empty for SHT_NOBITS, the symbol table and the string tables, which
  /// are generated.
  std::vector<uint8_t> Data;
  /// For SHT_REL sections.
  std::vector<ElfRelocation> Relocations;
  bool Removed = false;
};

struct ElfSymbol {
  std::string Name;
  /// st_name is recomputed when writing.
  llvm::ELF::Elf64_Sym Sym{};
  bool Removed = false;

  bool isLocal() const { return Sym.getBinding() == llvm::ELF::STB_LOCAL; }
};

class ElfObject {
public:
  /// Parses \p Bytes; \p Name is only used in messages.
  static llvm::Expected<ElfObject> read(llvm::StringRef Bytes,
                                        llvm::StringRef Name);

  /// The object as a file.
  llvm::Expected<std::string> write() const;

  std::optional<unsigned> findSection(llvm::StringRef Name) const;
  /// The relocation section whose sh_info is \p Target, if any.
  std::optional<unsigned> relocationsFor(unsigned Target) const;
  bool isProgramSection(unsigned Index) const;

  /// Marks a section removed, with its relocation section; its symbols go
  /// too. Relocations still naming those symbols make write() fail.
  void removeSection(unsigned Index);

  llvm::ELF::Elf64_Ehdr Header{};
  /// Index 0 is the null section.
  std::vector<ElfSection> Sections;
  /// Index 0 is the null symbol. Any order: write() puts locals first.
  std::vector<ElfSymbol> Symbols;
  unsigned SymbolTable = 0;

private:
  std::string Name;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_ELFOBJECT_H
