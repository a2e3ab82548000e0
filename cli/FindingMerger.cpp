//===- FindingMerger.cpp --------------------------------------------------===//

#include "cli/FindingMerger.h"
#include "cli/RecordingFileSystem.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <set>
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

/// The text of the first edit of \p E on one line, to show a candidate
/// fix: line breaks, their indentation and '\' continuations become one
/// space.
static std::string firstEditText(const ClangTidyError &E) {
  for (const auto &Entry : E.Message.Fix)
    for (const tooling::Replacement &R : Entry.second) {
      StringRef Raw = R.getReplacementText();
      std::string Text;
      bool Space = false;
      for (size_t I = 0; I < Raw.size(); ++I) {
        char C = Raw[I];
        bool Splice =
            C == '\\' && Raw.substr(I + 1).ltrim("\r").starts_with("\n");
        if (Splice || isspace(static_cast<unsigned char>(C))) {
          Space = !Text.empty();
          continue;
        }
        if (Space)
          Text += ' ';
        Space = false;
        Text += C;
      }
      return Text;
    }
  return "";
}

/// Removes the notes that explain a fix, once the fix is withheld.
static void dropFixNotes(MergedFinding &F) {
  llvm::erase_if(F.Error.Notes, [](const tooling::DiagnosticMessage &Note) {
    return StringRef(Note.Message).starts_with("drop direction taken from");
  });
}

MergedFindings mergeFindings(const std::vector<AnalysisUnit> &Units,
                             const std::vector<UnitResult> &Results) {
  MergedFindings Merged;
  // By site: check, file and offset. The check words a site the same in
  // every configuration where it can, but what a propagated value may hold
  // can differ between configurations; the first unit's wording is kept.
  std::map<std::tuple<std::string, std::string, unsigned>, size_t> Index;
  // Per finding: (configuration, fix key, candidate text) of each unit.
  struct Proposal {
    std::string Configuration, Key, Text;
  };
  std::vector<std::vector<Proposal>> Proposals;
  llvm::StringMap<bool> SeenConfiguration;

  for (size_t U = 0; U < Units.size(); ++U) {
    const std::string &Configuration = Units[U].Configuration;
    if (SeenConfiguration.try_emplace(Configuration, true).second)
      Merged.Configurations.push_back(Configuration);
    for (const ClangTidyError &E : Results[U].Errors) {
      auto Key =
          std::make_tuple(E.DiagnosticName, canonicalPath(E.Message.FilePath),
                          E.Message.FileOffset);
      auto [It, Inserted] = Index.try_emplace(Key, Merged.Findings.size());
      if (Inserted) {
        Merged.Findings.push_back({E, {}, "", {}});
        Proposals.emplace_back();
      }
      MergedFinding &F = Merged.Findings[It->second];
      if (llvm::find(F.Configurations, Configuration) == F.Configurations.end())
        F.Configurations.push_back(Configuration);
      Proposals[It->second].push_back(
          {Configuration, fixKey(E), firstEditText(E)});
    }
  }

  for (size_t I = 0; I < Merged.Findings.size(); ++I) {
    const std::vector<Proposal> &Units = Proposals[I];
    bool AllSame = llvm::all_of(
        Units, [&](const Proposal &P) { return P.Key == Units.front().Key; });
    if (AllSame)
      continue;
    MergedFinding &F = Merged.Findings[I];
    F.Error.Message.Fix.clear();
    dropFixNotes(F);
    if (llvm::any_of(Units, [](const Proposal &P) { return P.Key.empty(); })) {
      // Applying the fix would be wrong where it was not proposed (a
      // helper or name missing there, say).
      F.FixWithheld = "no fix: in some configurations the site cannot be "
                      "fixed (see a run of that configuration alone)";
      continue;
    }
    std::set<std::string> Seen;
    std::string Candidates;
    for (const Proposal &P : Units) {
      if (!Seen.insert(P.Key).second)
        continue;
      F.ConflictingFixes.emplace_back(P.Configuration, P.Text);
      Candidates += (Candidates.empty() ? "" : "; ") +
                    ("'" + P.Text + "' in " + P.Configuration);
    }
    F.FixWithheld =
        "no fix: configurations propose different edits for this site: " +
        Candidates;
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
    dropFixNotes(F);
  }
}

void withholdDisputedFixes(MergedFindings &Merged,
                           const std::vector<SiteFact> &Facts) {
  using Site = std::pair<std::string, unsigned>;
  std::set<Site> NotifySafe;
  std::map<Site, std::string> NotifyUnsafe, WrapUnsafe;
  for (const SiteFact &Fact : Facts) {
    Site Key(Fact.File, Fact.Offset);
    if (Fact.Kind == SiteFact::NotifyAtSource) {
      if (Fact.Safe)
        NotifySafe.insert(Key);
      else
        NotifyUnsafe.try_emplace(Key, Fact.Why);
    } else if (!Fact.Safe) {
      WrapUnsafe.try_emplace(Key, Fact.Why);
    }
  }
  for (const auto &[Key, Why] : NotifyUnsafe)
    if (NotifySafe.count(Key))
      withholdFixesAt(
          Merged, Key.first, Key.second,
          "no fix: configurations disagree on notifying where this drop is "
          "made: in some every caller returns the value to the kernel, in "
          "others " +
              Why);
  for (const auto &[Key, Why] : WrapUnsafe)
    withholdFixesAt(Merged, Key.first, Key.second,
                    "no fix: in some configurations " + Why +
                        " (the same text is compiled differently there), "
                        "and notifying would drop it");
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
