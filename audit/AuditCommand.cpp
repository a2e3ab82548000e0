//===- AuditCommand.cpp ---------------------------------------------------===//

#include "audit/AuditCommand.h"
#include "audit/Audit.h"
#include "audit/AuditReport.h"
#include "audit/CheckConfiguration.h"
#include "audit/IrCompiler.h"
#include "cli/CompileCommandsFile.h"
#include "cli/ExitCodes.h"
#include "support/CommandLineErrors.h"
#include "support/OutputFile.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace bpftidy::audit {

namespace cl = llvm::cl;

static const char Overview[] = R"(
Proves from the compiled code which programs can hand the kernel a bare drop:

  bpf-tidy audit --configs LIST [options]
  bpf-tidy audit -p BUILD [SOURCE...] [options]

Compiles every source in every configuration to LLVM IR in process, as the
real build does (clang -target bpf -O2 -g), finds the programs (sections
and tail-call decl tags, as bpf-tidy defines them), and follows the values
each program's returns can take. A program that can return a constant
below -1 (no verdict of its type) has a bare exit: a drop reason the kernel
gets as it is. Each is reported with where it reaches the return, and
compared with the source analysis of bpf-bare-drop-return: a bare exit no
source finding explains (same program, configuration and reason) is a drop
the source check misses; a source finding no configuration confirms is a
possible false positive. Values it cannot follow (loads, arguments,
unmodelled helpers) are counted per program as unknown, never reported.
The check's configuration is read as the check reads it (.clang-tidy files,
or --config / --config-file), and a finding silenced by NOLINT still
explains its bare exit, and is said to be silenced.

Exit codes:
  0   no bare exit
  1   bare exits
  2   usage error, a bad configuration list or compilation database, a
      check configuration that does not parse or has an invalid option, a
      source that does not compile, an output that cannot be written
)";

namespace {
struct AuditFlags {
  AuditFlags() { cl::HideUnrelatedOptions(Category, Sub); }

  cl::SubCommand Sub{"audit",
                     "Prove from compiled LLVM IR which programs can return a "
                     "bare drop"};
  cl::OptionCategory Category{"audit options"};
  cl::opt<std::string> Configs{
      "configs",
      cl::desc("The datapath's configuration list (docs/formats.md)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> BuildPath{
      "p", cl::desc("Directory holding compile_commands.json"),
      cl::value_desc("build-path"), cl::sub(Sub), cl::cat(Category)};
  cl::list<std::string> Sources{
      cl::Positional,
      cl::desc("[<source>...] (default: every source of the list or database)"),
      cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> Format{"format",
                              cl::desc("text (default), json or sarif"),
                              cl::value_desc("format"),
                              cl::init("text"),
                              cl::sub(Sub),
                              cl::cat(Category)};
  cl::opt<std::string> Output{
      "output", cl::desc("Write the report here (default: standard output)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> Config{
      "config",
      cl::desc("The check's configuration in YAML/JSON, instead of the\n"
               ".clang-tidy files (as bpf-tidy --config)"),
      cl::value_desc("text"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> ConfigFile{
      "config-file",
      cl::desc("Read the check's configuration from this file instead\n"
               "of the .clang-tidy files (as bpf-tidy --config-file)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<bool> NoCrossCheck{
      "no-cross-check",
      cl::desc("Do not run the source analysis to compare with"), cl::sub(Sub),
      cl::cat(Category)};
  cl::opt<std::string> SaveIr{
      "save-ir",
      cl::desc("Also write each unit's optimised LLVM IR into this\n"
               "directory (<configuration>.<source>.ll)"),
      cl::value_desc("dir"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<unsigned> Jobs{"j",
                         cl::desc("Units compiled in parallel (default: one "
                                  "per CPU); also --jobs N"),
                         cl::value_desc("n"),
                         cl::Prefix,
                         cl::sub(Sub),
                         cl::cat(Category)};
  cl::alias JobsLong{"jobs", cl::desc("Alias for -j"), cl::aliasopt(Jobs),
                     cl::cat(Category)};
};
} // namespace

static AuditFlags &auditFlags() {
  static AuditFlags Flags;
  return Flags;
}

void registerAuditSubcommand() { auditFlags(); }

static llvm::raw_ostream &error() {
  return llvm::WithColor::error(llvm::errs(), "bpf-tidy audit");
}

/// The units to audit, from --configs or a compilation database.
static llvm::Expected<std::vector<AnalysisUnit>> unitsToAudit(AuditFlags &F) {
  auto Fail = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  std::vector<std::string> Sources;
  for (const std::string &S : F.Sources)
    Sources.push_back(absolutePath(S));
  if (!F.Configs.empty()) {
    if (!F.BuildPath.empty())
      return Fail("give --configs or -p, not both");
    auto List = readConfigurationList(F.Configs);
    if (!List)
      return List.takeError();
    std::vector<AnalysisUnit> Units =
        unitsFromConfigurationList(*List, "clang");
    if (Sources.empty())
      return Units;
    std::vector<AnalysisUnit> Chosen;
    for (const std::string &S : Sources) {
      size_t Before = Chosen.size();
      for (const AnalysisUnit &U : Units)
        if (U.File == S)
          Chosen.push_back(U);
      if (Chosen.size() == Before)
        return Fail("'" + S + "' is not a source of '" + F.Configs + "'");
    }
    return Chosen;
  }
  if (F.BuildPath.empty())
    return Fail("give the datapath's configuration list (--configs FILE) or "
                "a build directory with compile_commands.json (-p DIR)");
  std::optional<std::string> DatabaseFile =
      findCompileCommandsFile(absolutePath(F.BuildPath));
  if (!DatabaseFile)
    return Fail("no compile_commands.json in '" + F.BuildPath + "'");
  if (llvm::Error E = checkCompileCommandsFile(*DatabaseFile))
    return std::move(E);
  std::string LoadError;
  auto Database = clang::tooling::CompilationDatabase::autoDetectFromDirectory(
      F.BuildPath, LoadError);
  if (!Database)
    return Fail("cannot load a compilation database from '" + F.BuildPath +
                "': " + LoadError);
  if (Sources.empty())
    for (const std::string &File : Database->getAllFiles())
      Sources.push_back(absolutePath(File));
  std::vector<AnalysisUnit> Units = unitsFromDatabase(*Database, Sources);
  if (llvm::Error E = checkCommandDirectories(Units, *DatabaseFile))
    return std::move(E);
  return Units;
}

int auditMain(int Argc, const char **Argv) {
  AuditFlags &F = auditFlags();
  if (llvm::Error E = parseCommandLine(
          llvm::ArrayRef<const char *>(Argv, Argv + Argc), Overview, F.Sub)) {
    error() << llvm::toString(std::move(E))
            << "\nRun 'bpf-tidy audit --help' for usage.\n";
    return ExitUsage;
  }
  if (F.Format != "text" && F.Format != "json" && F.Format != "sarif") {
    error() << "--format: expected text, json or sarif, got '" << F.Format
            << "'\n";
    return ExitUsage;
  }
  auto Units = unitsToAudit(F);
  if (!Units) {
    error() << llvm::toString(Units.takeError()) << "\n";
    return ExitUsage;
  }
  if (Units->empty()) {
    error() << "nothing to audit: no unit\n";
    return ExitUsage;
  }

  auto Configurations = readCheckConfigurations(
      *Units,
      F.Config.getNumOccurrences() ? std::optional<std::string>(F.Config)
                                   : std::nullopt,
      F.ConfigFile.getNumOccurrences()
          ? std::optional<std::string>(F.ConfigFile)
          : std::nullopt);
  if (!Configurations) {
    error() << llvm::toString(Configurations.takeError()) << "\n";
    return ExitUsage;
  }

  initializeBpfTarget();
  AuditOptions Options;
  Options.Configurations = std::move(*Configurations);
  Options.CrossCheck = !F.NoCrossCheck;
  Options.Jobs = F.Jobs;
  Options.SaveIrDirectory = F.SaveIr;
  if (!F.SaveIr.empty() && !llvm::sys::fs::is_directory(F.SaveIr)) {
    error() << "--save-ir '" << F.SaveIr << "' is not a directory\n";
    return ExitUsage;
  }
  AuditResult Result = runAudit(*Units, Options);

  llvm::SmallString<256> Base;
  llvm::sys::fs::current_path(Base);
  std::string Report;
  llvm::raw_string_ostream OS(Report);
  if (F.Format == "json")
    OS << llvm::formatv("{0:2}", auditToJson(Result, Base)) << "\n";
  else if (F.Format == "sarif")
    OS << llvm::formatv("{0:2}", auditToSarif(Result, Base)) << "\n";
  else
    printAuditText(Result, Base, OS);
  OS.flush();
  std::string Error;
  if (!writeOutput(
          "--output", F.Output, [&](llvm::raw_ostream &Out) { Out << Report; },
          Error)) {
    error() << Error << "\n";
    return ExitUsage;
  }

  if (Result.anyUnitFailed()) {
    for (const UnitAudit &U : Result.Units)
      if (!U.Errors.empty())
        error() << "configuration '" << U.Unit.Configuration << "' of '"
                << U.Unit.File << "' did not compile"
                << (F.Format == "text" ? "" : ":\n" + U.Errors) << "\n";
    return ExitUsage;
  }
  llvm::errs() << "bpf-tidy audit: " << auditSummary(Result) << "\n";
  return Result.BareExits.empty() ? ExitClean : ExitFindings;
}

} // namespace bpftidy::audit
