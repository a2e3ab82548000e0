//===- SarifMerge.h - one SARIF run from the shards' reports ----*- C++ -*-===//
//
// Sharded CI jobs (--shard K/N) each write a SARIF report; code scanning
// wants one run per tool and category. Uploading the shards under one
// category each would report a site found by two shards (a header
// included by units of both) as two alerts, and close and reopen an alert
// when its unit moves to another shard. Merging gives one run: results
// that are the same finding (same rule, same fingerprint, docs/ci.md) are
// one result, with the union of their configurations.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_SARIFMERGE_H
#define BPF_TIDY_CLI_SARIFMERGE_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <vector>

namespace bpftidy {

/// One report from bpf-tidy's SARIF reports \p Reports (each one run, as
/// written by --format=sarif, named by \p Names in errors). Fails when a
/// report is not one, or when they disagree on the tool's version or on
/// the root their URIs are relative to.
llvm::Expected<llvm::json::Value>
mergeSarifReports(std::vector<llvm::json::Value> Reports,
                  const std::vector<std::string> &Names);

/// `bpf-tidy merge-sarif --output OUT IN...`.
int mergeSarifMain(int Argc, const char **Argv);

/// Registers the subcommand's options (so --help lists it).
void registerMergeSarifSubcommand();

} // namespace bpftidy

#endif // BPF_TIDY_CLI_SARIFMERGE_H
