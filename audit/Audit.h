//===- Audit.h - bare exits of every program in every configuration -*- C++
//-*-//
//
// The audit compiles each unit (IrCompiler.h), finds its programs
// (Programs.h), follows the values their returns can take
// (ReturnValues.h), and keeps, per program, each constant below -1 that is
// no verdict of its type: a *bare exit*, a drop reason handed to the kernel
// as it is. Values it cannot name are counted per program (unknown), never
// reported. With the source analysis it also says which source finding of
// bpf-bare-drop-return explains each bare exit (same program,
// configuration and reason), and which source findings no bare exit of any
// configuration confirms.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_AUDIT_H
#define BPF_TIDY_AUDIT_AUDIT_H

#include "analyzer/core/Conventions.h"
#include "audit/CheckConfiguration.h"
#include "audit/Programs.h"
#include "audit/ReturnValues.h"
#include "audit/SourceFinding.h"
#include "cli/AnalysisUnit.h"
#include <map>
#include <string>
#include <vector>

namespace bpftidy::audit {

struct ProgramAudit {
  std::string Name;
  ProgramInfo Info;
  ProgramType Type = ProgramType::Tc;
  /// Every value its returns can take, one per incoming edge.
  std::vector<ReturnedValue> Returns;

  unsigned unknownCount() const;
};

struct UnitAudit {
  AnalysisUnit Unit;
  /// The compiler's errors; the unit was not audited when not empty.
  std::string Errors;
  std::vector<ProgramAudit> Programs;
  std::map<int64_t, std::vector<std::string>> ReasonNames;
  std::vector<SourceFinding> SourceFindings;
};

/// Where a source finding is, to name it.
struct SiteRef {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Function;
  /// NOLINT silences the finding there (not part of the order: a site is
  /// silenced or not in every configuration).
  bool Silenced = false;

  bool operator<(const SiteRef &Other) const;
};

/// A program that can hand \p Value to the kernel in one configuration.
struct BareExit {
  std::string Configuration;
  std::string File;
  std::string Program;
  ProgramInfo Info;
  ProgramType Type = ProgramType::Tc;
  int64_t Value = 0;
  /// The drop reasons the unit names \p Value by.
  std::vector<std::string> Reasons;
  /// Where it reaches the return, one per incoming edge (an empty chain:
  /// debug info keeps no location).
  std::vector<SourceChain> Edges;
  /// With the source analysis: the findings that explain it.
  std::vector<SiteRef> ExplainedBy;
};

/// A source finding no bare exit confirms in any configuration.
struct UnconfirmedFinding {
  SiteRef Site;
  std::vector<std::string> Programs;
  std::vector<int64_t> Reasons;
  std::vector<std::string> Configurations;
};

struct AuditOptions {
  /// The conventions of a source Configurations does not name.
  Conventions Options;
  /// The check's configuration for each source (by its path): the
  /// conventions the audit and the source analysis use there, and whether
  /// the check, hence the source analysis, runs there at all.
  std::map<std::string, CheckConfiguration> Configurations;
  /// Compare with the source analysis.
  bool CrossCheck = true;
  /// Units compiled at once (0: one per core).
  unsigned Jobs = 0;
  /// When set, each unit's optimised module is written here as
  /// "<configuration>.<source file name>.ll".
  std::string SaveIrDirectory;
};

struct AuditResult {
  std::vector<std::string> Configurations;
  std::vector<UnitAudit> Units;
  std::vector<BareExit> BareExits;
  bool CrossChecked = false;
  std::vector<UnconfirmedFinding> Unconfirmed;

  bool anyUnitFailed() const;
};

/// Audits every unit.
AuditResult runAudit(const std::vector<AnalysisUnit> &Units,
                     const AuditOptions &Options);

/// The bare exits of one audited unit (before any cross-check).
std::vector<BareExit> bareExitsOf(const UnitAudit &Unit);

/// Fills each bare exit's ExplainedBy and the result's Unconfirmed from the
/// units' source findings.
void crossCheck(AuditResult &Result);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_AUDIT_H
