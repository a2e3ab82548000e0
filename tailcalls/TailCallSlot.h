//===- TailCallSlot.h - where a tail call sits in a program array -*- C++ -*-//
//
// Datapaths in Cilium's style put a tail call in an iproute2-style section
// "MAP/KEY" ("2/7": the program array whose legacy bpf_elf_map.id is 2;
// "cilium_calls/7": the map by name; "1/0xffff": a hexadecimal key) or mark
// it with a BTF decl tag "tail:MAP/KEY". The analyzer (which slot a
// tail-caller enters) and the loader (which slot to fill) read them here.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_TAILCALLS_TAILCALLSLOT_H
#define BPF_TIDY_TAILCALLS_TAILCALLSLOT_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace bpftidy::tailcalls {

struct TailCallSlot {
  /// A map name, or the decimal legacy map id when MapIsLegacyId.
  std::string Map;
  /// "2/7": the map is named by its legacy bpf_elf_map.id.
  bool MapIsLegacyId = false;
  uint32_t Key = 0;

  /// "MAP/KEY" with a decimal key.
  std::string describe() const;
};

/// A slot key as a section or tag writes it: decimal ("7") or hexadecimal
/// ("0xffff"); nothing else (no octal, no sign).
std::optional<uint32_t> parseSlotKey(llvm::StringRef Text);

/// A section "MAP/KEY"; std::nullopt for anything else.
std::optional<TailCallSlot> parseTailCallSection(llvm::StringRef Section);

/// A BTF decl tag "tail:MAP/KEY"; std::nullopt for anything else.
std::optional<TailCallSlot> parseTailCallTag(llvm::StringRef Tag);

/// A map name without the test build's decorations: "test_" before and the
/// endpoint id "_65535" after ("test_cilium_calls_65535" -> "cilium_calls").
llvm::StringRef undecoratedMapName(llvm::StringRef Name);

/// How well a map called \p MapName matches the \p Wanted name of a section
/// or tag: 2 the same, 1 the same once both are undecorated, 0 not at all.
int mapNameMatch(llvm::StringRef MapName, llvm::StringRef Wanted);

} // namespace bpftidy::tailcalls

#endif // BPF_TIDY_TAILCALLS_TAILCALLSLOT_H
