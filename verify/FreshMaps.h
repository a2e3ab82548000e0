//===- FreshMaps.h - every packet starts from the maps as loaded -*- C++
//-*-===//
//
// Test runs share the object's maps, so a conntrack entry created by one
// packet would change the next packet's path. Before each packet every
// hash, LRU and per-CPU hash is emptied and every array goes back to its
// contents right after loading (zeros, or a .data/.bss section's initial
// values). The program array (the tail-call wiring), ring buffers (drained
// by the runner) and read-only maps are left alone.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_FRESHMAPS_H
#define BPF_TIDY_VERIFY_FRESHMAPS_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

struct bpf_object;

namespace bpftidy::verify {

class FreshMaps {
public:
  /// Snapshots the arrays of the freshly loaded \p Object.
  static llvm::Expected<FreshMaps> snapshot(bpf_object *Object);

  /// Puts every map back to the snapshot.
  llvm::Error reset() const;

private:
  struct HashMap {
    std::string Name;
    int Fd;
    uint32_t KeySize;
  };
  struct ArrayMap {
    std::string Name;
    int Fd;
    uint32_t Entries;
    /// Bytes of one entry as the syscall sees it (per-CPU: all CPUs).
    size_t ValueSize;
    std::vector<uint8_t> Initial;
  };
  std::vector<HashMap> Hashes;
  std::vector<ArrayMap> Arrays;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_FRESHMAPS_H
