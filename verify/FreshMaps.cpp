//===- FreshMaps.cpp - every packet starts from the maps as loaded --------===//

#include "verify/FreshMaps.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstring>

using namespace llvm;

namespace bpftidy::verify {

static Error mapError(const std::string &Map, const char *What) {
  return createStringError(std::error_code(errno, std::generic_category()),
                           "map '" + Map + "': cannot " + What + ": " +
                               strerror(errno));
}

Expected<FreshMaps> FreshMaps::snapshot(bpf_object *Object) {
  FreshMaps Maps;
  int Cpus = libbpf_num_possible_cpus();
  if (Cpus <= 0)
    Cpus = 1;
  bpf_map *Map;
  bpf_object__for_each_map(Map, Object) {
    std::string Name = bpf_map__name(Map);
    int Fd = bpf_map__fd(Map);
    switch (bpf_map__type(Map)) {
    case BPF_MAP_TYPE_HASH:
    case BPF_MAP_TYPE_LRU_HASH:
    case BPF_MAP_TYPE_PERCPU_HASH:
    case BPF_MAP_TYPE_LRU_PERCPU_HASH:
    case BPF_MAP_TYPE_LPM_TRIE:
      Maps.Hashes.push_back({Name, Fd, bpf_map__key_size(Map)});
      break;
    case BPF_MAP_TYPE_ARRAY:
    case BPF_MAP_TYPE_PERCPU_ARRAY: {
      // .rodata and .kconfig are frozen: programs cannot change them.
      if (bpf_map__map_flags(Map) & BPF_F_RDONLY_PROG)
        break;
      bool PerCpu = bpf_map__type(Map) == BPF_MAP_TYPE_PERCPU_ARRAY;
      size_t ValueSize = bpf_map__value_size(Map);
      if (PerCpu)
        ValueSize = ((ValueSize + 7) / 8 * 8) * Cpus;
      ArrayMap A{Name, Fd, bpf_map__max_entries(Map), ValueSize, {}};
      A.Initial.resize(A.ValueSize * A.Entries);
      for (uint32_t Key = 0; Key < A.Entries; ++Key)
        if (bpf_map_lookup_elem(Fd, &Key, A.Initial.data() + Key * ValueSize))
          return mapError(Name, "read");
      Maps.Arrays.push_back(std::move(A));
      break;
    }
    default:
      // Program arrays, ring buffers, maps of maps, ...: not state a
      // packet leaves behind for the next one, or not ours to touch.
      break;
    }
  }
  return Maps;
}

Error FreshMaps::reset() const {
  for (const HashMap &H : Hashes) {
    std::vector<uint8_t> Key(H.KeySize);
    // Deleting while iterating restarts from the first key each time.
    while (bpf_map_get_next_key(H.Fd, nullptr, Key.data()) == 0)
      if (bpf_map_delete_elem(H.Fd, Key.data()) && errno != ENOENT)
        return mapError(H.Name, "delete a key");
  }
  for (const ArrayMap &A : Arrays) {
    std::vector<uint8_t> Current(A.ValueSize);
    for (uint32_t Key = 0; Key < A.Entries; ++Key) {
      const uint8_t *Initial = A.Initial.data() + Key * A.ValueSize;
      // Most entries are untouched: compare before writing.
      if (bpf_map_lookup_elem(A.Fd, &Key, Current.data()) == 0 &&
          memcmp(Current.data(), Initial, A.ValueSize) == 0)
        continue;
      if (bpf_map_update_elem(A.Fd, &Key, Initial, BPF_ANY))
        return mapError(A.Name, "restore an entry");
    }
  }
  return Error::success();
}

} // namespace bpftidy::verify
