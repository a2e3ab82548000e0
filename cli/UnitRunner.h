//===- UnitRunner.h - run the checks over analysis units --------*- C++ -*-===//
//
// Each unit (a source in one configuration) is parsed and checked through
// clang-tidy's own runner, so option lookup, NOLINT and header filtering are
// exactly clang-tidy's. Units run in parallel (-j); results come back in
// unit order so output does not depend on scheduling.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_UNITRUNNER_H
#define BPF_TIDY_CLI_UNITRUNNER_H

#include "analyzer/core/NoteReason.h"
#include "analyzer/core/SiteFacts.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "cli/AnalysisUnit.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <memory>
#include <vector>

namespace bpftidy {

struct UnitResult {
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// The names the unit's preprocessing depends on (empty if unknown).
  llvm::StringSet<> Footprint;
  /// What the analysis said about sites (analyzer/core/SiteFacts.h), recorded
  /// when there is more than one unit to compare.
  std::vector<SiteFact> Facts;
  /// What each note of the checks is for (analyzer/core/NoteReason.h).
  std::vector<NoteTag> NoteTags;
  /// The unit whose analysis this one shares, when it preprocesses alike
  /// (cli/SamePreprocessing.h); otherwise its own index.
  size_t AnalysedAs = 0;
};

/// Makes a fresh options provider for one unit (providers cache per
/// directory and are not shared between threads).
using OptionsProviderFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>;

/// Makes the file system one unit is parsed through. Each unit needs its
/// own: the tool sets the working directory of its file system to the
/// compile command's directory, and on the process-wide real file system
/// that would be a chdir racing with the other units' threads.
using FileSystemFactory =
    std::function<llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>()>;

/// Runs every unit, \p Jobs at a time (0: one per core). A unit that
/// preprocesses like one already analysed shares its results instead. \p
/// Progress, if set, is called after each unit (one call at a time) with the
/// number done so far and that unit's result.
std::vector<UnitResult>
runUnits(const std::vector<AnalysisUnit> &Units,
         const OptionsProviderFactory &MakeOptions,
         const FileSystemFactory &MakeFileSystem, unsigned Jobs,
         const std::function<void(size_t Done, const UnitResult &Finished)>
             &Progress = nullptr);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_UNITRUNNER_H
