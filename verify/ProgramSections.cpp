//===- ProgramSections.cpp - what a program's section says ----------------===//

#include "verify/ProgramSections.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

using namespace llvm;

namespace bpftidy::verify {

namespace {
struct NamedType {
  StringRef Name;
  bpf_prog_type Type;
};
} // namespace

static const NamedType ProgramTypeNames[] = {
    {"sched_cls", BPF_PROG_TYPE_SCHED_CLS},
    {"tc", BPF_PROG_TYPE_SCHED_CLS},
    {"sched_act", BPF_PROG_TYPE_SCHED_ACT},
    {"xdp", BPF_PROG_TYPE_XDP},
    {"socket_filter", BPF_PROG_TYPE_SOCKET_FILTER},
    {"cgroup_skb", BPF_PROG_TYPE_CGROUP_SKB},
    {"lwt_in", BPF_PROG_TYPE_LWT_IN},
    {"lwt_out", BPF_PROG_TYPE_LWT_OUT},
    {"lwt_xmit", BPF_PROG_TYPE_LWT_XMIT},
    {"flow_dissector", BPF_PROG_TYPE_FLOW_DISSECTOR},
};

std::optional<bpf_prog_type> programTypeByName(StringRef Name) {
  for (const NamedType &T : ProgramTypeNames)
    if (T.Name == Name)
      return T.Type;
  return std::nullopt;
}

StringRef programTypeName(bpf_prog_type Type) {
  for (const NamedType &T : ProgramTypeNames)
    if (T.Type == Type)
      return T.Name;
  return Type == BPF_PROG_TYPE_UNSPEC ? "unspec" : "other";
}

Expected<ProgramTypeOverride> parseProgramTypeOverride(StringRef Spec) {
  size_t Eq = Spec.rfind('=');
  if (Eq == StringRef::npos || Eq == 0)
    return createStringError(inconvertibleErrorCode(),
                             "--prog-type '" + Spec +
                                 "': expected SECTION_REGEX=TYPE");
  StringRef Pattern = Spec.take_front(Eq), TypeName = Spec.drop_front(Eq + 1);
  std::optional<bpf_prog_type> Type = programTypeByName(TypeName);
  if (!Type) {
    std::string Known;
    for (const NamedType &T : ProgramTypeNames)
      Known += (Known.empty() ? "" : ", ") + T.Name.str();
    return createStringError(inconvertibleErrorCode(),
                             "--prog-type '" + Spec + "': unknown type '" +
                                 TypeName + "' (known: " + Known + ")");
  }
  std::string RegexError;
  if (!Regex(Pattern).isValid(RegexError))
    return createStringError(inconvertibleErrorCode(),
                             "--prog-type '" + Spec +
                                 "': bad regex: " + RegexError);
  return ProgramTypeOverride{Pattern.str(), *Type};
}

bpf_prog_type
chooseProgramType(StringRef Section, bpf_prog_type LibbpfType,
                  const std::vector<ProgramTypeOverride> &Overrides,
                  bpf_prog_type Fallback) {
  for (const ProgramTypeOverride &O : Overrides)
    if (Regex("^(" + O.SectionPattern + ")$").match(Section))
      return O.Type;
  if (LibbpfType != BPF_PROG_TYPE_UNSPEC)
    return LibbpfType;
  if (Section.starts_with("xdp"))
    return BPF_PROG_TYPE_XDP;
  return Fallback;
}

std::optional<int32_t> dropVerdictFor(bpf_prog_type Type) {
  switch (Type) {
  case BPF_PROG_TYPE_SCHED_CLS:
  case BPF_PROG_TYPE_SCHED_ACT:
    return 2; // TC_ACT_SHOT
  case BPF_PROG_TYPE_XDP:
    return 1; // XDP_DROP
  default:
    return std::nullopt;
  }
}

} // namespace bpftidy::verify
