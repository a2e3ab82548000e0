//===- TestRunner.h - packets through programs with BPF_PROG_TEST_RUN -*- C++
//-*-//
//
// Runs one packet through one entry program of a loaded object, from fresh
// maps, and collects the verdict (retval as the kernel's int), the output
// packet and the drops the run notified, read as the datapath's profile
// says (DropNotifications).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_TESTRUNNER_H
#define BPF_TIDY_VERIFY_TESTRUNNER_H

#include "verify/BpfLoader.h"
#include "verify/DatapathProfile.h"
#include "verify/DropNotifications.h"
#include "verify/FreshMaps.h"
#include "verify/PacketCorpus.h"
#include "verify/RunResults.h"
#include <memory>

namespace bpftidy::verify {

class TestRunner {
public:
  /// Prepares \p Object (already loaded and wired, built as \p ObjectPath)
  /// for test runs; drops are read as \p Profile says, or not at all.
  static llvm::Expected<std::unique_ptr<TestRunner>>
  create(const LoadedObject &Object, llvm::StringRef ObjectPath,
         const std::optional<DatapathProfile> &Profile);

  /// Runs \p Packet through \p Program. A failing run is reported in the
  /// result's Error, not as an llvm::Error, so the others still run.
  PacketRun run(const LoadedProgram &Program, const CorpusPacket &Packet);

  /// Whether notifications are read (a profile and its events map).
  bool readsNotifications() const {
    return Notifications && Notifications->readsEvents();
  }
  /// Where drops are read from, in words; empty when nowhere.
  std::string notificationSource() const {
    return Notifications ? Notifications->describe() : "";
  }

private:
  TestRunner(FreshMaps Maps) : Maps(std::move(Maps)) {}

  FreshMaps Maps;
  std::unique_ptr<DropNotifications> Notifications;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_TESTRUNNER_H
