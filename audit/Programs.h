//===- Programs.h - the programs of a compiled unit -------------*- C++ -*-===//
//
// In the optimised module, a program is a function definition that the rest
// of the tool calls a program (ProgramClassifier): its section, and the
// btf_decl_tag values debug info keeps on its DISubprogram. Tail calls are
// programs; a declare_tailcall_if() function inlined in this configuration
// is no function at all any more, its code is part of its callers'.
//
// The program type decides which return values are verdicts: tc
// (TC_ACT_UNSPEC -1 to TC_ACT_TRAP 8) or XDP (XDP_ABORTED 0 to XDP_REDIRECT
// 4), from the section as libbpf and Cilium name them; a tail call has the
// type of the unit's entry programs.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_PROGRAMS_H
#define BPF_TIDY_AUDIT_PROGRAMS_H

#include "analyzer/core/ProgramClassifier.h"
#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace bpftidy::audit {

enum class ProgramType { Tc, Xdp, Other };

struct Program {
  const llvm::Function *Function = nullptr;
  std::string Name;
  ProgramInfo Info;
  ProgramType Type = ProgramType::Tc;
};

/// The programs of \p Module, in the module's order.
std::vector<Program> findPrograms(const llvm::Module &Module,
                                  const ProgramClassifier &Classifier);

/// "tc", "xdp", "other".
const char *programTypeName(ProgramType Type);

/// Whether \p Value is a verdict a program of \p Type may return. Of the
/// values below -1 none is, for any type; other programs' values are not
/// judged.
bool isValidVerdict(ProgramType Type, int64_t Value);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_PROGRAMS_H
