//===- SarifReport.h - --format=sarif ---------------------------*- C++ -*-===//
//
// SARIF 2.1.0, as code-scanning services read it: one run, the checks as
// rules, each finding as a result with its location, the notes (macro
// expansions, configurations) as related locations, and the fix as
// artifact changes. Paths are relative to the current directory (the
// checkout root in CI), named by the SRCROOT base id.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_SARIFREPORT_H
#define BPF_TIDY_CLI_SARIFREPORT_H

#include "cli/FindingRecord.h"
#include "llvm/Support/JSON.h"

namespace bpftidy {

llvm::json::Value findingsToSarif(const std::vector<FindingRecord> &Records,
                                  llvm::StringRef BaseDirectory);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_SARIFREPORT_H
