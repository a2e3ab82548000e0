//===- AuditReport.h - the audit's reports -----------------------*- C++
//-*-===//
//
// The audit reports in the check's three formats (docs/audit.md): text (one
// block per bare exit: what, where each edge comes from, whether the source
// analysis explains it; then a line per configuration), JSON (every program
// with the values its returns take, the bare exits, the cross-check) and
// SARIF 2.1.0 (a result per bare exit, rule bpf-audit-bare-exit, each edge a
// related location). Paths are relative to \p BaseDirectory when below it.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_AUDITREPORT_H
#define BPF_TIDY_AUDIT_AUDITREPORT_H

#include "audit/Audit.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace bpftidy::audit {

/// The rule id of a bare exit in SARIF and JSON.
inline constexpr const char *BareExitRule = "bpf-audit-bare-exit";

void printAuditText(const AuditResult &Result, llvm::StringRef BaseDirectory,
                    llvm::raw_ostream &OS);
llvm::json::Value auditToJson(const AuditResult &Result,
                              llvm::StringRef BaseDirectory);
llvm::json::Value auditToSarif(const AuditResult &Result,
                               llvm::StringRef BaseDirectory);

/// "3 bare exits in 5 units of 5 configurations (1 not explained by the
/// source analysis; 0 source findings with no bare exit)".
std::string auditSummary(const AuditResult &Result);

/// "-134 (DROP_INVALID)", or "-134" when the unit names it nothing.
std::string describeValue(const BareExit &Exit);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_AUDITREPORT_H
