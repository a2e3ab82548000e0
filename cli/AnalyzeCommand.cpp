//===- AnalyzeCommand.cpp -------------------------------------------------===//

#include "cli/AnalyzeCommand.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "cli/ExitCodes.h"
#include "cli/RecordingFileSystem.h"
#include "rewriters/EditSet.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>

using namespace clang;
using namespace clang::tidy;
namespace cl = llvm::cl;

namespace bpftidy {

static cl::OptionCategory Category("bpf-tidy options");

static const char Overview[] = R"(
Finds BPF programs and tail calls that return a drop reason to the kernel
without a drop notification ("bare drops"), and fixes them.

  bpf-tidy [options] <source>... [-- <compiler flags>]
  bpf-tidy verify ...       build, load and run a datapath (see verify --help)

Flags come from a compilation database (-p <build dir>, or the nearest
compile_commands.json above the first source) or from everything after '--'.
Configuration is clang-tidy's: --checks, --config, --config-file, and
.clang-tidy files found from each source upwards; check options are
CheckOptions (see docs/checks/bpf-bare-drop-return.md).

Exit codes:
  0  no findings left (after --fix: every finding was fixed)
  1  findings remain
  2  usage or configuration error, or a file that does not parse
  3  an edit was refused (file not writable, changed since it was parsed,
     conflicting edits); other files are still fixed
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
static cl::opt<bool> SystemHeaders("system-headers",
                                   cl::desc("Show findings in system headers"),
                                   cl::init(false), cl::cat(Category));
static cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fixes"),
                         cl::init(false), cl::cat(Category));
static cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the suggested fixes to this YAML file "
                         "(clang-apply-replacements' format)"),
                cl::value_desc("filename"), cl::cat(Category));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose findings are shown as errors"),
    cl::init(""), cl::cat(Category));
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
static cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("An argument to append to the compiler command line"),
              cl::cat(Category));
static cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("An argument to prepend to the compiler command line"),
    cl::cat(Category));

static llvm::raw_ostream &error() {
  return llvm::WithColor::error(llvm::errs(), "bpf-tidy");
}

/// Builds the options provider exactly as clang-tidy does: defaults, then
/// --config / --config-file or .clang-tidy files, then command-line
/// overrides.
static std::unique_ptr<ClangTidyOptionsProvider>
createOptionsProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
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
  if (SystemHeaders.getNumOccurrences())
    Overrides.SystemHeaders = SystemHeaders;

  if (Config.getNumOccurrences() && ConfigFile.getNumOccurrences()) {
    Error = "--config and --config-file are mutually exclusive";
    return nullptr;
  }
  std::string ConfigText = Config;
  std::string ConfigSource = "--config";
  if (ConfigFile.getNumOccurrences()) {
    auto Buffer = llvm::MemoryBuffer::getFile(ConfigFile);
    if (!Buffer) {
      Error = "cannot read --config-file '" + ConfigFile +
              "': " + Buffer.getError().message();
      return nullptr;
    }
    ConfigText = (*Buffer)->getBuffer().str();
    ConfigSource = ConfigFile;
  }
  if (!ConfigText.empty() || ConfigFile.getNumOccurrences()) {
    auto Parsed =
        parseConfiguration(llvm::MemoryBufferRef(ConfigText, ConfigSource));
    if (!Parsed) {
      Error = "invalid configuration in " + ConfigSource + ": " +
              Parsed.getError().message();
      return nullptr;
    }
    return std::make_unique<ConfigOptionsProvider>(
        std::move(GlobalOptions), std::move(Defaults), std::move(*Parsed),
        std::move(Overrides), FS);
  }
  return std::make_unique<FileOptionsProvider>(
      std::move(GlobalOptions), std::move(Defaults), std::move(Overrides), FS);
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

static std::unique_ptr<tooling::CompilationDatabase>
findCompilations(std::string &Error) {
  std::string LoadError;
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

static bool isCompilerError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error &&
         StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}
static bool isConfigurationError(const ClangTidyError &E) {
  return StringRef(E.DiagnosticName).starts_with("clang-tidy-config") ||
         (E.DiagLevel == ClangTidyError::Error &&
          StringRef(E.DiagnosticName).starts_with("clang-tidy-"));
}

/// Applies the fixes of \p Errors; returns the number of findings whose
/// fix was applied in full, and sets \p Refused when an edit was refused.
static unsigned applyFixes(const std::vector<ClangTidyError> &Errors,
                           const ReadLog &Log, bool &Refused) {
  rewriters::EditSet Edits;
  std::set<std::string> Files;
  for (const ClangTidyError &E : Errors)
    for (const auto &[File, Replacements] : E.Message.Fix)
      for (const tooling::Replacement &R : Replacements) {
        std::string Path = canonicalPath(R.getFilePath());
        if (Files.insert(Path).second)
          if (std::optional<uint64_t> Hash = Log.hashOf(Path))
            Edits.expectContent(Path, *Hash);
        Edits.add(tooling::Replacement(Path, R.getOffset(), R.getLength(),
                                       R.getReplacementText()),
                  E.DiagnosticName);
      }

  for (const rewriters::EditSet::Conflict &C : Edits.conflicts()) {
    Refused = true;
    error() << C.First.getFilePath() << ": conflicting edits at offset "
            << C.First.getOffset() << ", not applied:\n  '"
            << C.First.getReplacementText() << "' (" << C.FirstOrigin
            << ")\n  '" << C.Second.getReplacementText() << "' ("
            << C.SecondOrigin << ")\n";
  }

  std::set<std::string> Written;
  for (const rewriters::EditSet::FileResult &Result : Edits.apply()) {
    if (Result.State == rewriters::EditSet::FileResult::Written) {
      Written.insert(Result.Path);
      if (!Quiet)
        llvm::errs() << "bpf-tidy: applied " << Result.EditsApplied
                     << (Result.EditsApplied == 1 ? " fix" : " fixes") << " to "
                     << Result.Path << "\n";
      continue;
    }
    Refused = true;
    error() << Result.Path << ": not edited: " << Result.Message << "\n";
  }

  // A finding is fixed when every edit of it landed in a written file and
  // none of them conflicted.
  std::map<std::string, tooling::Replacements> Merged = Edits.mergedEdits();
  unsigned Fixed = 0;
  for (const ClangTidyError &E : Errors) {
    if (E.Message.Fix.empty())
      continue;
    bool AllApplied = true;
    for (const auto &[File, Replacements] : E.Message.Fix)
      for (const tooling::Replacement &R : Replacements) {
        std::string Path = canonicalPath(R.getFilePath());
        auto It = Merged.find(Path);
        bool Present =
            It != Merged.end() &&
            llvm::any_of(It->second, [&](const tooling::Replacement &M) {
              return M.getOffset() == R.getOffset() &&
                     M.getLength() == R.getLength() &&
                     M.getReplacementText() == R.getReplacementText();
            });
        AllApplied &= Present && Written.count(Path);
      }
    Fixed += AllApplied;
  }
  return Fixed;
}

int analyzeMain(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions(Category);
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> Compilations =
      loadCompilations(Argc, Argv, Error);
  if (!Error.empty()) {
    error() << Error << "\n";
    return ExitUsage;
  }
  if (!cl::ParseCommandLineOptions(Argc, Argv, Overview, &llvm::errs()))
    return ExitUsage;

  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto Log = std::make_shared<ReadLog>();
  auto Recording = llvm::makeIntrusiveRefCnt<RecordingFileSystem>(
      llvm::vfs::getRealFileSystem(), Log);
  auto AnalysisFS =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Recording);

  auto OptionsProvider = createOptionsProvider(BaseFS, Error);
  if (!OptionsProvider) {
    error() << Error << "\n";
    return ExitUsage;
  }

  std::string FirstFile = Sources.empty() ? "dummy.c" : Sources.front();
  llvm::SmallString<256> FirstPath(FirstFile);
  llvm::sys::fs::make_absolute(FirstPath);
  ClangTidyOptions Effective = OptionsProvider->getOptions(FirstPath);
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
  if (EnabledChecks.empty()) {
    error() << "no checks enabled; the configuration disables bpf-* (see "
               "--checks and .clang-tidy)\n";
    return ExitUsage;
  }

  if (!Compilations) {
    Compilations = findCompilations(Error);
    if (!Compilations) {
      error() << Error << "\n";
      return ExitUsage;
    }
  }
  std::vector<std::string> Files(Sources.begin(), Sources.end());
  if (Files.empty()) {
    if (BuildPath.empty()) {
      error() << "no source files given (see --help)\n";
      return ExitUsage;
    }
    Files = Compilations->getAllFiles();
  }
  for (const std::string &File : Files) {
    if (!llvm::sys::fs::exists(File)) {
      error() << "no such file: '" << File << "'\n";
      return ExitUsage;
    }
  }
  tooling::ArgumentsAdjustingCompilations Adjusted(std::move(Compilations));
  Adjusted.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgsBefore.begin(), ExtraArgsBefore.end()),
      tooling::ArgumentInsertPosition::BEGIN));
  Adjusted.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()),
      tooling::ArgumentInsertPosition::END));

  ClangTidyContext Context(std::move(OptionsProvider),
                           /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, Adjusted, Files, AnalysisFS,
                   /*ApplyAnyFix=*/false);

  bool ParseFailed = llvm::any_of(Errors, isCompilerError);
  bool ConfigFailed = llvm::any_of(Errors, isConfigurationError);
  unsigned WarningsAsErrorsCount = 0;
  handleErrors(Errors, Context, FB_NoFix, WarningsAsErrorsCount, BaseFS);

  if (!ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC) {
      error() << "cannot write --export-fixes '" << ExportFixes
              << "': " << EC.message() << "\n";
      return ExitUsage;
    }
    exportReplacements(Files.front(), Errors, OS);
  }

  unsigned Findings = 0;
  unsigned Fixable = 0;
  for (const ClangTidyError &E : Errors) {
    if (isCompilerError(E) || isConfigurationError(E))
      continue;
    ++Findings;
    Fixable += !E.Message.Fix.empty();
  }

  if (ParseFailed || ConfigFailed) {
    error() << (ParseFailed ? "a source did not parse"
                            : "the configuration is invalid")
            << "; nothing was edited\n";
    return ExitUsage;
  }

  int Exit = Findings ? ExitFindings : ExitClean;
  if (Fix && Fixable) {
    bool Refused = false;
    unsigned Fixed = applyFixes(Errors, *Log, Refused);
    unsigned Remaining = Findings - Fixed;
    if (!Quiet)
      llvm::errs() << "bpf-tidy: " << Findings
                   << (Findings == 1 ? " finding, " : " findings, ") << Fixed
                   << " fixed, " << Remaining << " left\n";
    Exit = Remaining ? ExitFindings : ExitClean;
    if (Refused)
      Exit = worseExit(Exit, ExitEditRefused);
  } else if (!Quiet && Findings) {
    llvm::errs() << "bpf-tidy: " << Findings
                 << (Findings == 1 ? " finding" : " findings") << " ("
                 << Fixable << " with a fix"
                 << (Fix ? ")" : "; run with --fix to apply)") << "\n";
  }
  return Exit;
}

} // namespace bpftidy
