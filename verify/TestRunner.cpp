//===- TestRunner.cpp - packets through programs with BPF_PROG_TEST_RUN ---===//

#include "verify/TestRunner.h"

#include "verify/PacketBuilder.h"
#include "verify/ProgramSections.h"
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstring>

using namespace llvm;

namespace bpftidy::verify {

// Room for any packet a program may grow (headroom pushes, encapsulation).
constexpr size_t OutputCapacity = 64 * 1024;

Expected<std::unique_ptr<TestRunner>>
TestRunner::create(const LoadedObject &Object) {
  Expected<FreshMaps> Maps = FreshMaps::snapshot(Object.object());
  if (!Maps)
    return Maps.takeError();
  std::unique_ptr<TestRunner> Runner(new TestRunner(std::move(*Maps)));
  bpf_map *Map =
      bpf_object__find_map_by_name(Object.object(), DropEventsMapName);
  if (Map && bpf_map__type(Map) == BPF_MAP_TYPE_RINGBUF) {
    Runner->Events = ring_buffer__new(bpf_map__fd(Map), &TestRunner::onEvent,
                                      Runner.get(), nullptr);
    if (!Runner->Events)
      return createStringError(std::error_code(errno, std::generic_category()),
                               "cannot read ring buffer '%s': %s",
                               DropEventsMapName, strerror(errno));
  }
  return Runner;
}

TestRunner::~TestRunner() { ring_buffer__free(Events); }

int TestRunner::onEvent(void *Context, void *Data, size_t Size) {
  auto *Runner = static_cast<TestRunner *>(Context);
  if (std::optional<DropEvent> E = decodeDropEvent(
          ArrayRef<uint8_t>(static_cast<const uint8_t *>(Data), Size)))
    Runner->Collected.push_back(*E);
  else
    ++Runner->UndecodableEvents;
  return 0;
}

PacketRun TestRunner::run(const LoadedProgram &Program,
                          const CorpusPacket &Packet) {
  PacketRun Run;
  Run.Program = Program.Section;
  Run.Packet = Packet.Recipe;
  Run.DropVerdict = dropVerdictFor(Program.Type);

  // Events left over from an earlier run belong to no packet.
  if (Events)
    ring_buffer__consume(Events);
  Collected.clear();
  UndecodableEvents = 0;
  if (Error E = Maps.reset()) {
    Run.Error = "resetting maps: " + toString(std::move(E));
    return Run;
  }

  std::vector<uint8_t> Output(OutputCapacity);
  bpf_test_run_opts Opts{};
  Opts.sz = sizeof(Opts);
  Opts.data_in = Packet.Bytes.data();
  Opts.data_size_in = Packet.Bytes.size();
  Opts.data_out = Output.data();
  Opts.data_size_out = Output.size();
  Opts.repeat = 1;
  if (int Err = bpf_prog_test_run_opts(Program.Fd, &Opts)) {
    Run.Error = std::string("BPF_PROG_TEST_RUN: ") + strerror(-Err);
    if (Err == -EINVAL &&
        Packet.Bytes.size() < minimumTestRunSize(Packet.Bytes)) {
      Run.Refused = true;
      Run.Error = "the kernel refuses test runs of packets shorter than "
                  "their IP header (" +
                  std::to_string(Packet.Bytes.size()) + " < " +
                  std::to_string(minimumTestRunSize(Packet.Bytes)) + " bytes)";
    }
    return Run;
  }
  // retval is unsigned: a bare DROP_INVALID comes back as 0xffffff7a.
  Run.Verdict = static_cast<int32_t>(Opts.retval);
  Output.resize(Opts.data_size_out);
  Run.Output = std::move(Output);
  if (Events && ring_buffer__consume(Events) < 0)
    Run.Error = std::string("reading drop events: ") + strerror(errno);
  else if (UndecodableEvents)
    Run.Error = std::to_string(UndecodableEvents) +
                " drop event(s) shorter than struct drop_event";
  Run.Events = std::move(Collected);
  Collected.clear();
  return Run;
}

} // namespace bpftidy::verify
