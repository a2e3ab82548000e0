//===- MigrateCommand.cpp -------------------------------------------------===//

#include "cli/MigrateCommand.h"
#include "audit/MigrationAudit.h"
#include "cli/AnalyzeCommand.h"
#include "cli/ExitCodes.h"
#include "cli/FixedSitesFromEdits.h"
#include "cli/GitWorkTree.h"
#include "cli/MigrationReport.h"
#include "support/OutputFile.h"
#include "cli/RecordingFileSystem.h"
#include "cli/TreeSnapshot.h"
#include "config/ConfigurationList.h"
#include "support/CommandLineErrors.h"
#include "support/RemoveOnSignal.h"
#include "verify/VerifyCommand.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace fs = llvm::sys::fs;

namespace bpftidy {

namespace cl = llvm::cl;

// The first line follows "OVERVIEW: " in --help.
static const char Overview[] =
    R"(Fixes the bare drop returns of a whole tree and proves the
fix, in one reviewable diff:

  bpf-tidy migrate --configs LIST [options]

  1. refuses to start if the tree (the configuration list's directory) has
     uncommitted changes in git, unless --allow-dirty;
  2. copies the tree as it is ("before");
  3. analyses every source in every configuration and applies the merged
     fixes in place (bpf-tidy --configs LIST --fix), with progress;
  4. builds, loads and runs the tree before and after (bpf-tidy verify
     --before COPY --after LIST), handing verify the fixed sites (where
     its edits wrote each notification: --fixed-sites);
  5. writes a Markdown report for the pull request.

The tree is given as a configuration list, never as -p or '--': a migration
builds the tree before and after from that list.

Exit codes (the worst outcome wins, in this order):
  2   usage or configuration error, uncommitted changes, a file that does
      not parse; nothing was edited
  4   the verify loop failed (build, load, run, a changed verdict, a site
      not proven); the fixes stay applied, see the report
  3   an edit was refused (other files were fixed)
  1   findings left unfixed (the report says why), the rest proven
  77  fixed and built, but not loaded: no privilege to load BPF
  0   every finding fixed, and the verify loop proved it
)";

namespace {
struct MigrateOptions {
  std::string Configs, Sites, FixedKinds, Report, Checks, ConfigFile, Snapshot,
      Findings, VerifyJson, Out, HardLinks;
  std::optional<unsigned> Jobs;
  bool AllowDirty = false;
};

/// migrate's options, registered on first use under the "migrate"
/// subcommand (bpf-tidy's own options stay at the top level).
struct MigrateFlags {
  MigrateFlags();

  cl::SubCommand Sub{"migrate",
                     "Fix a whole tree's bare drops and prove the fix"};
  cl::OptionCategory Category{"migrate options"};
  cl::opt<std::string> Configs{
      "configs",
      cl::desc("The tree's configuration list (docs/formats.md);\n"
               "required. Its directory is the tree"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> Sites{
      "sites",
      cl::desc("Intended sites (docs/formats.md) for verify to prove\n"
               "(default: none; verify then compares every packet and\n"
               "proves the fixed sites)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> FixedKinds{
      "fixed-kinds", cl::desc("Site kinds the tool fixes (passed to verify)"),
      cl::value_desc("kind,..."), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> Report{
      "report", cl::desc("Write the Markdown report here (default: stdout)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<bool> AllowDirty{
      "allow-dirty",
      cl::desc("Start even with uncommitted changes in the tree"), cl::sub(Sub),
      cl::cat(Category)};
  cl::opt<unsigned> Jobs{
      "j",
      cl::desc("Units analysed and objects built in parallel\n"
               "(default: one per CPU); also --jobs N"),
      cl::value_desc("n"),
      cl::Prefix,
      cl::sub(Sub),
      cl::cat(Category)};
  cl::alias JobsLong{"jobs", cl::desc("Alias for -j"), cl::aliasopt(Jobs),
                     cl::cat(Category)};
  cl::opt<std::string> Checks{
      "checks", cl::desc("Checks to run (as bpf-tidy --checks)"),
      cl::value_desc("globs"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> ConfigFile{
      "config-file",
      cl::desc("Check configuration (as bpf-tidy --config-file)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> HardLinks{
      "hard-links",
      cl::desc("A file with more than one hard link (as bpf-tidy\n"
               "--hard-links): refuse (default) or in-place"),
      cl::value_desc("refuse|in-place"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> Snapshot{
      "snapshot",
      cl::desc("Put the \"before\" copy here and keep it (default: a\n"
               "temporary directory, removed at the end)"),
      cl::value_desc("dir"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> Findings{
      "findings", cl::desc("Keep the analysis's JSON report (--format=json)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::opt<std::string> VerifyJson{"json", cl::desc("Keep verify's JSON report"),
                                  cl::value_desc("file"), cl::sub(Sub),
                                  cl::cat(Category)};
  cl::opt<std::string> Out{
      "out",
      cl::desc("Keep the built objects (DIR/before, DIR/after)\n"
               "and the fixed sites (DIR/fixed-sites.json)"),
      cl::value_desc("dir"), cl::sub(Sub), cl::cat(Category)};
  /// Not options: named so that clang-tidy habits get a helpful message.
  cl::opt<std::string> BuildPath{"p", cl::ReallyHidden, cl::sub(Sub)};
  cl::list<std::string> Stray{cl::Positional, cl::ReallyHidden, cl::sub(Sub)};
};

MigrateFlags::MigrateFlags() { cl::HideUnrelatedOptions(Category, Sub); }
} // namespace

static MigrateFlags &migrateFlags() {
  static MigrateFlags Flags;
  return Flags;
}

void registerMigrateSubcommand() { migrateFlags(); }

static llvm::raw_ostream &error() {
  return llvm::WithColor::error(llvm::errs(), "bpf-tidy migrate");
}

static llvm::Expected<MigrateOptions> parseOptions(int Argc,
                                                   const char **Argv) {
  auto Fail = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  auto NotATree = [&](llvm::StringRef Arg) {
    return Fail("migrate takes the tree as a configuration list (--configs "
                "FILE, docs/formats.md), not '" +
                Arg + "'");
  };
  // Everything after "--" would be compiler flags in bpf-tidy's own syntax.
  for (int I = 2; I < Argc; ++I)
    if (llvm::StringRef(Argv[I]) == "--")
      return NotATree("--");
  MigrateFlags &F = migrateFlags();
  if (llvm::Error E = parseCommandLine(
          llvm::ArrayRef<const char *>(Argv, Argv + Argc), Overview, F.Sub))
    return std::move(E);
  if (F.BuildPath.getNumOccurrences())
    return NotATree("-p");
  if (!F.Stray.empty())
    return Fail("unexpected argument '" + F.Stray.front() +
                "' (the tree is given with --configs FILE)");
  if (F.Configs.empty())
    return Fail("give the tree's configuration list: --configs FILE");
  MigrateOptions O;
  O.Configs = F.Configs;
  O.Sites = F.Sites;
  O.FixedKinds = F.FixedKinds;
  O.Report = F.Report;
  O.Checks = F.Checks;
  O.ConfigFile = F.ConfigFile;
  O.Snapshot = F.Snapshot;
  if (F.HardLinks.getNumOccurrences() && F.HardLinks != "refuse" &&
      F.HardLinks != "in-place")
    return Fail("--hard-links takes 'refuse' or 'in-place', not '" +
                F.HardLinks + "'");
  O.HardLinks = F.HardLinks;
  O.Findings = F.Findings;
  O.VerifyJson = F.VerifyJson;
  O.Out = F.Out;
  O.AllowDirty = F.AllowDirty;
  if (F.Jobs.getNumOccurrences())
    O.Jobs = F.Jobs;
  return O;
}

static std::optional<llvm::json::Value> readJson(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  return std::move(*Parsed);
}

/// The compiler's errors from the analysis's JSON report, with the
/// configurations they happened in: clang's own "Error while processing
/// FILE" names neither.
static void reportUnparsedConfigurations(llvm::StringRef FindingsPath) {
  std::optional<llvm::json::Value> Report = readJson(FindingsPath);
  const llvm::json::Object *Top = Report ? Report->getAsObject() : nullptr;
  const llvm::json::Array *Findings = Top ? Top->getArray("findings") : nullptr;
  if (!Findings)
    return;
  for (const llvm::json::Value &V : *Findings) {
    const llvm::json::Object *F = V.getAsObject();
    if (!F || F->getString("level") != "error")
      continue;
    std::string Configurations;
    unsigned Count = 0;
    if (const llvm::json::Array *Names = F->getArray("configurations"))
      for (const llvm::json::Value &Name : *Names)
        if (std::optional<llvm::StringRef> Text = Name.getAsString())
          Configurations += (Count++ ? ", '" : "'") + Text->str() + "'";
    error() << (Count > 1 ? "configurations " : "configuration ")
            << (Count ? Configurations : "?") << (Count > 1 ? " do" : " does")
            << " not parse: " << F->getString("file").value_or("?") << ":"
            << F->getInteger("line").value_or(0) << ":"
            << F->getInteger("column").value_or(0) << ": "
            << F->getString("message").value_or("") << "\n";
  }
}

/// A file or directory in the run's scratch directory.
static std::string scratchPath(llvm::StringRef Scratch, llvm::StringRef Name) {
  llvm::SmallString<256> Path(Scratch);
  llvm::sys::path::append(Path, Name);
  return std::string(Path);
}

static int runArgv(int (*Main)(int, const char **),
                   const std::vector<std::string> &Args) {
  std::vector<const char *> Argv;
  for (const std::string &Arg : Args)
    Argv.push_back(Arg.c_str());
  Argv.push_back(nullptr);
  return Main(int(Args.size()), Argv.data());
}

static void stage(llvm::StringRef Text) {
  llvm::errs() << "bpf-tidy migrate: " << Text << "\n";
}

int migrateMain(int Argc, const char **Argv) {
  auto Parsed = parseOptions(Argc, Argv);
  if (!Parsed) {
    error() << llvm::toString(Parsed.takeError())
            << "\nRun 'bpf-tidy migrate --help' for usage.\n";
    return ExitUsage;
  }
  MigrateOptions O = std::move(*Parsed);

  auto List = readConfigurationList(O.Configs);
  if (!List) {
    error() << llvm::toString(List.takeError()) << "\n";
    return ExitUsage;
  }
  std::string Tree = canonicalPath(List->BaseDir);
  std::string ListPath = canonicalPath(O.Configs);

  // A migration must be one reviewable diff: no edits of the user's mixed
  // into it.
  if (!O.AllowDirty) {
    auto Dirty = uncommittedFiles(Tree);
    if (!Dirty) {
      error() << llvm::toString(Dirty.takeError()) << "\n";
      return ExitUsage;
    }
    if (!Dirty->empty()) {
      error() << "'" << Tree << "' has uncommitted changes; commit or stash "
              << "them (or pass --allow-dirty) so the migration is one "
              << "reviewable diff:\n";
      for (size_t I = 0; I < Dirty->size() && I < 10; ++I)
        llvm::errs() << "  " << (*Dirty)[I] << "\n";
      if (Dirty->size() > 10)
        llvm::errs() << "  ... and " << Dirty->size() - 10 << " more\n";
      return ExitUsage;
    }
  }

  llvm::SmallString<128> Scratch;
  if (std::error_code EC =
          fs::createUniqueDirectory("bpf-tidy-migrate", Scratch)) {
    error() << "cannot create a temporary directory: " << EC.message() << "\n";
    return ExitUsage;
  }
  // Removed on SIGINT/SIGTERM too, the snapshot of the tree with it.
  ScopedRemoveOnSignal ScratchOnSignal(Scratch);
  auto Cleanup = llvm::make_scope_exit(
      [&] { fs::remove_directories(Scratch, /*IgnoreErrors=*/true); });

  std::string Before =
      O.Snapshot.empty() ? scratchPath(Scratch, "before") : O.Snapshot;
  stage("1/4 copying " + Tree + " to " + Before);
  if (!O.Snapshot.empty() && fs::exists(O.Snapshot)) {
    error() << "--snapshot '" << O.Snapshot << "' already exists\n";
    return ExitUsage;
  }
  {
    // A snapshot cut short by a signal is no snapshot.
    ScopedRemoveOnSignal PartialSnapshot(Before);
    if (llvm::Error E = copyTree(Tree, Before)) {
      error() << llvm::toString(std::move(E)) << "\n";
      return ExitUsage;
    }
  }
  llvm::SmallString<256> BeforeList(Before);
  llvm::sys::path::append(BeforeList,
                          llvm::StringRef(ListPath).drop_front(Tree.size()));

  stage("2/4 analysing every source in every configuration, fixing in place");
  std::string Findings =
      O.Findings.empty() ? scratchPath(Scratch, "findings.json") : O.Findings;
  std::vector<std::string> Analyze = {"bpf-tidy", "--configs",     ListPath,
                                      "--fix",    "--format=json", "--output",
                                      Findings,   "--progress"};
  if (O.Jobs)
    Analyze.push_back("-j" + std::to_string(*O.Jobs));
  if (!O.Checks.empty())
    Analyze.push_back("--checks=" + O.Checks);
  if (!O.ConfigFile.empty())
    Analyze.push_back("--config-file=" + O.ConfigFile);
  if (!O.HardLinks.empty())
    Analyze.push_back("--hard-links=" + O.HardLinks);
  int AnalyzeExit = runArgv(analyzeMain, Analyze);
  if (AnalyzeExit == ExitUsage) {
    reportUnparsedConfigurations(Findings);
    error() << "the analysis failed (see above); nothing was edited\n";
    return ExitUsage;
  }

  // Where the fix wrote each notification, for verify to tell a correct
  // fix from a regression in a tree without a sites file.
  std::optional<llvm::json::Value> FindingsReport = readJson(Findings);
  std::vector<FixedSiteEntry> FixedSites;
  if (FindingsReport && FindingsReport->getAsObject())
    FixedSites = fixedSitesFromFindings(
        *FindingsReport->getAsObject(),
        [&](llvm::StringRef File) {
          std::string Path = canonicalPath(File);
          llvm::StringRef Relative(Path);
          if (Relative.consume_front(Tree) && !Relative.empty() &&
              llvm::sys::path::is_separator(Relative.front()))
            return Relative.drop_front().str();
          return File.str();
        },
        [&](llvm::StringRef File) -> std::optional<std::string> {
          llvm::SmallString<256> Path(Tree);
          llvm::sys::path::append(Path, File);
          auto Buffer = llvm::MemoryBuffer::getFile(Path);
          if (!Buffer)
            return std::nullopt;
          return (*Buffer)->getBuffer().str();
        });
  std::string FixedSitesFile;
  if (!FixedSites.empty()) {
    // With --out it is kept next to the objects.
    FixedSitesFile =
        scratchPath(O.Out.empty() ? Scratch.str() : O.Out, "fixed-sites.json");
    std::string Error;
    if (std::error_code EC = fs::create_directories(
            llvm::sys::path::parent_path(FixedSitesFile)))
      Error = "cannot create '" + O.Out + "': " + EC.message();
    if (Error.empty())
      writeOutput(
          "the fixed sites", FixedSitesFile,
          [&](llvm::raw_ostream &OS) {
            OS << llvm::formatv("{0:2}", fixedSitesToJson(FixedSites));
          },
          Error);
    if (!Error.empty()) {
      // The edits are made: verify still compares every packet.
      llvm::WithColor::warning(llvm::errs(), "bpf-tidy migrate")
          << Error << "; verify runs without the fixed sites\n";
      FixedSites.clear();
      FixedSitesFile.clear();
    }
  }

  stage("3/4 building, loading and running the tree before and after");
  std::string Sites = O.Sites;
  if (Sites.empty() && FixedSites.empty()) {
    // verify's differential mode wants a sites file; none is one with no
    // site, so every packet is simply compared.
    Sites = scratchPath(Scratch, "no-sites.json");
    std::error_code EC;
    llvm::raw_fd_ostream OS(Sites, EC);
    OS << llvm::json::Value(
        llvm::json::Object{{"version", 1}, {"sites", llvm::json::Array()}});
  }
  std::string VerifyJson =
      O.VerifyJson.empty() ? scratchPath(Scratch, "verify.json") : O.VerifyJson;
  std::vector<std::string> Verify = {
      "bpf-tidy", "verify", "--before", std::string(BeforeList),
      "--after",  ListPath, "--json",   VerifyJson};
  if (!Sites.empty())
    Verify.insert(Verify.end(), {"--sites", Sites});
  if (!FixedSitesFile.empty())
    Verify.insert(Verify.end(), {"--fixed-sites", FixedSitesFile});
  if (!O.FixedKinds.empty())
    Verify.insert(Verify.end(), {"--fixed-kinds", O.FixedKinds});
  if (!O.Out.empty())
    Verify.insert(Verify.end(), {"--out", O.Out});
  if (O.Jobs)
    Verify.insert(Verify.end(), {"--jobs", std::to_string(*O.Jobs)});
  int VerifyExit = runArgv(verify::verifySubcommandMain, Verify);

  // The compiled code's account of the same fix (docs/audit.md).
  stage("auditing the compiled code before and after");
  audit::MigrationAudit Audit = audit::auditMigration(
      BeforeList, Before, ListPath, Tree,
      FindingsReport ? FindingsReport->getAsObject() : nullptr,
      O.ConfigFile.empty() ? std::nullopt
                           : std::optional<std::string>(O.ConfigFile),
      O.Jobs.value_or(0));

  stage("4/4 writing the report");
  std::optional<llvm::json::Value> VerifyReport = readJson(VerifyJson);
  MigrationFacts Facts;
  Facts.Tree = Tree;
  Facts.ConfigurationList = O.Configs;
  Facts.Findings = FindingsReport ? FindingsReport->getAsObject() : nullptr;
  Facts.Verify = VerifyReport ? VerifyReport->getAsObject() : nullptr;
  Facts.VerifyExit = VerifyExit;
  Facts.FixedSites = &FixedSites;
  std::string Markdown =
      migrationReportMarkdown(Facts) + audit::migrationAuditMarkdown(Audit);
  std::string Error;
  if (!writeOutput(
          "--report", O.Report, [&](llvm::raw_ostream &OS) { OS << Markdown; },
          Error)) {
    error() << Error << "\n";
    return ExitUsage;
  }
  if (!O.Report.empty())
    stage("report written to " + O.Report);

  int Exit = AnalyzeExit;
  if (!Audit.StillThere.empty())
    Exit = worseExit(Exit, ExitVerifyFailed);
  switch (VerifyExit) {
  case ExitSuccess:
    break;
  case ExitNoPrivilege:
    Exit = worseExit(Exit, ExitNoPrivilege);
    break;
  case ExitUsage:
    Exit = worseExit(Exit, ExitUsage);
    break;
  default:
    Exit = worseExit(Exit, ExitVerifyFailed);
    break;
  }
  return Exit;
}

} // namespace bpftidy
