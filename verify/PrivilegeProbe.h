//===- PrivilegeProbe.h - may this process load BPF programs? ---*- C++ -*-===//
//
// Privilege is detected by loading a trivial program, not by uid: root in a
// container may lack CAP_BPF, and a non-root user may have it.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_PRIVILEGEPROBE_H
#define BPF_TIDY_VERIFY_PRIVILEGEPROBE_H

#include <string>

namespace bpftidy::verify {

struct ProbeResult {
  enum Outcome {
    /// The trivial program loaded.
    CanLoad,
    /// EPERM or EACCES: no privilege to load BPF.
    NoPrivilege,
    /// Any other error (no BPF syscall, ...).
    Broken,
  } Result = Broken;
  std::string Message;
};

/// Loads "r0 = 0; exit" as a tc program (the type the datapath needs; an
/// unprivileged user may load socket filters but not this) and closes it.
ProbeResult probeBpfLoad();

/// Whether loading must work here: under CI=true (CI runs as root), not
/// being able to load is a broken setup, a failure rather than a skip.
bool loadingMustWork();

/// What --probe says when \p Probe did not load: its message, and under
/// CI=true why that fails the run.
std::string probeFailureMessage(const ProbeResult &Probe);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_PRIVILEGEPROBE_H
