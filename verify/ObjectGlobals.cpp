//===- ObjectGlobals.cpp - a global variable's value in a BPF object ------===//

#include "verify/ObjectGlobals.h"

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cstring>

using namespace llvm;

namespace bpftidy::verify {

/// The internal map libbpf made of data section \p Section ("bpf_lxc.data"
/// for ".data", or the section's own name).
static bpf_map *dataSectionMap(bpf_object *Object, StringRef Section) {
  bpf_map *Map;
  bpf_object__for_each_map(Map, Object) {
    StringRef Name = bpf_map__name(Map);
    if (bpf_map__is_internal(Map) &&
        (Name == Section || Name.ends_with(Section)))
      return Map;
  }
  return nullptr;
}

std::optional<uint64_t> globalIntegerValue(bpf_object *Object, StringRef Name) {
  const struct btf *Btf = bpf_object__btf(Object);
  if (!Btf)
    return std::nullopt;
  for (__u32 Id = 1, N = btf__type_cnt(Btf); Id < N; ++Id) {
    const struct btf_type *Sec = btf__type_by_id(Btf, Id);
    if (!btf_is_datasec(Sec))
      continue;
    const struct btf_var_secinfo *Vars = btf_var_secinfos(Sec);
    for (unsigned I = 0, Vlen = btf_vlen(Sec); I < Vlen; ++I) {
      const struct btf_type *Var = btf__type_by_id(Btf, Vars[I].type);
      if (!Var || Name != btf__name_by_offset(Btf, Var->name_off))
        continue;
      unsigned Size = Vars[I].size;
      if (Size != 1 && Size != 2 && Size != 4 && Size != 8)
        return std::nullopt;
      bpf_map *Map =
          dataSectionMap(Object, btf__name_by_offset(Btf, Sec->name_off));
      size_t DataSize = 0;
      const void *Data = Map ? bpf_map__initial_value(Map, &DataSize) : nullptr;
      if (!Data || Vars[I].offset + Size > DataSize)
        return std::nullopt;
      uint64_t Value = 0; // BPF objects here are little-endian, as the host
      std::memcpy(&Value, static_cast<const char *>(Data) + Vars[I].offset,
                  Size);
      return Value;
    }
  }
  return std::nullopt;
}

} // namespace bpftidy::verify
