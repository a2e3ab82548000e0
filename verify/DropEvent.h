//===- DropEvent.h - one notified drop --------------------------*- C++ -*-===//
//
// The record the sample datapath's notification helpers write to the ring
// buffer "drop_events" (docs/formats.md, section 4).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_DROPEVENT_H
#define BPF_TIDY_VERIFY_DROPEVENT_H

#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace bpftidy::verify {

/// Name of the ring buffer map the events are read from.
constexpr const char *DropEventsMapName = "drop_events";
/// Size of struct drop_event in bpf/lib/drop.h.
constexpr size_t DropEventSize = 20;

struct DropEvent {
  int32_t Reason = 0;
  uint32_t SourceLine = 0;
  uint32_t SourceFile = 0;
  uint32_t SourceIdentity = 0;
  uint8_t Direction = 0;
  uint8_t ExitCode = 0;

  /// Equality as the differential compares events: everything but the
  /// source line, which moves when code above the notification is edited.
  bool sameApartFromSourceLine(const DropEvent &Other) const {
    return Reason == Other.Reason && SourceFile == Other.SourceFile &&
           SourceIdentity == Other.SourceIdentity &&
           Direction == Other.Direction && ExitCode == Other.ExitCode;
  }
  /// "reason -134 dir 2 exit 2 file 1 line 88 identity 0".
  std::string describe() const;
};

/// Decodes a ring buffer record; std::nullopt if it is too short.
std::optional<DropEvent> decodeDropEvent(llvm::ArrayRef<uint8_t> Record);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_DROPEVENT_H
