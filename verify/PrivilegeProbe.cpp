//===- PrivilegeProbe.cpp - may this process load BPF programs? -----------===//

#include "verify/PrivilegeProbe.h"

#include "llvm/Support/Process.h"
#include <bpf/bpf.h>
#include <cerrno>
#include <cstring>
#include <optional>
#include <unistd.h>

namespace bpftidy::verify {

ProbeResult probeBpfLoad() {
  // r0 = 0; exit
  const struct bpf_insn Insns[] = {
      {BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0},
      {BPF_JMP | BPF_EXIT, 0, 0, 0, 0},
  };
  int Fd = bpf_prog_load(BPF_PROG_TYPE_SCHED_CLS, "bpf_tidy_probe", "GPL",
                         Insns, 2, nullptr);
  ProbeResult R;
  if (Fd >= 0) {
    close(Fd);
    R.Result = ProbeResult::CanLoad;
    R.Message = "BPF programs can be loaded";
    return R;
  }
  int Err = errno;
  R.Result = Err == EPERM || Err == EACCES ? ProbeResult::NoPrivilege
                                           : ProbeResult::Broken;
  R.Message = std::string("loading a trivial BPF program failed: ") +
              strerror(Err) +
              (R.Result == ProbeResult::NoPrivilege
                   ? " (needs CAP_BPF and CAP_NET_ADMIN, or root)"
                   : "");
  return R;
}

bool loadingMustWork() {
  std::optional<std::string> CI = llvm::sys::Process::GetEnv("CI");
  return CI && *CI == "true";
}

std::string probeFailureMessage(const ProbeResult &Probe) {
  if (Probe.Result == ProbeResult::NoPrivilege && loadingMustWork())
    return Probe.Message + "; CI=true: loading must work there (CI runs as "
                           "root), so this is a failure";
  return Probe.Message;
}

} // namespace bpftidy::verify
