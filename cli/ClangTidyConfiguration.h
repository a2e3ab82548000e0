//===- ClangTidyConfiguration.h - read and check configuration --*- C++ -*-===//
//
// clang-tidy reads .clang-tidy files leniently: one that does not parse is
// reported and then ignored (defaults apply, although that file may have
// disabled the check), an unknown key makes it ignore the whole file, and
// a header filter that is no regex hides every header finding. bpf-tidy
// reads the same files, but a file that does not parse, or an invalid
// header filter, stops the run before anything is analysed or edited; an
// unknown top-level key is a warning and the rest of the file applies.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_CLANGTIDYCONFIGURATION_H
#define BPF_TIDY_CLI_CLANGTIDYCONFIGURATION_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"
#include "llvm/Support/Mutex.h"
#include <memory>
#include <string>
#include <vector>

namespace bpftidy {

/// Configuration text parsed, with a warning per unknown top-level key.
struct ParsedConfiguration {
  clang::tidy::ClangTidyOptions Options;
  std::vector<std::string> Warnings;
};

/// Parses configuration text (a .clang-tidy file, --config-file, --config)
/// as clang-tidy does, except that unknown top-level keys are left out with
/// a warning (naming the key, the nearest known one and all of them). The
/// error names the text's buffer identifier, line and column.
llvm::Expected<ParsedConfiguration>
parseConfigurationText(llvm::MemoryBufferRef Text);

/// What reading .clang-tidy files found, shared by the options providers
/// of every unit: each warning is printed once, errors are kept for the
/// caller to stop on.
class ConfigurationProblems {
public:
  /// Prints \p Warnings about \p File, unless already printed.
  void warn(llvm::StringRef File, llvm::ArrayRef<std::string> Warnings);
  void error(std::string Message);
  std::vector<std::string> errors() const;

private:
  mutable llvm::sys::Mutex Lock;
  llvm::StringSet<> Warned;
  std::vector<std::string> Errors;
};

/// The configuration --config (\p ConfigText) or --config-file
/// (\p ConfigFile) gives, parsed, its warnings given to \p Problems;
/// std::nullopt when neither is given (the .clang-tidy files apply).
/// Fails when both are given, or on a file that cannot be read or text
/// that does not parse.
llvm::Expected<std::optional<clang::tidy::ClangTidyOptions>>
readConfigurationFlags(std::optional<std::string> ConfigText,
                       std::optional<std::string> ConfigFile,
                       ConfigurationProblems &Problems);

/// clang-tidy's FileOptionsProvider (\p Config empty) or
/// ConfigOptionsProvider (\p Config set), whose .clang-tidy files are read
/// with parseConfigurationText, reporting to \p Problems.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(clang::tidy::ClangTidyOptions Defaults,
                    std::optional<clang::tidy::ClangTidyOptions> Config,
                    clang::tidy::ClangTidyOptions Overrides,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                    std::shared_ptr<ConfigurationProblems> Problems);

/// Fails when the HeaderFilterRegex or ExcludeHeaderFilterRegex in force
/// for \p File is no valid regex, naming where it was set: the source name
/// \p Provider gives, turned into words by \p Describe.
llvm::Error
checkHeaderFilters(clang::tidy::ClangTidyOptionsProvider &Provider,
                   llvm::StringRef File,
                   llvm::function_ref<std::string(llvm::StringRef)> Describe);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_CLANGTIDYCONFIGURATION_H
