//===- AnalyzeCommand.cpp -------------------------------------------------===//

#include "cli/AnalyzeCommand.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "cli/AnalysisUnit.h"
#include "cli/Baseline.h"
#include "cli/ChangedLines.h"
#include "cli/ClangTidyConfiguration.h"
#include "cli/CompileCommandsFile.h"
#include "cli/ExitCodes.h"
#include "cli/FindingMerger.h"
#include "cli/FindingRecord.h"
#include "cli/FindingsJson.h"
#include "cli/FixApplier.h"
#include "support/OutputFile.h"
#include "cli/ProgressReporter.h"
#include "cli/RecordingFileSystem.h"
#include "cli/SarifReport.h"
#include "cli/Shard.h"
#include "cli/TreeLock.h"
#include "cli/UnitRunner.h"
#include "config/ConfigurationList.h"
#include "rewriters/EditSet.h"
#include "support/Counted.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::tidy;
namespace cl = llvm::cl;

namespace bpftidy {

static cl::OptionCategory Category("bpf-tidy options");

// The first line follows "OVERVIEW: " in --help.
static const char Overview[] =
    R"(Finds BPF programs and tail calls that return a drop reason
to the kernel without a drop notification ("bare drops"), and fixes them.

  bpf-tidy [options] <source>... [-- <compiler flags>]
  bpf-tidy verify ...       build, load and run a datapath (see verify --help)
  bpf-tidy migrate ...      fix a whole tree and prove it (see migrate --help)
  bpf-tidy merge-sarif ...  merge the shards' SARIF reports into one

Flags come from a compilation database (-p <build dir>, or the nearest
compile_commands.json above the first source) or from everything after '--'.
Configuration is clang-tidy's: --checks, --config, --config-file, and
.clang-tidy files found from each source upwards; check options are
CheckOptions (see docs/checks/bpf-bare-drop-return.md).

In CI: --format=json|sarif --output FILE for machines, --baseline to fail
only on new findings, --shard K/N to split the units across jobs. In a
pre-commit hook: --diff (only findings on the staged lines block). The
whole reference: docs/usage.md.

Exit codes:
  0  no findings left (after --fix: every finding was fixed)
  1  findings remain
  2  usage or configuration error, or a file that does not parse
  3  an edit was refused (file not writable, changed or replaced since it
     was parsed, more than one hard link, conflicting edits); other files
     are still fixed. Also: another --fix run holds the tree (nothing
     edited)
)";

static cl::opt<std::string>
    BuildPath("p", cl::desc("Build directory holding compile_commands.json"),
              cl::value_desc("build-path"), cl::cat(Category));
static cl::list<std::string> Sources(cl::Positional,
                                     cl::desc("<source0> [... <sourceN>]"),
                                     cl::cat(Category));
static cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of checks to run, as in clang-tidy "
                    "(default: bpf-*); added to the configuration's Checks"),
           cl::init(""), cl::cat(Category));
static cl::opt<std::string>
    Config("config",
           cl::desc("Configuration in YAML/JSON, e.g. "
                    "\"{Checks: 'bpf-*', CheckOptions: {...}}\"; overrides "
                    ".clang-tidy files"),
           cl::init(""), cl::cat(Category));
static cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Read the configuration from this file instead of "
                        ".clang-tidy files"),
               cl::init(""), cl::cat(Category));
static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression for the headers whose findings are shown "
             "(default '.*': every header outside the system include paths)"),
    cl::init(".*"), cl::cat(Category));
static cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regular expression for the headers whose findings are not "
             "shown, of those --header-filter shows; overrides "
             "ExcludeHeaderFilterRegex"),
    cl::init(""), cl::cat(Category));
static cl::opt<std::string> LineFilter(
    "line-filter",
    cl::desc("Show only findings on these lines of these files, as in "
             "clang-tidy: a JSON array of {\"name\": FILE, \"lines\": "
             "[[FIRST, LAST], ...]} (no \"lines\": the whole file); a file "
             "matches when its path ends with FILE"),
    cl::init(""), cl::cat(Category));
static cl::opt<bool> SystemHeaders("system-headers",
                                   cl::desc("Show findings in system headers"),
                                   cl::init(false), cl::cat(Category));
static cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fixes"),
                         cl::init(false), cl::cat(Category));
static cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("Also apply the fix of a finding's note when the finding has "
             "none and exactly one of its notes has one; implies --fix"),
    cl::init(false), cl::cat(Category));
static cl::opt<rewriters::EditSet::HardLinks> HardLinkPolicy(
    "hard-links",
    cl::desc("With --fix, a file with more than one hard link (default "
             "refuse)"),
    cl::values(
        clEnumValN(rewriters::EditSet::HardLinks::Refuse, "refuse",
                   "leave it unedited (exit 3): replacing it would split "
                   "the links"),
        clEnumValN(rewriters::EditSet::HardLinks::InPlace, "in-place",
                   "write into the file itself, so every name sees the fix "
                   "(not atomic against SIGKILL or a crash; see "
                   "docs/usage.md)")),
    cl::init(rewriters::EditSet::HardLinks::Refuse), cl::cat(Category));
static cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the suggested fixes to this YAML file "
                         "(clang-apply-replacements' format)"),
                cl::value_desc("filename"), cl::cat(Category));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose findings are shown as errors"),
    cl::init(""), cl::cat(Category));
static cl::opt<bool>
    UseColor("use-color",
             cl::desc("Color the text findings (default: when standard output "
                      "is a terminal); overrides UseColor"),
             cl::cat(Category));
static cl::opt<bool> AllowNoChecks(
    "allow-no-checks",
    cl::desc("No enabled check is not an error (units are still parsed)"),
    cl::init(false), cl::cat(Category));
static cl::opt<bool> Quiet("quiet",
                           cl::desc("Print no summary lines, only findings"),
                           cl::init(false), cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit"),
                                cl::init(false), cl::cat(Category));
static cl::opt<bool> DumpConfig("dump-config",
                                cl::desc("Print the configuration in force for "
                                         "the first source (with every check "
                                         "option) and exit"),
                                cl::init(false), cl::cat(Category));
static cl::opt<bool> ExplainConfig(
    "explain-config",
    cl::desc("For each enabled check, say where it is enabled (bpf-tidy's "
             "defaults, the command line or a configuration file) and exit"),
    cl::init(false), cl::cat(Category));
static cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check that every check and check option the configuration "
             "names exists, and exit (2 when one does not)"),
    cl::init(false), cl::cat(Category));
static cl::opt<std::string> FormatStyle(
    "format-style",
    cl::desc("Only 'none' (clang-tidy's default): fixes keep the file's own "
             "layout and are not reformatted"),
    cl::init("none"), cl::cat(Category));

/// clang-tidy's flags that do not apply to bpf-tidy: accepted by the
/// parser so that the user is told why, instead of "unknown argument".
struct RefusedFlag {
  RefusedFlag(const char *Name, const char *Why)
      : Option(StringRef(Name), cl::ValueOptional, cl::Hidden,
               cl::cat(Category)),
        Why(Why) {}
  cl::opt<std::string> Option;
  const char *Why;
};
static RefusedFlag RefusedFlags[] = {
    {"load",
     "bpf-tidy runs its own checks (bpf-*) and clang's diagnostics, not "
     "plugins; to run the bpf-* checks beside other plugins, load bpf-tidy's "
     "module into clang-tidy (clang-tidy --load=BpfTidyModule.so, "
     "docs/install.md)"},
    {"fix-errors",
     "bpf-tidy edits nothing while a unit does not parse: its analysis of "
     "that unit stops at the error and may miss the notification that makes "
     "a drop not bare, so a fix there could notify a drop twice; fix the "
     "errors the report names, then run --fix"},
    {"enable-check-profile",
     "the bpf-* checks share one analysis of each unit (analyzer/core), so a "
     "time per check would charge it to whichever check runs first"},
    {"store-check-profile",
     "the bpf-* checks share one analysis of each unit (analyzer/core), so a "
     "time per check would charge it to whichever check runs first"},
    {"vfsoverlay",
     "--fix replaces files on disk after checking they still hold the text "
     "it analysed, and a file an overlay substitutes is not the file on disk "
     "at its path; give the compiler the overlay's directories (-I) "
     "instead"},
};

/// Refuses the flags that do not apply (RefusedFlags, a --format-style
/// other than none), saying why.
static bool refuseFlagsThatDoNotApply() {
  for (RefusedFlag &Flag : RefusedFlags)
    if (Flag.Option.getNumOccurrences()) {
      llvm::WithColor::error(llvm::errs(), "bpf-tidy")
          << "--" << Flag.Option.ArgStr
          << " does not apply to bpf-tidy: " << Flag.Why << "\n";
      return false;
    }
  if (FormatStyle != "none") {
    llvm::WithColor::error(llvm::errs(), "bpf-tidy")
        << "--format-style=" << FormatStyle
        << " does not apply to bpf-tidy: its fixes are written in the file's "
           "own layout (tabs, aligned macro continuations) and not "
           "reformatted; run clang-format (git clang-format) on the fixed "
           "lines if the tree uses it\n";
    return false;
  }
  return true;
}

static cl::opt<std::string> ConfigsFile(
    "configs",
    cl::desc("Analyse every configuration of this configuration list "
             "(docs/formats.md); sources default to the list's"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<unsigned>
    Jobs("j",
         cl::desc("Units (source x configuration) analysed in parallel "
                  "(default 0: one per CPU)"),
         cl::init(0), cl::Prefix, cl::cat(Category));
static cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("An argument to append to the compiler command line"),
              cl::cat(Category));
static cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("An argument to prepend to the compiler command line"),
    cl::cat(Category));

enum class OutputFormat { Text, Json, Sarif };
static cl::opt<OutputFormat> Format(
    "format", cl::desc("How findings are reported (default text)"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "clang-style diagnostics, with source lines"),
               clEnumValN(OutputFormat::Json, "json",
                          "one JSON document (docs/usage.md, JSON output)"),
               clEnumValN(OutputFormat::Sarif, "sarif",
                          "SARIF 2.1.0, for code-scanning services")),
    cl::init(OutputFormat::Text), cl::cat(Category));
static cl::opt<std::string>
    OutputPath("output",
               cl::desc("Write the findings report here instead of standard "
                        "output (summary lines stay on standard error)"),
               cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> SarifRootPath(
    "sarif-root",
    cl::desc("With --format=sarif: the directory URIs are relative to "
             "(default: the top of the git work tree holding the current "
             "directory, else the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string> BaselinePath(
    "baseline",
    cl::desc("Report (and count for the exit code) only findings not "
             "recorded in this baseline (see --write-baseline)"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> WriteBaselinePath(
    "write-baseline",
    cl::desc("Record today's findings in this baseline file; they then "
             "do not fail the run (exit 0 unless a file does not parse)"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string>
    ShardSpec("shard",
              cl::desc("Analyse only shard K of N (1-based) of the units "
                       "(source x configuration), in a fixed order, so N "
                       "jobs cover every unit exactly once"),
              cl::value_desc("K/N"), cl::cat(Category));
/// llvm::cl prints an optional value as "[=<REF>]" but counts it as
/// "=<REF>" when it aligns the descriptions: two columns more.
struct OptionalValueParser : cl::parser<std::string> {
  using cl::parser<std::string>::parser;
  size_t getOptionWidth(const cl::Option &O) const {
    return cl::parser<std::string>::getOptionWidth(O) + 2;
  }
  void printOptionInfo(const cl::Option &O, size_t GlobalWidth) const {
    llvm::outs() << "  --" << O.ArgStr << "[=<" << O.ValueStr << ">]";
    cl::Option::printHelpStr(O.HelpStr, GlobalWidth, getOptionWidth(O));
  }
};
static cl::opt<std::string, false, OptionalValueParser> DiffRef(
    "diff", cl::ValueOptional,
    cl::desc("Diff mode: analyse the changed sources (the given ones, else "
             "those git reports; a header through the units that include "
             "it) and report only findings on changed lines. Changes are "
             "the staged ones (git diff --cached; with nothing staged, the "
             "unstaged ones), or with --diff=REF those since REF"),
    cl::value_desc("REF"), cl::cat(Category));
static cl::opt<bool> ChangedLinesOnly(
    "changed-lines-only",
    cl::desc("With --diff: report only findings on changed lines (default); "
             "--changed-lines-only=false reports every finding in the "
             "changed files (whole-file mode)"),
    cl::init(true), cl::cat(Category));
static cl::opt<bool> ShowProgress(
    "progress",
    cl::desc("Show progress on standard error: a bar on a terminal, a "
             "line per tenth of the units otherwise"),
    cl::init(false), cl::cat(Category));

static llvm::raw_ostream &error() {
  return llvm::WithColor::error(llvm::errs(), "bpf-tidy");
}

/// Builds the options provider exactly as clang-tidy does: defaults, then
/// --config / --config-file or .clang-tidy files, then command-line
/// overrides.
static std::unique_ptr<ClangTidyOptionsProvider>
createOptionsProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                      std::shared_ptr<ConfigurationProblems> Problems,
                      std::string &Error) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "bpf-*";
  Defaults.WarningsAsErrors = "";
  Defaults.HeaderFilterRegex = HeaderFilter;
  Defaults.SystemHeaders = SystemHeaders;
  if (std::optional<std::string> User = llvm::sys::Process::GetEnv("USER"))
    Defaults.User = *User;

  ClangTidyOptions Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences())
    Overrides.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  if (UseColor.getNumOccurrences())
    Overrides.UseColor = UseColor;
  if (SystemHeaders.getNumOccurrences())
    Overrides.SystemHeaders = SystemHeaders;

  auto Flags = readConfigurationFlags(
      Config.getNumOccurrences() ? std::optional<std::string>(Config)
                                 : std::nullopt,
      ConfigFile.getNumOccurrences() ? std::optional<std::string>(ConfigFile)
                                     : std::nullopt,
      *Problems);
  if (!Flags) {
    Error = llvm::toString(Flags.takeError());
    return nullptr;
  }
  return makeOptionsProvider(std::move(Defaults), std::move(*Flags),
                             std::move(Overrides), FS, std::move(Problems));
}

/// Where an option in force was set, in the user's words (a source name
/// of clang-tidy's options providers).
static std::string describeOptionsSource(StringRef Source) {
  if (Source ==
      ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption)
    return "--header-filter";
  if (Source ==
      ClangTidyOptionsProvider::OptionsSourceTypeConfigCommandLineOption)
    return ConfigFile.getNumOccurrences() ? ConfigFile.getValue() : "--config";
  return Source.str();
}

/// Where an option source of clang-tidy's providers enables a check, in
/// --explain-config's and --verify-config's words.
static std::string describeCheckSource(StringRef Source) {
  if (Source == ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary)
    return "bpf-tidy's defaults";
  if (Source ==
      ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption)
    return "the command-line option '--checks'";
  if (Source ==
      ClangTidyOptionsProvider::OptionsSourceTypeConfigCommandLineOption)
    return ConfigFile.getNumOccurrences()
               ? ConfigFile.getValue()
               : "the command-line option '--config'";
  return Source.str();
}

/// --explain-config: for each enabled check, the last source whose Checks
/// enable it (clang-tidy's wording).
static void explainConfig(ClangTidyOptionsProvider &Provider, StringRef File,
                          const std::vector<std::string> &EnabledChecks) {
  auto Sources = Provider.getRawOptions(File);
  for (const std::string &Check : EnabledChecks)
    for (auto It = Sources.rbegin(); It != Sources.rend(); ++It)
      if (It->first.Checks && GlobList(*It->first.Checks).contains(Check)) {
        llvm::outs() << "'" << Check << "' is enabled in "
                     << describeCheckSource(It->second) << ".\n";
        break;
      }
}

/// The known name nearest to \p Name, for a "did you mean".
static std::string nearestName(StringRef Name, const llvm::StringSet<> &Known) {
  std::string Best;
  unsigned BestDistance = 4;
  for (const auto &Entry : Known) {
    unsigned Distance = Name.edit_distance(Entry.getKey(), true, BestDistance);
    if (Distance < BestDistance) {
      BestDistance = Distance;
      Best = Entry.getKey().str();
    }
  }
  return Best;
}

/// --verify-config: every check glob of every configuration source matches
/// a check of bpf-tidy, and every check option is one a check reads.
static bool verifyConfig(ClangTidyOptionsProvider &Provider, StringRef File) {
  NamesAndOptions Known = getAllChecksAndOptions(false);
  bool Valid = true;
  auto Complain = [&](StringRef Source, StringRef What, StringRef Name,
                      const llvm::StringSet<> &Names) {
    Valid = false;
    error() << describeCheckSource(Source) << ": unknown " << What << " '"
            << Name << "'";
    std::string Nearest = nearestName(Name, Names);
    if (!Nearest.empty())
      llvm::errs() << "; did you mean '" << Nearest << "'";
    llvm::errs() << "\n";
  };
  for (const auto &[Options, Source] : Provider.getRawOptions(File)) {
    if (Options.Checks)
      for (StringRef Item : llvm::split(*Options.Checks, ',')) {
        Item = Item.trim();
        Item.consume_front("-");
        if (Item.empty() || Item.starts_with("clang-diagnostic-"))
          continue;
        GlobList Glob(Item);
        if (llvm::none_of(Known.Names.keys(),
                          [&](StringRef Name) { return Glob.contains(Name); }))
          Complain(Source, "check", Item, Known.Names);
      }
    for (const auto &Option : Options.CheckOptions)
      if (!Known.Options.contains(Option.getKey()))
        Complain(Source, "check option", Option.getKey(), Known.Options);
  }
  if (Valid)
    llvm::outs() << "No config errors detected.\n";
  return Valid;
}

/// Whether the configuration enables clang-diagnostic-* checks: they are
/// not among the enabled checks clang-tidy lists, so read the globs.
static bool wantsCompilerWarnings(const ClangTidyOptions &Options) {
  StringRef Checks = Options.Checks ? StringRef(*Options.Checks) : "";
  return Checks.contains("clang-diagnostic-") ||
         GlobList(Checks).contains("clang-diagnostic-");
}

/// --line-filter's test, as clang-tidy's: the first filter whose name ends
/// \p Where's path decides; one without lines takes the whole file.
static bool passesLineFilter(const ClangTidyGlobalOptions &Filter,
                             const SourcePosition &Where) {
  for (const FileFilter &File : Filter.LineFilter) {
    if (!StringRef(Where.File).ends_with(File.Name))
      continue;
    if (File.LineRanges.empty())
      return true;
    return llvm::any_of(File.LineRanges, [&](const FileFilter::LineRange &R) {
      return R.first <= Where.Line && Where.Line <= R.second;
    });
  }
  return false;
}

/// --fix-notes: a finding without a fix takes the fix of its one note that
/// has one (none when several do), as clang-tidy does.
static void adoptNoteFix(ClangTidyError &Finding) {
  if (!Finding.Message.Fix.empty())
    return;
  const tooling::DiagnosticMessage *WithFix = nullptr;
  for (const tooling::DiagnosticMessage &Note : Finding.Notes)
    if (!Note.Fix.empty()) {
      if (WithFix)
        return;
      WithFix = &Note;
    }
  if (WithFix)
    Finding.Message.Fix = WithFix->Fix;
}

/// Stops on what reading the configuration for every unit found: a
/// .clang-tidy file that does not parse, an invalid header filter.
static bool checkConfiguration(ClangTidyOptionsProvider &Provider,
                               const ConfigurationProblems &Problems,
                               const std::vector<AnalysisUnit> &Units) {
  std::set<std::string> Seen;
  for (const AnalysisUnit &Unit : Units) {
    if (!Seen.insert(Unit.File).second)
      continue;
    if (llvm::Error E =
            checkHeaderFilters(Provider, Unit.File, describeOptionsSource)) {
      error() << llvm::toString(std::move(E)) << "; nothing was edited\n";
      return false;
    }
  }
  for (const std::string &Message : Problems.errors())
    error() << Message << "; nothing was edited\n";
  return Problems.errors().empty();
}

/// The compilation database: flags after '--', -p, or the nearest
/// compile_commands.json above the first source.
static std::unique_ptr<tooling::CompilationDatabase>
loadCompilations(int &Argc, const char **Argv, std::string &Error) {
  std::string FixedError;
  if (auto Fixed = tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, Argv, FixedError))
    return Fixed;
  if (!FixedError.empty()) {
    Error = FixedError;
    return nullptr;
  }
  return nullptr;
}

/// Finds the compilation database (-p, or above the first source), after
/// checking that the compile_commands.json it comes from, named in
/// \p DatabaseFile, parses.
static std::unique_ptr<tooling::CompilationDatabase>
findCompilations(const std::vector<std::string> &Sources,
                 std::string &DatabaseFile, std::string &Error) {
  std::string LoadError;
  llvm::SmallString<256> SearchFrom(BuildPath);
  if (BuildPath.empty() && !Sources.empty()) {
    SearchFrom = Sources.front();
    llvm::sys::fs::make_absolute(SearchFrom);
    llvm::sys::path::remove_filename(SearchFrom);
  }
  if (!SearchFrom.empty())
    if (std::optional<std::string> File = findCompileCommandsFile(SearchFrom)) {
      if (llvm::Error E = checkCompileCommandsFile(*File)) {
        Error = llvm::toString(std::move(E));
        return nullptr;
      }
      DatabaseFile = *File;
    }
  if (!BuildPath.empty()) {
    auto Database = tooling::CompilationDatabase::autoDetectFromDirectory(
        BuildPath, LoadError);
    if (!Database)
      Error = "cannot load a compilation database from '" + BuildPath +
              "': " + LoadError;
    return Database;
  }
  if (!Sources.empty())
    if (auto Database = tooling::CompilationDatabase::autoDetectFromSource(
            Sources.front(), LoadError))
      return Database;
  Error = "no compilation database found for '" +
          (Sources.empty() ? std::string("<no source>") : Sources.front()) +
          "'; give the compiler flags after '--' (bpf-tidy FILE -- -I "
          "include -DFOO) or a build directory with compile_commands.json "
          "(bpf-tidy -p build FILE)";
  return nullptr;
}

/// A file that did not parse; a compiler warning that --warnings-as-errors
/// makes an error is a finding.
static bool isCompilerError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error && !E.IsWarningAsError &&
         StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}
static bool isConfigurationError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error &&
         StringRef(E.DiagnosticName).starts_with("clang-tidy-");
}

/// Applies --extra-arg and --extra-arg-before to every unit's command.
static void addExtraArgs(std::vector<AnalysisUnit> &Units) {
  auto Before = tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgsBefore.begin(), ExtraArgsBefore.end()),
      tooling::ArgumentInsertPosition::BEGIN);
  auto After = tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()),
      tooling::ArgumentInsertPosition::END);
  // The tool is not installed beside clang, so clang's own headers
  // (stdbool.h, stdint.h) are not found relative to it: name them.
  auto ResourceDir = tooling::getInsertArgumentAdjuster(
      "-resource-dir=" BPF_TIDY_CLANG_RESOURCE_DIR,
      tooling::ArgumentInsertPosition::BEGIN);
  for (AnalysisUnit &Unit : Units) {
    std::vector<std::string> &Line = Unit.Command.CommandLine;
    Line = After(Before(Line, Unit.File), Unit.File);
    if (llvm::none_of(Line, [](StringRef Arg) {
          return Arg.starts_with("-resource-dir");
        }))
      Line = ResourceDir(Line, Unit.File);
  }
}

/// Keeps the compiler quiet where nothing reads it: without a
/// clang-diagnostic-* check its warnings are thrown away, yet computing them
/// costs about a tenth of a parse, and a project's -Werror would turn one
/// into a "file does not parse". Also drops clang's "N warnings generated."
/// lines, which only interleave with the findings.
static void quietCompiler(std::vector<AnalysisUnit> &Units,
                          bool WantCompilerWarnings) {
  for (AnalysisUnit &Unit : Units) {
    std::vector<std::string> &Line = Unit.Command.CommandLine;
    auto Source = llvm::find(Line, "--");
    std::vector<std::string> Extra = {"-fno-caret-diagnostics"};
    if (!WantCompilerWarnings)
      Extra.push_back("-w");
    Line.insert(Source, Extra.begin(), Extra.end());
  }
}

/// Whether \p File is one of \p Files (by real path).
static bool isOneOf(llvm::StringRef File,
                    const std::vector<std::string> &Files) {
  std::string Path = canonicalPath(File);
  return llvm::any_of(
      Files, [&](const std::string &F) { return canonicalPath(F) == Path; });
}

/// The units to analyse: from --configs, or from the compilation database
/// (flags after '--', -p, or found above the first source), for the
/// \p Requested sources (all when none). With \p HeadersThroughUnits, a
/// requested file that is not a translation unit (a header) makes every
/// unit run: only the preprocessor, in each configuration, knows which
/// include it.
static bool collectUnits(std::unique_ptr<tooling::CompilationDatabase> Fixed,
                         const std::vector<std::string> &Requested,
                         bool HeadersThroughUnits,
                         std::vector<AnalysisUnit> &Units) {
  std::string Error;
  if (!ConfigsFile.empty()) {
    if (Fixed || !BuildPath.empty()) {
      error() << "--configs cannot be combined with '--' flags or -p\n";
      return false;
    }
    auto List = readConfigurationList(ConfigsFile);
    if (!List) {
      error() << llvm::toString(List.takeError()) << "\n";
      return false;
    }
    Units = unitsFromConfigurationList(*List, "clang");
    bool HeaderRequested =
        HeadersThroughUnits &&
        llvm::any_of(Requested, [&](const std::string &File) {
          return llvm::none_of(Units, [&](const AnalysisUnit &U) {
            return canonicalPath(U.File) == canonicalPath(File);
          });
        });
    if (!Requested.empty() && !HeaderRequested)
      llvm::erase_if(Units, [&](const AnalysisUnit &U) {
        return !isOneOf(U.File, Requested);
      });
  } else {
    std::unique_ptr<tooling::CompilationDatabase> Database = std::move(Fixed);
    std::string DatabaseFile;
    if (!Database &&
        !(Database = findCompilations(Requested, DatabaseFile, Error))) {
      error() << Error << "\n";
      return false;
    }
    std::vector<std::string> Files = Requested;
    if (Files.empty()) {
      if (BuildPath.empty()) {
        error() << "no source files given (see --help)\n";
        return false;
      }
      Files = Database->getAllFiles();
    }
    for (const std::string &File : Files)
      if (!llvm::sys::fs::exists(File)) {
        error() << "no such file: '" << File << "'\n";
        return false;
      }
    std::vector<std::string> AllUnits = Database->getAllFiles();
    if (HeadersThroughUnits && !AllUnits.empty() &&
        llvm::any_of(Files, [&](const std::string &File) {
          return !isOneOf(File, AllUnits);
        }))
      Files = AllUnits;
    Units = unitsFromDatabase(*Database, Files);
    if (llvm::Error E = checkCommandDirectories(Units, DatabaseFile)) {
      error() << llvm::toString(std::move(E)) << "\n";
      return false;
    }
  }
  if (Units.empty()) {
    error() << "nothing to analyse: no compile command for the given sources\n";
    return false;
  }
  addExtraArgs(Units);
  return true;
}

/// The directory SARIF URIs are relative to (sarifRoot), found once.
static std::string SarifRootDirectory;

/// The --format=json or --format=sarif report.
static std::string
structuredReport(const std::vector<FindingRecord> &Records,
                 const std::vector<AnalysisUnit> &Units,
                 const std::vector<std::string> &Configurations) {
  llvm::json::Value Report =
      Format == OutputFormat::Json
          ? findingsToJson(Records, Units, Configurations, currentDirectory())
          : findingsToSarif(Records, SarifRootDirectory);
  return llvm::formatv("{0:2}", Report).str() + "\n";
}

/// The files the options ask for (--output, --export-fixes,
/// --write-baseline), opened before the analysis: a path that cannot be
/// written costs no analysis and no edit. Null when one cannot be opened
/// or two name the same file (said on stderr).
struct Outputs {
  std::optional<OutputFile> Report, Fixes, NewBaseline;

  std::vector<OutputFile *> all() {
    std::vector<OutputFile *> All;
    for (std::optional<OutputFile> *O : {&Report, &Fixes, &NewBaseline})
      if (*O && !(*O)->isStdout())
        All.push_back(&**O);
    return All;
  }
};

static std::unique_ptr<Outputs> openOutputs() {
  auto Opened = std::make_unique<Outputs>();
  auto Open = [&](std::optional<OutputFile> &Slot, StringRef Option,
                  StringRef Path) {
    llvm::Expected<OutputFile> File = OutputFile::open(Option, Path);
    if (!File) {
      error() << llvm::toString(File.takeError()) << "\n";
      return false;
    }
    Slot.emplace(std::move(*File));
    return true;
  };
  if (!Open(Opened->Report, "--output", OutputPath) ||
      (!ExportFixes.empty() &&
       !Open(Opened->Fixes, "--export-fixes", ExportFixes)) ||
      (!WriteBaselinePath.empty() &&
       !Open(Opened->NewBaseline, "--write-baseline", WriteBaselinePath)))
    return nullptr;
  std::vector<OutputFile *> All = Opened->all();
  for (size_t I = 0; I < All.size(); ++I)
    for (size_t J = 0; J < I; ++J)
      if (!All[I]->isStream() && All[I]->target() == All[J]->target()) {
        error() << All[I]->option() << " '" << All[I]->path()
                << "' names the same file as " << All[J]->option() << "\n";
        return nullptr;
      }
  return Opened;
}

/// Whether an output names a file the analysis read (a source, a header):
/// writing a report over it would destroy it. Says so on stderr.
static bool overwritesInput(Outputs &Opened, const ReadLog &Log) {
  for (OutputFile *Output : Opened.all())
    if (Log.hashOf(Output->target())) {
      error() << Output->option() << " '" << Output->path()
              << "' names a file the analysis reads; refusing to overwrite "
                 "it\n";
      return true;
    }
  return false;
}

int analyzeMain(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions(Category);
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> FixedDatabase =
      loadCompilations(Argc, Argv, Error);
  if (!Error.empty()) {
    error() << Error << "\n";
    return ExitUsage;
  }
  if (!cl::ParseCommandLineOptions(Argc, Argv, Overview, &llvm::errs()))
    return ExitUsage;
  if (!refuseFlagsThatDoNotApply())
    return ExitUsage;
  if (FixNotes)
    Fix = true;
  ClangTidyGlobalOptions LineFilterOptions;
  if (!LineFilter.empty())
    if (std::error_code EC = parseLineFilter(LineFilter, LineFilterOptions)) {
      error() << "invalid --line-filter '" << LineFilter
              << "': " << EC.message() << "\n";
      return ExitUsage;
    }

  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto Log = std::make_shared<ReadLog>();
  // Each unit reads through its own physical file system (its own working
  // directory, not the process's), recording what it read in one log.
  FileSystemFactory MakeAnalysisFS = [Log] {
    return llvm::makeIntrusiveRefCnt<RecordingFileSystem>(
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
            llvm::vfs::createPhysicalFileSystem().release()),
        Log);
  };

  // Validate the configuration once, up front; each unit then makes its
  // own provider (they cache and are not shared between threads).
  auto Problems = std::make_shared<ConfigurationProblems>();
  auto OptionsProvider = createOptionsProvider(BaseFS, Problems, Error);
  if (!OptionsProvider) {
    error() << Error << "; nothing was edited\n";
    return ExitUsage;
  }
  OptionsProviderFactory MakeOptions = [BaseFS, Problems] {
    std::string Ignored;
    return createOptionsProvider(BaseFS, Problems, Ignored);
  };

  std::string FirstFile = Sources.empty() ? "dummy.c" : Sources.front();
  llvm::SmallString<256> FirstPath(FirstFile);
  llvm::sys::fs::make_absolute(FirstPath);
  ClangTidyOptions Effective = OptionsProvider->getOptions(FirstPath);
  if (!checkConfiguration(*OptionsProvider, *Problems, {}))
    return ExitUsage;
  std::vector<std::string> EnabledChecks =
      getCheckNames(Effective, /*AllowEnablingAnalyzerAlphaCheckers=*/false);

  if (ListChecks) {
    llvm::outs() << "Enabled checks:";
    for (const std::string &Check : EnabledChecks)
      llvm::outs() << "\n    " << Check;
    llvm::outs() << "\n\n";
    return ExitClean;
  }
  if (DumpConfig) {
    Effective.CheckOptions = getCheckOptions(Effective, false);
    llvm::outs() << configurationAsText(
                        ClangTidyOptions::getDefaults().merge(Effective, 0))
                 << "\n";
    return ExitClean;
  }
  if (ExplainConfig) {
    explainConfig(*OptionsProvider, FirstPath, EnabledChecks);
    return ExitClean;
  }
  if (VerifyConfig)
    return verifyConfig(*OptionsProvider, FirstPath) ? ExitClean : ExitUsage;
  if (EnabledChecks.empty() && !AllowNoChecks) {
    error() << "no checks enabled; the configuration disables bpf-* (see "
               "--checks and .clang-tidy)\n";
    return ExitUsage;
  }

  if (SarifRootPath.getNumOccurrences() && Format != OutputFormat::Sarif) {
    error() << "--sarif-root applies only to --format=sarif\n";
    return ExitUsage;
  }
  if (Format == OutputFormat::Sarif) {
    auto Root = sarifRoot(SarifRootPath);
    if (!Root) {
      error() << llvm::toString(Root.takeError()) << "\n";
      return ExitUsage;
    }
    SarifRootDirectory = std::move(*Root);
  }
  std::unique_ptr<Outputs> Opened = openOutputs();
  if (!Opened)
    return ExitUsage;

  // Diff mode: the changed sources, and the lines that changed in them.
  bool DiffMode = DiffRef.getNumOccurrences() > 0;
  std::vector<std::string> Requested(Sources.begin(), Sources.end());
  std::optional<ChangedLines> Changes;
  if (DiffMode && (ChangedLinesOnly || Requested.empty())) {
    auto Lines = ChangedLines::fromGit(currentDirectory(), DiffRef);
    if (!Lines) {
      error() << llvm::toString(Lines.takeError()) << "\n";
      return ExitUsage;
    }
    Changes = std::move(*Lines);
    if (Changes->fromUnstagedChanges() && !Quiet)
      llvm::errs() << "bpf-tidy: --diff: nothing staged; taking the changes "
                      "not staged (as --diff=HEAD)\n";
  }
  if (DiffMode && Requested.empty()) {
    for (const std::string &File : Changes->files())
      if (llvm::sys::path::extension(File) == ".c" ||
          llvm::sys::path::extension(File) == ".h")
        Requested.push_back(File);
    if (Requested.empty()) {
      if (!Quiet)
        llvm::errs() << "bpf-tidy: --diff: no changed C source or header\n";
      if (Format == OutputFormat::Text)
        return ExitClean;
      llvm::Error E = Opened->Report->write(structuredReport({}, {}, {}));
      if (!E)
        E = Opened->Report->commit();
      if (E) {
        error() << llvm::toString(std::move(E)) << "\n";
        return ExitUsage;
      }
      return ExitClean;
    }
  }

  std::optional<Shard> OneShard;
  if (ShardSpec.getNumOccurrences()) {
    auto Parsed = Shard::parse(ShardSpec);
    if (!Parsed) {
      error() << llvm::toString(Parsed.takeError()) << "\n";
      return ExitUsage;
    }
    OneShard = *Parsed;
  }
  std::optional<Baseline> Accepted;
  if (BaselinePath.getNumOccurrences()) {
    auto Read = Baseline::read(BaselinePath);
    if (!Read) {
      error() << llvm::toString(Read.takeError()) << "\n";
      return ExitUsage;
    }
    Accepted = std::move(*Read);
  }

  std::vector<AnalysisUnit> Units;
  if (!collectUnits(std::move(FixedDatabase), Requested, DiffMode, Units))
    return ExitUsage;
  if (!checkConfiguration(*OptionsProvider, *Problems, Units))
    return ExitUsage;
  // Held until the run ends: one --fix run per tree at a time.
  std::optional<TreeLock> Lock;
  if (Fix) {
    auto Locked = TreeLock::acquire(commonDirectory(Units));
    if (!Locked) {
      error() << llvm::toString(Locked.takeError()) << "\n";
      return ExitEditRefused;
    }
    Lock.emplace(std::move(*Locked));
  }
  quietCompiler(Units, wantsCompilerWarnings(Effective));
  if (OneShard) {
    Units = OneShard->select(std::move(Units));
    if (!Quiet)
      llvm::errs() << "bpf-tidy: shard " << ShardSpec << ": " << Units.size()
                   << (Units.size() == 1 ? " unit\n" : " units\n");
  }

  std::optional<ProgressReporter> Progress;
  std::set<std::tuple<std::string, std::string, unsigned>> SeenFindings;
  std::function<void(size_t, const UnitResult &)> OnUnitDone;
  if (ShowProgress) {
    Progress.emplace(Units.size(), llvm::errs(), llvm::errs().is_displayed());
    OnUnitDone = [&](size_t Done, const UnitResult &Result) {
      for (const ClangTidyError &E : Result.Errors)
        if (!isCompilerError(E) && !isConfigurationError(E))
          SeenFindings.emplace(E.DiagnosticName, E.Message.FilePath,
                               E.Message.FileOffset);
      Progress->update(Done, SeenFindings.size());
    };
  }
  std::vector<UnitResult> Results =
      runUnits(Units, MakeOptions, MakeAnalysisFS, Jobs, OnUnitDone);
  size_t Shared = 0;
  for (size_t I = 0; I < Results.size(); ++I)
    Shared += Results[I].AnalysedAs != I;
  if (Shared && !Quiet)
    llvm::errs() << "bpf-tidy: " << Shared << " of " << Units.size()
                 << " units preprocess like another one and share its "
                    "analysis\n";
  MergedFindings Merged = mergeFindings(Units, Results);
  if (FixNotes)
    for (MergedFinding &F : Merged.Findings)
      adoptNoteFix(F.Error);
  std::vector<SiteFact> Facts;
  for (const UnitResult &Result : Results)
    Facts.insert(Facts.end(), Result.Facts.begin(), Result.Facts.end());
  withholdDisputedFixes(Merged, Facts);
  std::vector<FindingRecord> Records =
      recordFindings(Merged, Format != OutputFormat::Text || Accepted ||
                                 !WriteBaselinePath.empty());

  if (DiffMode) {
    // Errors always count; a finding counts when it, or a note of it (a
    // macro expanded on a new line), is on a changed line of a changed
    // file; in whole-file mode, anywhere in a changed file.
    auto InChange = [&](const SourcePosition &Where) {
      if (!isOneOf(Where.File, Requested))
        return false;
      return !ChangedLinesOnly || Changes->contains(Where.File, Where.Line);
    };
    keepFindings(Merged, Records, [&](const FindingRecord &R) {
      return R.isToolError() || InChange(R.Where) ||
             llvm::any_of(R.Notes, [&](const NoteRecord &N) {
               return N.Where && InChange(*N.Where);
             });
    });
  }
  if (!LineFilterOptions.LineFilter.empty())
    keepFindings(Merged, Records, [&](const FindingRecord &R) {
      return R.isToolError() || passesLineFilter(LineFilterOptions, R.Where) ||
             llvm::any_of(R.Notes, [&](const NoteRecord &N) {
               return N.Where && passesLineFilter(LineFilterOptions, *N.Where);
             });
    });
  // Every report is written before the first edit, so that a report that
  // cannot be written (disk full) stops the run with nothing edited.
  if (overwritesInput(*Opened, *Log))
    return ExitUsage;
  auto Report = [](llvm::Error E) {
    if (!E)
      return true;
    error() << llvm::toString(std::move(E)) << "; nothing was edited\n";
    return false;
  };
  if (Opened->NewBaseline && !Report(Opened->NewBaseline->write(
                                 baselineText(WriteBaselinePath, Records))))
    return ExitUsage;
  if (Accepted) {
    size_t Before = Records.size();
    keepFindings(Merged, Records, [&](const FindingRecord &R) {
      return R.isToolError() || !Accepted->match(R);
    });
    if (!Quiet)
      llvm::errs() << "bpf-tidy: "
                   << counted(Before - Records.size(), "finding")
                   << " in the baseline not shown; "
                   << counted(Accepted->unmatched(), "baseline entry",
                              "baseline entries")
                   << " no longer found\n";
  }
  std::vector<ClangTidyError> Errors = diagnosticsOf(Merged);

  bool ParseFailed = llvm::any_of(Errors, isCompilerError);
  bool ConfigFailed = llvm::any_of(Errors, isConfigurationError);
  if (Format == OutputFormat::Text) {
    ClangTidyContext Context(MakeOptions(), false);
    unsigned WarningsAsErrorsCount = 0;
    if (!Report(Opened->Report->writeFromStdout([&] {
          handleErrors(Errors, Context, FB_NoFix, WarningsAsErrorsCount,
                       BaseFS);
        })))
      return ExitUsage;
  }

  if (Opened->Fixes) {
    std::string Yaml;
    llvm::raw_string_ostream OS(Yaml);
    exportReplacements(Units.empty() ? "" : Units.front().File, Errors, OS);
    if (!Report(Opened->Fixes->write(Yaml)))
      return ExitUsage;
  }

  unsigned Findings = 0;
  unsigned Fixable = 0;
  unsigned TreatedAsErrors = 0;
  for (const MergedFinding &F : Merged.Findings) {
    if (isCompilerError(F.Error) || isConfigurationError(F.Error))
      continue;
    ++Findings;
    Fixable += !F.Error.Message.Fix.empty();
    TreatedAsErrors += F.Error.IsWarningAsError;
  }

  bool Conflicting = llvm::any_of(Merged.Findings, [](const MergedFinding &F) {
    return !F.ConflictingFixes.empty();
  });
  bool Fixing = Fix && !ParseFailed && !ConfigFailed;
  bool Editing = Fixing && (Fixable || Conflicting);
  if (Fixing)
    for (FindingRecord &R : Records)
      R.Fixed = false;
  // The machine-readable report says what --fix did, so with edits to make
  // it is written twice: first as if nothing were fixed, which is the
  // longest it can be (every "fixed" is false), before the first edit,
  // then with what --fix did, into the room the first took (on standard
  // output or another stream, only then). It is written even when a file did
  // not parse, to show why.
  bool Structured = Format != OutputFormat::Text;
  if (Structured && !(Editing && Opened->Report->isStream()) &&
      !Report(Opened->Report->write(
          structuredReport(Records, Units, Merged.Configurations))))
    return ExitUsage;
  for (OutputFile *Output : Opened->all())
    if (!(Editing && Structured && Output == &*Opened->Report) &&
        !Report(Output->commit()))
      return ExitUsage;

  if (ParseFailed || ConfigFailed) {
    error() << (ParseFailed ? "a source did not parse"
                            : "the configuration is invalid")
            << "; nothing was edited\n";
    return ExitUsage;
  }

  int Exit = Findings ? ExitFindings : ExitClean;
  if (Editing) {
    FixOutcome Outcome = applyFixes(Merged, *Log, Quiet, HardLinkPolicy);
    for (size_t I = 0; I < Records.size(); ++I)
      Records[I].Fixed = Outcome.FindingFixed[I];
    unsigned Remaining = Findings - Outcome.Fixed;
    if (!Quiet)
      llvm::errs() << "bpf-tidy: " << Findings
                   << (Findings == 1 ? " finding, " : " findings, ")
                   << Outcome.Fixed << " fixed, " << Remaining << " left\n";
    Exit = Remaining ? ExitFindings : ExitClean;
    if (Outcome.Refused)
      Exit = worseExit(Exit, ExitEditRefused);
  } else if (!Quiet && Findings) {
    llvm::errs() << "bpf-tidy: " << Findings
                 << (Findings == 1 ? " finding" : " findings") << " in "
                 << Units.size() << (Units.size() == 1 ? " unit" : " units")
                 << " (" << Fixable << " with a fix"
                 << (Fix ? ")" : "; run with --fix to apply)") << "\n";
  }
  if (TreatedAsErrors && !Quiet)
    llvm::errs() << TreatedAsErrors
                 << (TreatedAsErrors == 1 ? " warning treated as error\n"
                                          : " warnings treated as errors\n");
  if (!WriteBaselinePath.empty() && Exit == ExitFindings)
    Exit = ExitClean;
  if (Editing && Structured) {
    OutputFile &Final = *Opened->Report;
    llvm::Error E =
        Final.write(structuredReport(Records, Units, Merged.Configurations));
    if (!E)
      E = Final.commit();
    if (E) {
      // Too late for exit 2: sources were edited.
      error() << llvm::toString(std::move(E))
              << "; the sources were edited, the previous report is kept\n";
      Exit = worseExit(Exit, ExitEditRefused);
    }
  }
  return Exit;
}

} // namespace bpftidy
