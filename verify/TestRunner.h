//===- TestRunner.h - packets through programs with BPF_PROG_TEST_RUN -*- C++
//-*-//
//
// Runs one packet through one entry program of a loaded object, from fresh
// maps, and collects the verdict (retval as the kernel's int), the output
// packet and the drop events the run wrote to the "drop_events" ring buffer.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_TESTRUNNER_H
#define BPF_TIDY_VERIFY_TESTRUNNER_H

#include "verify/BpfLoader.h"
#include "verify/FreshMaps.h"
#include "verify/PacketCorpus.h"
#include "verify/RunResults.h"
#include <memory>

struct ring_buffer;

namespace bpftidy::verify {

class TestRunner {
public:
  /// Prepares \p Object (already loaded and wired) for test runs.
  static llvm::Expected<std::unique_ptr<TestRunner>>
  create(const LoadedObject &Object);
  ~TestRunner();

  /// Runs \p Packet through \p Program. A failing run is reported in the
  /// result's Error, not as an llvm::Error, so the others still run.
  PacketRun run(const LoadedProgram &Program, const CorpusPacket &Packet);

  /// Whether the object has a "drop_events" ring buffer to read.
  bool hasDropEvents() const { return Events != nullptr; }

private:
  TestRunner(FreshMaps Maps) : Maps(std::move(Maps)) {}
  static int onEvent(void *Context, void *Data, size_t Size);

  FreshMaps Maps;
  ring_buffer *Events = nullptr;
  std::vector<DropEvent> Collected;
  size_t UndecodableEvents = 0;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_TESTRUNNER_H
