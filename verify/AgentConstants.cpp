//===- AgentConstants.cpp - CONFIG()-style constants in the code ----------===//

#include "verify/AgentConstants.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Endian.h"
#include <map>

using namespace llvm;
using namespace llvm::ELF;

namespace bpftidy::verify {

namespace {

/// BPF_LD | BPF_IMM | BPF_DW: the two-slot 64-bit immediate load.
constexpr uint8_t LoadImm64 = 0x18;
constexpr unsigned InstructionSize = 8;

Error constantError(const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), "agent constants: " + Why);
}

struct ConstantSymbol {
  std::string Name;
  uint64_t InitialValue = 0;
};

} // namespace

Expected<std::pair<std::string, uint64_t>> parseAgentConstant(StringRef Spec) {
  auto [Name, Value] = Spec.split('=');
  Name = Name.trim();
  Name.consume_front(AgentConstantPrefix);
  uint64_t Number = 0;
  if (Name.empty() || !Spec.contains('=') ||
      Value.trim().getAsInteger(0, Number))
    return constantError("'" + Spec +
                         "' is not NAME=VALUE (VALUE decimal or 0x-hex)");
  return std::make_pair(Name.str(), Number);
}

Expected<std::vector<SubstitutedConstant>>
substituteAgentConstants(ElfObject &O, const AgentConstantValues &Set) {
  std::vector<SubstitutedConstant> Done;
  std::optional<unsigned> Index = O.findSection(AgentConstantSection);
  if (!Index)
    return Done;
  const ElfSection &Config = O.Sections[*Index];
  std::map<uint64_t, ConstantSymbol> ByOffset;
  for (const ElfSymbol &S : O.Symbols) {
    StringRef Name = S.Name;
    if (S.Removed || S.Sym.st_shndx != *Index ||
        S.Sym.getType() != STT_OBJECT ||
        !Name.consume_front(AgentConstantPrefix))
      continue;
    uint64_t Size = S.Sym.st_size;
    if (Size > 8)
      return constantError("'" + S.Name + "' is wider than 64 bits");
    ConstantSymbol C;
    C.Name = Name.str();
    if (Config.Header.sh_type != SHT_NOBITS) {
      if (S.Sym.st_value + Size > Config.Data.size())
        return constantError("'" + S.Name + "' is out of its section");
      for (uint64_t I = 0; I < Size; ++I)
        C.InitialValue |= uint64_t(Config.Data[S.Sym.st_value + I]) << (8 * I);
    }
    ByOffset[S.Sym.st_value] = C;
  }

  std::map<std::string, size_t> DoneIndex;
  for (ElfSection &Rel : O.Sections) {
    if (Rel.Removed || Rel.Header.sh_type != SHT_REL ||
        !O.isProgramSection(Rel.Header.sh_info))
      continue;
    ElfSection &Code = O.Sections[Rel.Header.sh_info];
    std::vector<ElfRelocation> Kept;
    for (const ElfRelocation &R : Rel.Relocations) {
      const ElfSymbol &S = O.Symbols[R.Symbol];
      if (S.Sym.st_shndx != *Index) {
        Kept.push_back(R);
        continue;
      }
      if (R.Offset + 2 * InstructionSize > Code.Data.size() ||
          Code.Data[R.Offset] != LoadImm64 || (Code.Data[R.Offset + 1] >> 4))
        return constantError("a reference to '" + AgentConstantSection +
                             "' in '" + Code.Name + "' at offset " +
                             Twine(R.Offset) +
                             " is not a 64-bit immediate load; read "
                             "constants with CONFIG() only");
      uint8_t *Low = Code.Data.data() + R.Offset + 4;
      uint8_t *High = Low + InstructionSize;
      // The addend is in the immediate (REL relocations).
      uint64_t Offset = support::endian::read32le(Low);
      if (S.Sym.getType() != STT_SECTION)
        Offset += S.Sym.st_value;
      auto It = ByOffset.find(Offset);
      if (It == ByOffset.end())
        return constantError("a load in '" + Code.Name + "' reads '" +
                             AgentConstantSection + "' at offset " +
                             Twine(Offset) + ", where no '" +
                             AgentConstantPrefix + "' symbol starts");
      const ConstantSymbol &C = It->second;
      auto Override = Set.find(C.Name);
      uint64_t Value =
          Override != Set.end() ? Override->second : C.InitialValue;
      support::endian::write32le(Low, uint32_t(Value));
      support::endian::write32le(High, uint32_t(Value >> 32));
      auto [Slot, New] = DoneIndex.try_emplace(C.Name, Done.size());
      if (New)
        Done.push_back({C.Name, Value, Override != Set.end(), 0});
      ++Done[Slot->second].Loads;
    }
    Rel.Relocations = std::move(Kept);
  }
  return Done;
}

} // namespace bpftidy::verify
