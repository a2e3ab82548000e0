//===- UnitRunner.cpp -----------------------------------------------------===//

#include "cli/UnitRunner.h"
#include "analyzer/core/PreprocessorFootprint.h"
#include "clang-tidy/ClangTidy.h"
#include "cli/SamePreprocessing.h"
#include "llvm/ADT/StringMap.h"
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
                          const FileSystemFactory &MakeFileSystem,
                          bool RecordFootprint, bool RecordFacts) {
  tidy::ClangTidyContext Context(MakeOptions(),
                                 /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  SingleCommandDatabase Database(Unit.Command);
  auto Overlay =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(MakeFileSystem());
  UnitResult Result;
  // The check records what the preprocessing depended on, on this thread,
  // when another unit of the same source might share this analysis.
  setFootprintSink(RecordFootprint ? &Result.Footprint : nullptr);
  setSiteFactSink(RecordFacts ? &Result.Facts : nullptr);
  setNoteTagSink(&Result.NoteTags);
  Result.Errors = tidy::runClangTidy(Context, Database, {Unit.File}, Overlay,
                                     /*ApplyAnyFix=*/false);
  setFootprintSink(nullptr);
  setSiteFactSink(nullptr);
  setNoteTagSink(nullptr);
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
  std::mutex Lock;              // guards Analysed and the progress callback
  std::vector<size_t> Analysed; // units parsed so far, in completion order
  llvm::StringMap<unsigned> UnitsOfFile;
  for (const AnalysisUnit &Unit : Units)
    ++UnitsOfFile[Unit.File];

  // A unit that preprocesses like one already analysed takes its results.
  auto AnalysedAlike = [&](size_t I) -> std::optional<size_t> {
    std::lock_guard<std::mutex> Guard(Lock);
    for (size_t J : Analysed)
      if (preprocessesAlike(Units[J], Results[J].Footprint, Units[I]))
        return J;
    return std::nullopt;
  };
  auto RunOne = [&](size_t I) {
    if (std::optional<size_t> Same = AnalysedAlike(I)) {
      Results[I].Errors = Results[*Same].Errors;
      Results[I].AnalysedAs = *Same;
    } else {
      Results[I] = runUnit(Units[I], MakeOptions, MakeFileSystem,
                           UnitsOfFile.lookup(Units[I].File) > 1,
                           /*RecordFacts=*/Units.size() > 1);
      Results[I].AnalysedAs = I;
    }
    size_t Finished = ++Done;
    std::lock_guard<std::mutex> Guard(Lock);
    if (Results[I].AnalysedAs == I)
      Analysed.push_back(I);
    if (Progress)
      Progress(Finished, Results[I]);
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
