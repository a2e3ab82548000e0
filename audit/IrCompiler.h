//===- IrCompiler.h - compile a unit to optimised LLVM IR -------*- C++ -*-===//
//
// The audit reads the code the kernel loads: each unit is compiled in
// process, as the real build compiles it (-O2 -g, the BPF target's own
// optimisation passes included, since the target is initialised), and the
// optimised module is kept instead of an object. On the same AST, before
// code generation, it reads the names of the drop reasons (macros and
// enumerators whose value is a constant) and runs the source analysis of
// bpf-bare-drop-return, so the two can be compared per unit at no second
// parse.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_IRCOMPILER_H
#define BPF_TIDY_AUDIT_IRCOMPILER_H

#include "analyzer/core/Conventions.h"
#include "audit/SourceFinding.h"
#include "cli/AnalysisUnit.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bpftidy::audit {

struct CompiledUnit {
  std::unique_ptr<llvm::LLVMContext> Context;
  std::unique_ptr<llvm::Module> Module;
  /// The compiler's errors, as it prints them; the unit did not compile
  /// when this is not empty.
  std::string Errors;
  /// The drop reasons the unit names, by value ("DROP_INVALID" for -134).
  std::map<int64_t, std::vector<std::string>> ReasonNames;
  /// What the source analysis finds in the unit (when asked for).
  std::vector<SourceFinding> SourceFindings;
};

struct CompileOptions {
  Conventions Options;
  /// Whether to run the source analysis on the unit's AST too.
  bool SourceAnalysis = false;
};

/// Makes the BPF target available to code generation; call once, before
/// the first compileToIr.
void initializeBpfTarget();

/// The command a unit is compiled with: its own, with -O2 -g put first (a
/// flag of the unit's own overrides them, as in the real build) and clang's
/// resource directory named.
std::vector<std::string> irCommandLine(const AnalysisUnit &Unit);

/// \p Path made absolute against the current directory, without `.` and
/// `..`: how the audit names the files it reports.
std::string absolutePath(llvm::StringRef Path);

/// Compiles \p Unit. Thread-safe: each call has its own LLVM context.
CompiledUnit compileToIr(const AnalysisUnit &Unit,
                         const CompileOptions &Options);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_IRCOMPILER_H
