//===- MigrationReport.h - the pull request text of a migration -*- C++ -*-===//
//
// A migration ends in a Markdown report a reviewer reads next to the diff:
// which sites were fixed (per check and file), what was left and why (from
// the findings' notes), and what the verify loop proved: configurations
// built, programs loaded, verifier cost, packets run, drops notified before
// and after, and per program the fixed sites a packet reached and those
// none reached, with why. It is made from the two machine reports of the run:
// the analysis's --format=json and verify's --json.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_MIGRATIONREPORT_H
#define BPF_TIDY_CLI_MIGRATIONREPORT_H

#include "cli/FixedSitesFromEdits.h"
#include "llvm/Support/JSON.h"
#include <string>

namespace bpftidy {

struct MigrationFacts {
  /// The migrated tree and its configuration list, as the user named them.
  std::string Tree;
  std::string ConfigurationList;
  /// The analysis's JSON report (FindingsJson); null if there is none.
  const llvm::json::Object *Findings = nullptr;
  /// verify's JSON report; null when verify did not run or wrote nothing.
  const llvm::json::Object *Verify = nullptr;
  /// verify's exit code (-1: it did not run).
  int VerifyExit = -1;
  /// Where the fix wrote each notification (handed to verify); null or
  /// empty when there is none.
  const std::vector<FixedSiteEntry> *FixedSites = nullptr;
};

std::string migrationReportMarkdown(const MigrationFacts &Facts);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_MIGRATIONREPORT_H
