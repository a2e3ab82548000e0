//===- EmptiedSlot.cpp - a tail-call slot emptied for one run -------------===//

#include "verify/EmptiedSlot.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstring>

using namespace llvm;

namespace bpftidy::verify {

Expected<EmptiedSlot> EmptiedSlot::empty(const LoadedObject &Loaded,
                                         const TailCallSlot &Slot,
                                         const LoadOptions &Options) {
  Expected<bpf_map *> Map = programArrayOf(Loaded, Slot, Options);
  if (!Map)
    return createStringError(inconvertibleErrorCode(),
                             "cannot empty slot " + Slot.describe() + ": " +
                                 toString(Map.takeError()));
  // The program the loader wired there: a slot of the same map and key.
  int ProgramFd = -1;
  for (const LoadedProgram &P : Loaded.Programs) {
    if (!P.Slot || P.Slot->Key != Slot.Key)
      continue;
    Expected<bpf_map *> Its = programArrayOf(Loaded, *P.Slot, Options);
    if (Its && *Its == *Map) {
      ProgramFd = P.Fd;
      break;
    }
    if (!Its)
      consumeError(Its.takeError());
  }
  uint32_t Key = Slot.Key;
  int MapFd = bpf_map__fd(*Map);
  if (bpf_map_delete_elem(MapFd, &Key) && errno != ENOENT)
    return createStringError(inconvertibleErrorCode(),
                             "cannot empty slot " + Slot.describe() + ": " +
                                 strerror(errno));
  return EmptiedSlot(MapFd, Key, ProgramFd);
}

EmptiedSlot::~EmptiedSlot() {
  if (ProgramFd >= 0)
    bpf_map_update_elem(MapFd, &Key, &ProgramFd, BPF_ANY);
}

} // namespace bpftidy::verify
