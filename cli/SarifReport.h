//===- SarifReport.h - --format=sarif ---------------------------*- C++ -*-===//
//
// SARIF 2.1.0, as code-scanning services (GitHub's) read it: one run, every
// registered check as a rule with its descriptions and help, each finding
// as a result with its location, the notes (macro expansions,
// configurations) as related locations, the fix as artifact changes, and
// fingerprints that do not change when lines move. Files that did not
// parse are notifications of the invocation, not results. URIs are
// relative to the repository's root (base id SRCROOT), never absolute:
// what lies outside the root is named in messages only. docs/ci.md says
// what code scanning does with each part.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_SARIFREPORT_H
#define BPF_TIDY_CLI_SARIFREPORT_H

#include "cli/FindingRecord.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace bpftidy {

/// The directory SARIF URIs are relative to: \p Requested (--sarif-root)
/// when given, else the top of the git work tree holding the current
/// directory, else the current directory. Canonical (symlinks resolved).
llvm::Expected<std::string> sarifRoot(llvm::StringRef Requested);

/// The report of \p Records, URIs relative to \p Root (from sarifRoot).
llvm::json::Value findingsToSarif(const std::vector<FindingRecord> &Records,
                                  llvm::StringRef Root);

/// The fingerprint of a finding: a SHA-256 (hex) of its check, its file
/// relative to the root, its enclosing function, its statement's
/// normalized text and its occurrence among identical statements of that
/// function (what baselines match on, docs/ci.md), so it does not change
/// when lines are added or removed around the finding.
std::string findingFingerprint(const FindingRecord &Finding,
                               llvm::StringRef RelativeFile);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_SARIFREPORT_H
