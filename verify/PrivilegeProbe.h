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

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_PRIVILEGEPROBE_H
