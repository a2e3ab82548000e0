//===- DropNotifications.h - read a run's drops as a profile says -*- C++ -*-=//
//
// Reads what one test run reported, the way a DatapathProfile describes it:
// the notification records from a ring buffer or a perf event array
// (polled after every run: BPF_PROG_TEST_RUN writes them on the CPU the
// run took), decoded by field name and filtered by notify type; and the
// metrics map, per-CPU values summed. A notification without a direction
// field takes the direction the metrics map counted its reason under.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_DROPNOTIFICATIONS_H
#define BPF_TIDY_VERIFY_DROPNOTIFICATIONS_H

#include "verify/DatapathProfile.h"
#include "verify/DropEvent.h"
#include "verify/RecordLayout.h"
#include <memory>

struct bpf_object;
struct ring_buffer;
struct perf_buffer;

namespace bpftidy::verify {

/// What one run reported.
struct RunNotifications {
  std::vector<DropEvent> Events;
  std::vector<MetricCount> Metrics;
  /// Records that could not be decoded, or events the kernel lost.
  std::string Error;
};

/// Decodes one notification record; std::nullopt when it is another notify
/// type. Free of libbpf, so units test it with hand-made layouts.
struct EventDecoder {
  RecordLayout Record;
  FieldLayout Reason;
  std::optional<FieldLayout> Type, Direction, File, Line, Identity, ExitCode;
  int64_t TypeValue = 0;
  bool ReasonIsAbsolute = false;

  /// Whether \p Bytes is a drop; \p Error set when it is too short.
  std::optional<DropEvent> decode(llvm::ArrayRef<uint8_t> Bytes,
                                  std::string &Error) const;
};

/// Gives each event without a direction the one direction \p Metrics
/// counted its reason under (none when the metrics disagree or are silent).
void directionsFromMetrics(std::vector<DropEvent> &Events,
                           llvm::ArrayRef<MetricCount> Metrics);

class DropNotifications {
public:
  /// Resolves \p Profile's records in \p Object (BTF first, then the DWARF
  /// of \p ObjectPath) and opens its maps. A map the object lacks is not
  /// read; a record or field the profile names but the object lacks is an
  /// error.
  static llvm::Expected<std::unique_ptr<DropNotifications>>
  create(bpf_object *Object, llvm::StringRef ObjectPath,
         const DatapathProfile &Profile);
  ~DropNotifications();

  /// Throws away whatever earlier runs left.
  void discard();
  /// Reads what the run since the last discard() reported.
  RunNotifications collect();

  bool readsEvents() const { return Ring || Perf; }
  /// "perf event array 'test_cilium_events' (struct drop_notify from DWARF)".
  std::string describe() const;

private:
  DropNotifications() = default;
  static int onRingRecord(void *Context, void *Data, size_t Size);
  static void onPerfSample(void *Context, int Cpu, void *Data, uint32_t Size);
  static void onPerfLost(void *Context, int Cpu, unsigned long long Count);
  void onRecord(llvm::ArrayRef<uint8_t> Bytes);
  std::vector<MetricCount> readMetrics(std::string &Error) const;

  std::string Description;
  EventDecoder Decoder;
  ring_buffer *Ring = nullptr;
  perf_buffer *Perf = nullptr;
  bool HasDirection = false;
  int MetricsFd = -1;
  bool MetricsPerCpu = false;
  uint32_t MetricsKeySize = 0, MetricsValueSize = 0;
  FieldLayout KeyReason, KeyDirection, ValueCount;
  bool Discarding = false;
  RunNotifications Current;
};

/// Grows every perf event array of \p Object (not loaded yet) to the
/// machine's possible CPUs: a test build's smaller __NR_CPUS__ would lose
/// events written on higher CPUs without a word.
llvm::Error sizePerfEventArrays(bpf_object *Object);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_DROPNOTIFICATIONS_H
