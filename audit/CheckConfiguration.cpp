//===- CheckConfiguration.cpp ---------------------------------------------===//

#include "audit/CheckConfiguration.h"
#include "analyzer/core/ConventionOptions.h"
#include "clang-tidy/GlobList.h"
#include "cli/ClangTidyConfiguration.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang::tidy;

namespace bpftidy::audit {

static llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

/// The configuration \p Options gives the check.
static llvm::Expected<CheckConfiguration>
checkConfigurationOf(const ClangTidyOptions &Options, llvm::StringRef File) {
  CheckConfiguration Result;
  Result.Enabled =
      GlobList(Options.Checks.value_or("")).contains(CrossCheckedCheck);
  auto Lookup = [&](llvm::StringRef Prefix) {
    return [&, Prefix](llvm::StringRef Name) -> std::optional<llvm::StringRef> {
      auto It = Options.CheckOptions.find((Prefix + "." + Name).str());
      if (It == Options.CheckOptions.end())
        return std::nullopt;
      return llvm::StringRef(It->getValue().Value);
    };
  };
  std::string Invalid;
  Result.Options = readConventions(
      CrossCheckedCheck, Lookup(CrossCheckedCheck), Lookup(SharedOptionPrefix),
      [&](const std::string &Name, const std::string &Expected) {
        if (Invalid.empty())
          Invalid = "option '" + Name + "': " + Expected;
      });
  if (!Invalid.empty())
    return failure("the configuration of '" + File + "': " + Invalid);
  return Result;
}

llvm::Expected<std::map<std::string, CheckConfiguration>>
readCheckConfigurations(const std::vector<AnalysisUnit> &Units,
                        std::optional<std::string> ConfigText,
                        std::optional<std::string> ConfigFile) {
  auto Problems = std::make_shared<ConfigurationProblems>();
  auto Config = readConfigurationFlags(std::move(ConfigText),
                                       std::move(ConfigFile), *Problems);
  if (!Config)
    return Config.takeError();
  // bpf-tidy's defaults, as the analysis sets them.
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "bpf-*";
  std::unique_ptr<ClangTidyOptionsProvider> Provider = makeOptionsProvider(
      std::move(Defaults), std::move(*Config), ClangTidyOptions(),
      llvm::vfs::getRealFileSystem(), Problems);

  std::map<std::string, CheckConfiguration> Result;
  for (const AnalysisUnit &Unit : Units) {
    if (Result.count(Unit.File))
      continue;
    ClangTidyOptions Options = Provider->getOptions(Unit.File);
    std::vector<std::string> Errors = Problems->errors();
    if (!Errors.empty())
      return failure(Errors.front());
    auto Configuration = checkConfigurationOf(Options, Unit.File);
    if (!Configuration)
      return Configuration.takeError();
    Result.emplace(Unit.File, std::move(*Configuration));
  }
  return Result;
}

} // namespace bpftidy::audit
