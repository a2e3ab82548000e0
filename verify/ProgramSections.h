//===- ProgramSections.h - what a program's section says --------*- C++ -*-===//
//
// libbpf 1.1 knows only its own section names ("tc", "xdp", ...). Datapaths
// in Cilium's style use others: entry programs in sections such as
// "from-container", tail calls in iproute2-style "MAP/KEY" sections
// ("2/7", "cilium_calls/7") or marked by a BTF decl tag "tail:MAP/ID"
// (tailcalls/TailCallSlot.h). These pure functions decide a program's type
// from its names; BpfLoader applies them.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_PROGRAMSECTIONS_H
#define BPF_TIDY_VERIFY_PROGRAMSECTIONS_H

#include "tailcalls/TailCallSlot.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <linux/bpf.h>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

using tailcalls::parseTailCallSection;
using tailcalls::parseTailCallTag;
using tailcalls::TailCallSlot;

/// --prog-type SECTION_REGEX=TYPE: programs whose whole section name matches
/// get TYPE.
struct ProgramTypeOverride {
  std::string SectionPattern;
  bpf_prog_type Type = BPF_PROG_TYPE_UNSPEC;
};

llvm::Expected<ProgramTypeOverride>
parseProgramTypeOverride(llvm::StringRef Spec);

/// A program type by the name libbpf prints ("sched_cls", "xdp"; "tc" is
/// accepted for sched_cls).
std::optional<bpf_prog_type> programTypeByName(llvm::StringRef Name);
llvm::StringRef programTypeName(bpf_prog_type Type);

/// The type of a program whose section libbpf did not recognize:
/// the first matching override, else XDP for "xdp*" sections, else
/// \p Fallback (the tc datapath's SCHED_CLS, or the entry programs' type for
/// tail calls).
bpf_prog_type
chooseProgramType(llvm::StringRef Section, bpf_prog_type LibbpfType,
                  const std::vector<ProgramTypeOverride> &Overrides,
                  bpf_prog_type Fallback = BPF_PROG_TYPE_SCHED_CLS);

/// The verdict a program of \p Type returns to drop a packet: TC_ACT_SHOT
/// for tc, XDP_DROP for XDP; std::nullopt for others.
std::optional<int32_t> dropVerdictFor(bpf_prog_type Type);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_PROGRAMSECTIONS_H
