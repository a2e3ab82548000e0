//===- MigrationAudit.cpp -------------------------------------------------===//

#include "audit/MigrationAudit.h"
#include "audit/AuditReport.h"
#include "audit/IrCompiler.h"
#include "config/ConfigurationList.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <set>
#include <tuple>

namespace bpftidy::audit {

/// \p Path relative to \p Root ("" when not below it).
static std::string belowRoot(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Absolute, Real))
    Absolute = Real;
  llvm::SmallString<256> RealRoot;
  if (llvm::sys::fs::real_path(Root, RealRoot))
    RealRoot = Root;
  llvm::StringRef Rest(Absolute);
  if (!Rest.consume_front(RealRoot) || !Rest.consume_front("/"))
    return "";
  return Rest.str();
}

/// The sites the analysis fixed: (path below the tree, line, column).
static std::set<std::tuple<std::string, int64_t, int64_t>>
fixedSites(const llvm::json::Object *Findings, llvm::StringRef Root) {
  std::set<std::tuple<std::string, int64_t, int64_t>> Sites;
  const llvm::json::Array *List =
      Findings ? Findings->getArray("findings") : nullptr;
  if (!List)
    return Sites;
  for (const llvm::json::Value &V : *List) {
    const llvm::json::Object *F = V.getAsObject();
    if (!F || F->getBoolean("fixed") != true)
      continue;
    Sites.insert({belowRoot(F->getString("file").value_or(""), Root),
                  F->getInteger("line").value_or(0),
                  F->getInteger("column").value_or(0)});
  }
  return Sites;
}

static std::optional<AuditResult>
auditList(llvm::StringRef List, bool CrossCheck,
          const std::optional<std::string> &ConfigFile, unsigned Jobs,
          std::string &Error) {
  auto Parsed = readConfigurationList(List);
  if (!Parsed) {
    Error = llvm::toString(Parsed.takeError());
    return std::nullopt;
  }
  std::vector<AnalysisUnit> Units =
      unitsFromConfigurationList(*Parsed, "clang");
  auto Configurations =
      readCheckConfigurations(Units, std::nullopt, ConfigFile);
  if (!Configurations) {
    Error = llvm::toString(Configurations.takeError());
    return std::nullopt;
  }
  AuditOptions Options;
  Options.Configurations = std::move(*Configurations);
  Options.CrossCheck = CrossCheck;
  Options.Jobs = Jobs;
  AuditResult Result = runAudit(Units, Options);
  for (const UnitAudit &U : Result.Units)
    if (!U.Errors.empty()) {
      Error = "configuration '" + U.Unit.Configuration + "' of '" +
              U.Unit.File + "' did not compile:\n" + U.Errors;
      return std::nullopt;
    }
  return Result;
}

MigrationAudit
auditMigration(llvm::StringRef BeforeList, llvm::StringRef BeforeRoot,
               llvm::StringRef AfterList, llvm::StringRef AfterRoot,
               const llvm::json::Object *Findings,
               const std::optional<std::string> &ConfigFile, unsigned Jobs) {
  initializeBpfTarget();
  MigrationAudit Audit;
  std::optional<AuditResult> Before =
      auditList(BeforeList, /*CrossCheck=*/true, ConfigFile, Jobs, Audit.Error);
  if (!Before)
    return Audit;
  std::optional<AuditResult> After =
      auditList(AfterList, /*CrossCheck=*/false, ConfigFile, Jobs, Audit.Error);
  if (!After)
    return Audit;

  for (const std::string &Name : Before->Configurations)
    Audit.PerConfiguration.push_back({Name, 0, 0});
  auto Row = [&](llvm::StringRef Name) -> ConfigurationBareExits & {
    for (ConfigurationBareExits &R : Audit.PerConfiguration)
      if (R.Configuration == Name)
        return R;
    Audit.PerConfiguration.push_back({Name.str(), 0, 0});
    return Audit.PerConfiguration.back();
  };

  // (configuration, source below the tree, program, value) the fix removed.
  auto Fixed = fixedSites(Findings, AfterRoot);
  std::set<std::tuple<std::string, std::string, std::string, int64_t>> Removed;
  for (const BareExit &Exit : Before->BareExits) {
    ++Row(Exit.Configuration).Before;
    for (const SiteRef &S : Exit.ExplainedBy)
      if (Fixed.count({belowRoot(S.File, BeforeRoot), S.Line, S.Column})) {
        Removed.insert({Exit.Configuration, belowRoot(Exit.File, BeforeRoot),
                        Exit.Program, Exit.Value});
        ++Audit.Fixed;
        break;
      }
  }
  for (const BareExit &Exit : After->BareExits) {
    ++Row(Exit.Configuration).After;
    if (Removed.count({Exit.Configuration, belowRoot(Exit.File, AfterRoot),
                       Exit.Program, Exit.Value}))
      Audit.StillThere.push_back(Exit);
  }
  return Audit;
}

std::string migrationAuditMarkdown(const MigrationAudit &Audit) {
  std::string Text = "\n## Audit of the compiled code\n\n";
  if (!Audit.Error.empty())
    return Text + "Not made: " + Audit.Error + "\n";
  Text += "Bare exits (a program that can return a drop reason to the "
          "kernel, proven from the LLVM IR of each configuration; "
          "docs/audit.md), before and after the fix:\n\n"
          "| configuration | before | after |\n| --- | ---: | ---: |\n";
  size_t Before = 0, After = 0;
  for (const ConfigurationBareExits &R : Audit.PerConfiguration) {
    Text += llvm::formatv("| `{0}` | {1} | {2} |\n", R.Configuration, R.Before,
                          R.After)
                .str();
    Before += R.Before;
    After += R.After;
  }
  Text += llvm::formatv("| all | {0} | {1} |\n\n", Before, After).str();
  if (Audit.StillThere.empty()) {
    Text += llvm::formatv("None of the {0} bare exits a fixed site explained "
                          "is left after the fix.\n",
                          Audit.Fixed)
                .str();
    return Text;
  }
  Text += llvm::formatv("**{0} bare exits a fixed site explained are still "
                        "there after the fix:**\n\n",
                        Audit.StillThere.size())
              .str();
  for (const BareExit &Exit : Audit.StillThere)
    Text +=
        llvm::formatv("- `{0}`: {1} `{2}` can return {3}\n", Exit.Configuration,
                      ProgramClassifier::describe(Exit.Info.Kind), Exit.Program,
                      describeValue(Exit))
            .str();
  return Text;
}

} // namespace bpftidy::audit
