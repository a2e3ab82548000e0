//===- UnitRunner.cpp -----------------------------------------------------===//

#include "cli/UnitRunner.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include <atomic>
#include <mutex>

using namespace clang;

namespace bpftidy {

namespace {
/// A compilation database that knows one command for one file.
class SingleCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  tooling::CompileCommand Command;
};
} // namespace

static UnitResult runUnit(const AnalysisUnit &Unit,
                          const OptionsProviderFactory &MakeOptions,
                          const FileSystemFactory &MakeFileSystem) {
  tidy::ClangTidyContext Context(MakeOptions(),
                                 /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  SingleCommandDatabase Database(Unit.Command);
  auto Overlay =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(MakeFileSystem());
  UnitResult Result;
  Result.Errors = tidy::runClangTidy(Context, Database, {Unit.File}, Overlay,
                                     /*ApplyAnyFix=*/false);
  return Result;
}

std::vector<UnitResult>
runUnits(const std::vector<AnalysisUnit> &Units,
         const OptionsProviderFactory &MakeOptions,
         const FileSystemFactory &MakeFileSystem, unsigned Jobs,
         const std::function<void(size_t Done, const UnitResult &Finished)>
             &Progress) {
  std::vector<UnitResult> Results(Units.size());
  std::atomic<size_t> Done{0};
  std::mutex ProgressLock;
  auto RunOne = [&](size_t I) {
    Results[I] = runUnit(Units[I], MakeOptions, MakeFileSystem);
    size_t Finished = ++Done;
    if (Progress) {
      std::lock_guard<std::mutex> Guard(ProgressLock);
      Progress(Finished, Results[I]);
    }
  };

  unsigned Threads =
      Jobs ? Jobs : llvm::hardware_concurrency().compute_thread_count();
  if (Threads <= 1 || Units.size() <= 1) {
    for (size_t I = 0; I < Units.size(); ++I)
      RunOne(I);
    return Results;
  }
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Threads));
  for (size_t I = 0; I < Units.size(); ++I)
    Pool.async([&RunOne, I] { RunOne(I); });
  Pool.wait();
  return Results;
}

} // namespace bpftidy
