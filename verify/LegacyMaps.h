//===- LegacyMaps.h - iproute2 `maps` definitions to BTF maps ---*- C++ -*-===//
//
// Older datapaths (Cilium's program arrays among them) define maps the
// iproute2 way: a `struct bpf_elf_map` (type, size_key, size_value,
// max_elem, flags, id, pinning, inner_id, inner_idx) per map in an ELF
// section named `maps`. libbpf 1.x refuses such objects. This pass turns
// each definition into a BTF-defined map in `.maps` (one section, one
// DATASEC with the object's own BTF maps), keeping the map's name, and
// returns the legacy ids, which tail-call sections `ID/KEY` refer to.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_LEGACYMAPS_H
#define BPF_TIDY_VERIFY_LEGACYMAPS_H

#include "verify/ElfObject.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace bpftidy::verify {

/// One `struct bpf_elf_map` definition.
struct LegacyMapDefinition {
  std::string Name;
  uint32_t Type = 0;
  uint32_t KeySize = 0;
  uint32_t ValueSize = 0;
  uint32_t MaxEntries = 0;
  uint32_t Flags = 0;
  /// iproute2's map id: tail-call sections "ID/KEY" name maps by it.
  uint32_t Id = 0;
  /// iproute2's PIN_* value; ignored here (no pinning).
  uint32_t Pinning = 0;
  uint32_t InnerId = 0;
  uint32_t InnerIndex = 0;
};

/// The definitions in \p Object's `maps` section, in symbol order; empty
/// when it has none. Inner maps and map-in-map types are errors.
llvm::Expected<std::vector<LegacyMapDefinition>>
readLegacyMaps(const ElfObject &Object);

/// Rewrites \p Object: its `maps` definitions become BTF-defined maps in
/// `.maps`; symbols and relocations follow. Returns the converted
/// definitions (empty, and \p Object unchanged, when there are none).
llvm::Expected<std::vector<LegacyMapDefinition>>
convertLegacyMaps(ElfObject &Object);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_LEGACYMAPS_H
