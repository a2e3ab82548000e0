//===- AgentConstants.h - CONFIG()-style constants in the code --*- C++ -*-===//
//
// Cilium (2024 on) reads per-endpoint constants with CONFIG(name): an
// inline-asm 64-bit immediate load (ld_imm64) of the symbol
// `__config_<name>` in section `.rodata.config`, whose value Cilium's own
// loader writes into the instruction. Opened as plain data by libbpf, the
// load becomes a map-value pointer and the verifier rejects the program.
// This pass does what Cilium's loader does, and only that: it writes each
// constant into the ld_imm64 and drops that relocation. libbpf still
// performs every other relocation.
//
// A constant's value is its initial value in `.rodata.config` (what the
// configuration header ASSIGN_CONFIG()s, else 0), unless set for the run.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_AGENTCONSTANTS_H
#define BPF_TIDY_VERIFY_AGENTCONSTANTS_H

#include "verify/ElfObject.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bpftidy::verify {

/// Where the constants live, and their symbols' prefix.
inline constexpr llvm::StringLiteral AgentConstantSection = ".rodata.config";
inline constexpr llvm::StringLiteral AgentConstantPrefix = "__config_";

/// Values set for the run, by name without the prefix.
using AgentConstantValues = std::map<std::string, uint64_t>;

struct SubstitutedConstant {
  /// Without the prefix.
  std::string Name;
  uint64_t Value = 0;
  /// Set for the run rather than the object's initial value.
  bool SetForRun = false;
  /// Instructions written.
  unsigned Loads = 0;
};

/// Parses "NAME=VALUE" (VALUE decimal or 0x-hex; NAME with or without the
/// prefix).
llvm::Expected<std::pair<std::string, uint64_t>>
parseAgentConstant(llvm::StringRef Spec);

/// Writes every constant load in \p Object's programs; returns the
/// constants loaded, by name.
llvm::Expected<std::vector<SubstitutedConstant>>
substituteAgentConstants(ElfObject &Object, const AgentConstantValues &Set);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_AGENTCONSTANTS_H
