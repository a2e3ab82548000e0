//===- FindingMerger.cpp --------------------------------------------------===//

#include "cli/FindingMerger.h"
#include "cli/RecordingFileSystem.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <tuple>

using namespace clang;
using clang::tidy::ClangTidyError;

namespace bpftidy {

/// Fixes as comparable text: file, offset, length and text of each edit.
static std::string fixKey(const ClangTidyError &E) {
  std::string Key;
  std::map<std::string, const tooling::Replacements *> Sorted;
  for (const auto &Entry : E.Message.Fix)
    Sorted[canonicalPath(Entry.first())] = &Entry.second;
  for (const auto &[File, Replacements] : Sorted)
    for (const tooling::Replacement &R : *Replacements)
      Key += File + ":" + std::to_string(R.getOffset()) + ":" +
             std::to_string(R.getLength()) + ":" +
             R.getReplacementText().str() + "\n";
  return Key;
}

MergedFindings mergeFindings(const std::vector<AnalysisUnit> &Units,
                             const std::vector<UnitResult> &Results) {
  MergedFindings Merged;
  std::map<std::tuple<std::string, std::string, unsigned, std::string>, size_t>
      Index;
  std::vector<std::vector<std::string>> FixKeys;
  llvm::StringMap<bool> SeenConfiguration;

  for (size_t U = 0; U < Units.size(); ++U) {
    const std::string &Configuration = Units[U].Configuration;
    if (SeenConfiguration.try_emplace(Configuration, true).second)
      Merged.Configurations.push_back(Configuration);
    for (const ClangTidyError &E : Results[U].Errors) {
      auto Key =
          std::make_tuple(E.DiagnosticName, canonicalPath(E.Message.FilePath),
                          E.Message.FileOffset, E.Message.Message);
      auto [It, Inserted] = Index.try_emplace(Key, Merged.Findings.size());
      if (Inserted) {
        Merged.Findings.push_back({E, {}, ""});
        FixKeys.emplace_back();
      }
      MergedFinding &F = Merged.Findings[It->second];
      if (llvm::find(F.Configurations, Configuration) == F.Configurations.end())
        F.Configurations.push_back(Configuration);
      FixKeys[It->second].push_back(fixKey(E));
    }
  }

  for (size_t I = 0; I < Merged.Findings.size(); ++I) {
    const std::vector<std::string> &Keys = FixKeys[I];
    bool AllSame = llvm::all_of(
        Keys, [&](const std::string &K) { return K == Keys.front(); });
    if (AllSame)
      continue;
    MergedFinding &F = Merged.Findings[I];
    F.Error.Message.Fix.clear();
    F.FixWithheld =
        llvm::any_of(Keys, [](const std::string &K) { return K.empty(); })
            ? "no fix: in some configurations the site cannot be fixed "
              "(see a run of that configuration alone)"
            : "no fix: configurations propose different edits for this site";
  }
  return Merged;
}

void withholdFixesAt(MergedFindings &Merged, llvm::StringRef File,
                     unsigned Offset, llvm::StringRef Why) {
  std::string Path = canonicalPath(File);
  for (MergedFinding &F : Merged.Findings) {
    if (F.Error.Message.FileOffset != Offset ||
        canonicalPath(F.Error.Message.FilePath) != Path)
      continue;
    F.Error.Message.Fix.clear();
    F.FixWithheld = Why.str();
  }
}

std::vector<ClangTidyError> diagnosticsOf(const MergedFindings &Merged) {
  std::vector<ClangTidyError> Errors;
  for (const MergedFinding &F : Merged.Findings) {
    ClangTidyError E = F.Error;
    auto Note = [&](std::string Text) {
      tooling::DiagnosticMessage Message = E.Message;
      Message.Message = std::move(Text);
      Message.Fix.clear();
      Message.Ranges.clear();
      E.Notes.push_back(std::move(Message));
    };
    if (!F.FixWithheld.empty())
      Note(F.FixWithheld);
    bool IsFinding = !llvm::StringRef(E.DiagnosticName).starts_with("clang-");
    if (IsFinding && Merged.Configurations.size() > 1) {
      std::string Text = "found in " + std::to_string(F.Configurations.size()) +
                         " of " + std::to_string(Merged.Configurations.size()) +
                         " configurations: ";
      for (size_t I = 0; I < F.Configurations.size(); ++I)
        Text += (I ? ", " : "") + F.Configurations[I];
      Note(Text);
    }
    Errors.push_back(std::move(E));
  }
  return Errors;
}

} // namespace bpftidy
