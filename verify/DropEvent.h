//===- DropEvent.h - one notified drop --------------------------*- C++ -*-===//
//
// A notified drop as the verify loop compares it, whatever record the
// datapath wrote (DropNotifications decodes it as its profile says), and
// a count of the datapath's metrics map.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_DROPEVENT_H
#define BPF_TIDY_VERIFY_DROPEVENT_H

#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace bpftidy::verify {

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
  /// "reason -134 dir 2 exit 2 file 1 line 88 identity 0"; direction 0 is
  /// unknown (no field, and the metrics did not tell).
  std::string describe() const;
};

/// Packets the metrics map counted for one (reason, direction) in one run.
struct MetricCount {
  /// 0: forwarded; otherwise the drop reason's absolute value.
  uint32_t Reason = 0;
  uint32_t Direction = 0;
  uint64_t Count = 0;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_DROPEVENT_H
