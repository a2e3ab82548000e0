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
TestRunner::create(const LoadedObject &Object, StringRef ObjectPath,
                   const std::optional<DatapathProfile> &Profile) {
  Expected<FreshMaps> Maps = FreshMaps::snapshot(Object.object());
  if (!Maps)
    return Maps.takeError();
  std::unique_ptr<TestRunner> Runner(new TestRunner(std::move(*Maps)));
  if (Profile) {
    Expected<std::unique_ptr<DropNotifications>> Notifications =
        DropNotifications::create(Object.object(), ObjectPath, *Profile);
    if (!Notifications)
      return Notifications.takeError();
    Runner->Notifications = std::move(*Notifications);
  }
  return Runner;
}

PacketRun TestRunner::run(const LoadedProgram &Program,
                          const CorpusPacket &Packet) {
  PacketRun Run;
  Run.Program = Program.Name;
  Run.Packet = Packet.Recipe;
  Run.DropVerdict = dropVerdictFor(Program.Type);

  // Notifications left over from an earlier run belong to no packet.
  if (Notifications)
    Notifications->discard();
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
  if (Notifications) {
    RunNotifications Read = Notifications->collect();
    if (!Read.Error.empty())
      Run.Error = "reading drop notifications: " + Read.Error;
    Run.Events = std::move(Read.Events);
    Run.Metrics = std::move(Read.Metrics);
  }
  return Run;
}

} // namespace bpftidy::verify
