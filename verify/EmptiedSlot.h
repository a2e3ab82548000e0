//===- EmptiedSlot.h - a tail-call slot emptied for one run ------*- C++
//-*-===//
//
// A missed tail call is reached only when its slot is empty. An intended
// site that says "empty_slot" (docs/formats.md, section 2) has its packet
// run once more with that slot emptied; the program that was there goes
// back when the EmptiedSlot ends, so the other runs see the datapath wired.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_EMPTIEDSLOT_H
#define BPF_TIDY_VERIFY_EMPTIEDSLOT_H

#include "verify/BpfLoader.h"
#include "llvm/Support/Error.h"
#include <cstdint>

namespace bpftidy::verify {

class EmptiedSlot {
public:
  /// Empties \p Slot of \p Loaded's program array.
  static llvm::Expected<EmptiedSlot> empty(const LoadedObject &Loaded,
                                           const TailCallSlot &Slot,
                                           const LoadOptions &Options);
  EmptiedSlot(EmptiedSlot &&Other)
      : MapFd(Other.MapFd), Key(Other.Key), ProgramFd(Other.ProgramFd) {
    Other.ProgramFd = -1;
  }
  EmptiedSlot(const EmptiedSlot &) = delete;
  EmptiedSlot &operator=(const EmptiedSlot &) = delete;
  EmptiedSlot &operator=(EmptiedSlot &&) = delete;
  /// Puts back the program that was in the slot, if any.
  ~EmptiedSlot();

private:
  EmptiedSlot(int MapFd, uint32_t Key, int ProgramFd)
      : MapFd(MapFd), Key(Key), ProgramFd(ProgramFd) {}

  int MapFd;
  uint32_t Key;
  /// The loaded program the loader put in the slot; -1: none.
  int ProgramFd;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_EMPTIEDSLOT_H
