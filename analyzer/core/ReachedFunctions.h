//===- ReachedFunctions.h - what the kernel can run -------------*- C++ -*-===//
//
// Checks look at programs and the functions they call, not at helpers no
// program uses in this configuration.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_REACHEDFUNCTIONS_H
#define BPF_TIDY_ANALYZER_CORE_REACHEDFUNCTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace bpftidy {

class FunctionUses;

/// The definitions of \p Definitions that are programs or that programs
/// call (directly or not), in the order of \p Definitions.
std::vector<const clang::FunctionDecl *> reachedFromPrograms(
    llvm::ArrayRef<const clang::FunctionDecl *> Definitions,
    llvm::function_ref<bool(const clang::FunctionDecl &)> IsProgram,
    const FunctionUses &Uses);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_REACHEDFUNCTIONS_H
