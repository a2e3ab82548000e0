//===- Version.h - bpf-tidy's own version -----------------------*- C++ -*-===//
//
// One version for every command (bpf-tidy, verify, migrate, bpf-tidy-verify)
// and report (SARIF): the CMake project's VERSION, plus `git describe` for a
// build from a checkout that is not the release tag.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CONFIG_VERSION_H
#define BPF_TIDY_CONFIG_VERSION_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace bpftidy {

/// "0.1.0", or "0.1.0 (git 0b69b49-dirty)" between releases.
llvm::StringRef bpfTidyVersion();

/// What --version prints: bpf-tidy's version, then the LLVM it is built with.
void printVersion(llvm::raw_ostream &OS);

/// Makes llvm::cl's --version (at the top level and in every subcommand)
/// print printVersion instead of LLVM's own version.
void usePrintVersionForCommandLine();

} // namespace bpftidy

#endif
