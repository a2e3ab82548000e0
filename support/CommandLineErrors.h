//===- CommandLineErrors.h - llvm::cl parses that return an Error -*- C++ -*-//
//
// verify, migrate and audit parse with llvm::cl like bpf-tidy itself, but
// report usage errors their own way ("TOOL: error: ...", exit 2). This runs the
// parse and hands back llvm::cl's complaints as an llvm::Error.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_SUPPORT_COMMANDLINEERRORS_H
#define BPF_TIDY_SUPPORT_COMMANDLINEERRORS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"

namespace bpftidy {

/// Resets every option, then parses \p Argv (program name first, then the
/// name of \p Sub unless it is the top level). --help prints and exits 0, as
/// llvm::cl does. llvm::cl also accepts the top level's options in a
/// subcommand (bpf-tidy's --fix in "bpf-tidy verify"); those are refused.
llvm::Error parseCommandLine(llvm::ArrayRef<const char *> Argv,
                             llvm::StringRef Overview,
                             llvm::cl::SubCommand &Sub);

} // namespace bpftidy

#endif // BPF_TIDY_SUPPORT_COMMANDLINEERRORS_H
