//===- VerifyCommand.h - bpf-tidy verify ------------------------*- C++ -*-===//
//
// The build-load-run proof loop's entry point. The bpf-tidy command
// dispatches "bpf-tidy verify ..." here; bpf-tidy-verify is a thin main
// around it. Exit codes (cli/ExitCodes.h, the tool's one table): 0 proven /
// all good, 1 failure, 2 usage or bad input, 77 no privilege to load BPF (1
// under CI=true).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_VERIFYCOMMAND_H
#define BPF_TIDY_VERIFY_VERIFYCOMMAND_H

#include "cli/ExitCodes.h"

namespace bpftidy::verify {

/// bpf-tidy-verify: the options at the top level.
int verifyMain(int argc, const char **argv);

/// "bpf-tidy verify ...": \p argv[1] is "verify".
int verifySubcommandMain(int argc, const char **argv);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_VERIFYCOMMAND_H
