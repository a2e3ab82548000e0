//===- VerifierLog.h - reading the kernel verifier's log --------*- C++ -*-===//
//
// With log level 4 (BPF_LOG_STATS) the verifier ends its log with
// "processed N insns (limit L) max_states_per_insn M total_states T
// peak_states P mark_read R", the numbers veristat reports. With level 1 it
// also annotates instructions with "; source text @ file.c:LINE" from the
// program's BTF line info, which is how a rejection maps to a source line.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_VERIFIERLOG_H
#define BPF_TIDY_VERIFY_VERIFIERLOG_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace bpftidy::verify {

/// A program's verifier cost, as veristat reports it.
struct VerifierCost {
  bool Known = false;
  uint64_t InstructionsProcessed = 0;
  uint64_t TotalStates = 0;
  uint64_t PeakStates = 0;
  uint64_t MaxStatesPerInstruction = 0;
  uint64_t VerificationTimeUsec = 0;
};

/// The cost in \p Log's statistics lines; Known is false without them.
VerifierCost parseVerifierCost(llvm::StringRef Log);

/// The last \p Count non-empty lines of \p Log.
std::string lastLogLines(llvm::StringRef Log, unsigned Count);

/// The verifier's own reason for a rejection: the last line of \p Log that
/// is neither a statistic nor an instruction ("invalid access to packet,
/// off=64 size=4"); empty when there is none.
std::string verifierReason(llvm::StringRef Log);

/// The last "; text @ file:line" annotation of \p Log: the source line of
/// the instruction the verifier was at when it gave up.
struct VerifierSourceLine {
  std::string File;
  unsigned Line = 0;
  std::string Text;
};
std::optional<VerifierSourceLine> lastSourceLine(llvm::StringRef Log);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_VERIFIERLOG_H
