//===- Report.h - what bpf-tidy verify tells people and machines -*- C++
//-*-===//
//
// The terminal report (tables of verdicts, verifier costs, sites and
// failures, and a summary line) and the JSON report (docs/verify.md) are
// two views of the same VerifyReport.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_REPORT_H
#define BPF_TIDY_VERIFY_REPORT_H

#include "verify/Differential.h"
#include "verify/FixedSites.h"
#include "verify/IntendedSites.h"
#include "verify/RunResults.h"
#include "verify/SiteProof.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace bpftidy::verify {

struct VerifyReport {
  bool Differential = false;
  /// Configuration names, in list order.
  std::vector<std::string> Configurations;
  /// One tree in single mode; before and after in differential mode.
  std::vector<TreeResults> Trees;
  std::vector<IntendedSite> Sites;
  /// Single mode: reach checks; differential: proofs.
  std::vector<SiteCheck> SiteChecks;
  std::optional<DifferentialResult> Comparison;
  /// --fixed-sites: the sites and the drops attributed to them.
  std::vector<FixedSite> FixedSites;
  std::vector<FixedSiteCheck> FixedSiteChecks;
  size_t CorpusSize = 0;
  /// Set when loading was skipped (no privilege): what and why.
  std::string Skipped;
  /// Failures of the site checks and the comparison (tree failures stay in
  /// their tree).
  std::vector<Failure> Failures;
  int ExitCode = 0;

  size_t packetsRun() const;
  size_t failureCount() const;
  /// Per-site status over all its configurations, in the sites' order.
  std::vector<std::pair<const IntendedSite *, SiteStatus>> siteStatuses() const;
};

void printReport(llvm::raw_ostream &OS, const VerifyReport &Report,
                 bool Verbose);
llvm::json::Value reportToJson(const VerifyReport &Report);

/// Short text of a verdict: "0 OK", "2 SHOT", "-134".
std::string verdictText(const PacketRun &Run);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_REPORT_H
