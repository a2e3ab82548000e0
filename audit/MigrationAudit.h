//===- MigrationAudit.h - the audit of a migration, before and after -*- C++
//-*-//
//
// migrate fixes a tree; the audit says what the compiled code hands the
// kernel before and after. Before, each bare exit the fix touched is
// explained by a source finding it fixed (matched by site, relative to the
// tree); after, no program of any configuration may still have a bare exit
// with the same program, configuration and value. The report shows the bare
// exits per configuration on both sides.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_MIGRATIONAUDIT_H
#define BPF_TIDY_AUDIT_MIGRATIONAUDIT_H

#include "audit/Audit.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::audit {

struct ConfigurationBareExits {
  std::string Configuration;
  size_t Before = 0, After = 0;
};

struct MigrationAudit {
  /// Why the audit could not be made (a side did not compile); empty when
  /// it was.
  std::string Error;
  std::vector<ConfigurationBareExits> PerConfiguration;
  /// Bare exits before that a fixed site explained.
  size_t Fixed = 0;
  /// Of those, the ones still there after the fix.
  std::vector<BareExit> StillThere;
};

/// Audits the tree before (\p BeforeList, a copy of the tree at
/// \p BeforeRoot) and after (\p AfterList in \p AfterRoot). \p Findings is
/// the analysis's JSON report (docs/usage.md): its findings with "fixed"
/// are the sites the tool says it fixed, their paths relative to the
/// current directory or absolute, in \p AfterRoot. \p ConfigFile: the
/// check's configuration the analysis was given (--config-file), if any.
MigrationAudit
auditMigration(llvm::StringRef BeforeList, llvm::StringRef BeforeRoot,
               llvm::StringRef AfterList, llvm::StringRef AfterRoot,
               const llvm::json::Object *Findings,
               const std::optional<std::string> &ConfigFile, unsigned Jobs);

/// The report's section: a table of bare exits per configuration, before
/// and after, and each bare exit a fix should have removed.
std::string migrationAuditMarkdown(const MigrationAudit &Audit);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_MIGRATIONAUDIT_H
