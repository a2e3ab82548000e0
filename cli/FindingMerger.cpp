//===- FindingMerger.cpp --------------------------------------------------===//

#include "cli/FindingMerger.h"
#include "cli/RecordingFileSystem.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
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

/// \p Raw on one line: line breaks, their indentation and '\'
/// continuations become one space.
static std::string oneLine(StringRef Raw) {
  std::string Text;
  bool Space = false;
  for (size_t I = 0; I < Raw.size(); ++I) {
    char C = Raw[I];
    bool Splice = C == '\\' && Raw.substr(I + 1).ltrim("\r").starts_with("\n");
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

/// The text of the first edit of \p E on one line, to show a candidate
/// fix.
static std::string firstEditText(const ClangTidyError &E) {
  for (const auto &Entry : E.Message.Fix)
    for (const tooling::Replacement &R : Entry.second)
      return oneLine(R.getReplacementText());
  return "";
}

/// Removes the notes that explain a fix, once the fix is withheld.
static void dropFixNotes(MergedFinding &F) {
  size_t Kept = 0;
  for (size_t I = 0; I < F.Error.Notes.size(); ++I) {
    if (F.NoteReasons[I] == NoteReason::FixDetail ||
        F.NoteReasons[I] == NoteReason::FixEffect)
      continue;
    if (Kept != I) {
      F.Error.Notes[Kept] = std::move(F.Error.Notes[I]);
      F.NoteReasons[Kept] = F.NoteReasons[I];
    }
    ++Kept;
  }
  F.Error.Notes.resize(Kept);
  F.NoteReasons.resize(Kept);
}

/// Adds to \p F the notes of \p E (the same site, another unit) that
/// point at a program's return handing the drop to the kernel and that \p F
/// lacks: a program may exist in some configurations only.
static void addKernelReturns(MergedFinding &F, const ClangTidyError &E,
                             const std::vector<NoteReason> &Reasons) {
  for (size_t I = 0; I < E.Notes.size(); ++I) {
    if (Reasons[I] != NoteReason::KernelReturn)
      continue;
    const tooling::DiagnosticMessage &Note = E.Notes[I];
    bool Known = llvm::any_of(F.Error.Notes, [&](const auto &Have) {
      return Have.Message == Note.Message &&
             Have.FileOffset == Note.FileOffset &&
             canonicalPath(Have.FilePath) == canonicalPath(Note.FilePath);
    });
    if (Known)
      continue;
    // After the other notes that point at the kernel, in order.
    size_t At = 0;
    for (size_t J = 0; J < F.NoteReasons.size(); ++J)
      if (F.NoteReasons[J] == NoteReason::KernelReturn)
        At = J + 1;
    if (At == 0)
      At = F.NoteReasons.size();
    F.Error.Notes.insert(F.Error.Notes.begin() + At, Note);
    F.NoteReasons.insert(F.NoteReasons.begin() + At, NoteReason::KernelReturn);
  }
}

using FindingKey = std::tuple<std::string, std::string, unsigned>;

/// The key of \p E's site: check, canonical file, offset.
static FindingKey keyOf(const ClangTidyError &E) {
  return {E.DiagnosticName, canonicalPath(E.Message.FilePath),
          E.Message.FileOffset};
}

/// The reasons the checks gave their notes, by finding.
static std::map<FindingKey, std::vector<const NoteTag *>>
tagsByFinding(const std::vector<NoteTag> &Tags) {
  std::map<FindingKey, std::vector<const NoteTag *>> ByFinding;
  for (const NoteTag &Tag : Tags)
    ByFinding[{Tag.Check, canonicalPath(Tag.File), Tag.Offset}].push_back(&Tag);
  return ByFinding;
}

/// The reason of each note of \p E: the check tags its own notes in the
/// order it emits them; other notes (a compiler's "expanded from macro")
/// explain.
static std::vector<NoteReason>
reasonsOf(const ClangTidyError &E, const std::vector<const NoteTag *> *Tags) {
  std::vector<NoteReason> Reasons;
  size_t Next = 0;
  for (const tooling::DiagnosticMessage &Note : E.Notes) {
    if (Tags && Next < Tags->size() && (*Tags)[Next]->Text == Note.Message)
      Reasons.push_back((*Tags)[Next++]->Reason);
    else
      Reasons.push_back(NoteReason::Explanation);
  }
  return Reasons;
}

/// The units of \p Units that proposed no fix, and why, grouped by reason:
/// ": 'reason' in CONFIG (FILE) and N others; ...".
template <typename ProposalList>
static std::string withoutFix(const ProposalList &Units) {
  std::vector<std::pair<std::string, std::vector<std::string>>> ByReason;
  for (const auto &P : Units) {
    if (!P.Key.empty())
      continue;
    StringRef Why = P.WhyNot;
    Why.consume_front("no fix offered: ");
    auto It =
        llvm::find_if(ByReason, [&](const auto &R) { return R.first == Why; });
    if (It == ByReason.end())
      It = ByReason.insert(ByReason.end(), {Why.str(), {}});
    if (!llvm::is_contained(It->second, P.Unit))
      It->second.push_back(P.Unit);
  }
  std::string Text;
  for (const auto &[Why, Configurations] : ByReason) {
    if (Why.empty())
      continue;
    Text +=
        (Text.empty() ? ": '" : "; '") + Why + "' in " + Configurations.front();
    if (Configurations.size() > 1)
      Text += " and " + std::to_string(Configurations.size() - 1) + " other" +
              (Configurations.size() > 2 ? "s" : "");
  }
  return Text;
}

MergedFindings mergeFindings(const std::vector<AnalysisUnit> &Units,
                             const std::vector<UnitResult> &Results) {
  MergedFindings Merged;
  // By site: check, file and offset. The check words a site the same in
  // every configuration where it can, but what a propagated value may hold
  // can differ between configurations; the first unit's wording is kept.
  std::map<FindingKey, size_t> Index;
  // Per finding: (configuration, fix key, candidate text) of each unit.
  struct Proposal {
    std::string Configuration, Key, Text;
    llvm::StringMap<tooling::Replacements> Edits;
    /// Without a fix: what the unit's note says is missing, and the unit
    /// ("CONFIGURATION (FILE)": a configuration may name units of several
    /// files).
    std::string WhyNot, Unit;
  };
  std::vector<std::vector<Proposal>> Proposals;
  llvm::StringMap<bool> SeenConfiguration;

  for (size_t U = 0; U < Units.size(); ++U) {
    const std::string &Configuration = Units[U].Configuration;
    if (SeenConfiguration.try_emplace(Configuration, true).second)
      Merged.Configurations.push_back(Configuration);
    std::map<FindingKey, std::vector<const NoteTag *>> Tags;
    bool TagsRead = false;
    for (const ClangTidyError &E : Results[U].Errors) {
      FindingKey Key = keyOf(E);
      // Tool errors (configuration) have no place: each message is one.
      if (StringRef(E.DiagnosticName).starts_with("clang-tidy-"))
        std::get<1>(Key) += "\n" + E.Message.Message;
      auto [It, Inserted] = Index.try_emplace(Key, Merged.Findings.size());
      if (!TagsRead) {
        Tags = tagsByFinding(Results[Results[U].AnalysedAs].NoteTags);
        TagsRead = true;
      }
      auto Found = Tags.find(Key);
      std::vector<NoteReason> Reasons =
          reasonsOf(E, Found == Tags.end() ? nullptr : &Found->second);
      if (Inserted) {
        Merged.Findings.push_back({E, Reasons, {}, "", {}, {}});
        Proposals.emplace_back();
      }
      MergedFinding &F = Merged.Findings[It->second];
      if (!Inserted)
        addKernelReturns(F, E, Reasons);
      if (llvm::find(F.Configurations, Configuration) == F.Configurations.end())
        F.Configurations.push_back(Configuration);
      std::string WhyNot;
      for (size_t N = 0; N < E.Notes.size() && WhyNot.empty(); ++N)
        if (Reasons[N] == NoteReason::NoFix)
          WhyNot = StringRef(E.Notes[N].Message).ltrim().str();
      Proposals[It->second].push_back(
          {Configuration, fixKey(E), firstEditText(E), E.Message.Fix,
           std::move(WhyNot),
           Configuration + " (" +
               llvm::sys::path::filename(Units[U].File).str() + ")"});
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
                      "fixed" +
                      withoutFix(Units) +
                      " (see a run of that configuration alone)";
      continue;
    }
    std::set<std::string> Seen;
    std::string Candidates;
    for (const Proposal &P : Units) {
      if (!Seen.insert(P.Key).second)
        continue;
      F.ConflictingFixes.emplace_back(P.Configuration, P.Text);
      F.ConflictingEdits.push_back(P.Edits);
      Candidates += (Candidates.empty() ? "" : "; ") +
                    ("'" + P.Text + "' in " + P.Configuration);
    }
    F.FixWithheld =
        "no fix: configurations propose different edits for this site: " +
        Candidates;
  }
  return Merged;
}

void withholdFixesAt(MergedFindings &Merged, llvm::StringRef Check,
                     llvm::StringRef File, unsigned Offset,
                     llvm::StringRef Why) {
  std::string Path = canonicalPath(File);
  for (MergedFinding &F : Merged.Findings) {
    if (F.Error.Message.FileOffset != Offset ||
        F.Error.DiagnosticName != Check ||
        canonicalPath(F.Error.Message.FilePath) != Path)
      continue;
    F.Error.Message.Fix.clear();
    F.FixWithheld = Why.str();
    dropFixNotes(F);
  }
}

/// Takes, for a finding whose configurations proposed different edits,
/// the guarded fix \p Guarded if every other edit is its notification
/// applied to the whole value (one line each, see oneLine).
static bool takeGuardedFix(MergedFinding &F, const std::string &Guarded) {
  if (F.Error.Message.Fix.size() || F.ConflictingFixes.empty() ||
      F.ConflictingEdits.size() != F.ConflictingFixes.size())
    return false;
  int Taken = -1;
  for (size_t I = 0; I < F.ConflictingFixes.size(); ++I) {
    const std::string &Text = F.ConflictingFixes[I].second;
    if (Text == Guarded)
      Taken = I;
    else if (Text.empty() ||
             Guarded.find(StringRef(Text).rtrim("; ")) == std::string::npos)
      return false; // not the guarded call applied to the whole value
  }
  if (Taken < 0)
    return false;
  F.Error.Message.Fix = F.ConflictingEdits[Taken];
  F.FixWithheld.clear();
  F.ConflictingFixes.clear();
  F.ConflictingEdits.clear();
  return true;
}

void withholdDisputedFixes(MergedFindings &Merged,
                           const std::vector<SiteFact> &Facts) {
  std::set<FindingKey> NotifySafe;
  std::map<FindingKey, std::string> NotifyUnsafe, WrapUnsafe, NeedsGuard;
  std::set<FindingKey> MustSpareMinusOne;
  // Guarded texts (one line) by site, and whether each guard is `< 0` only.
  std::map<FindingKey, std::map<std::string, bool>> Guarded;
  for (const SiteFact &Fact : Facts) {
    FindingKey Key(Fact.Check, Fact.File, Fact.Offset);
    if (Fact.Kind == SiteFact::NotifyAtSource) {
      if (Fact.Safe)
        NotifySafe.insert(Key);
      else
        NotifyUnsafe.try_emplace(Key, Fact.Why);
    } else if (Fact.Kind == SiteFact::GuardReturn) {
      NeedsGuard.try_emplace(Key, Fact.Why);
      if (!Fact.Safe)
        MustSpareMinusOne.insert(Key);
    } else if (Fact.Kind == SiteFact::GuardedFix) {
      Guarded[Key][oneLine(Fact.Why)] = Fact.Safe;
    } else if (!Fact.Safe) {
      WrapUnsafe.try_emplace(Key, Fact.Why);
    }
  }
  for (const auto &[Key, Why] : NotifyUnsafe)
    if (NotifySafe.count(Key))
      withholdFixesAt(
          Merged, std::get<0>(Key), std::get<1>(Key), std::get<2>(Key),
          "no fix: configurations disagree on notifying where this drop is "
          "made: in some every caller returns the value to the kernel, in "
          "others " +
              Why);
  for (const auto &[Key, Why] : WrapUnsafe)
    withholdFixesAt(Merged, std::get<0>(Key), std::get<1>(Key),
                    std::get<2>(Key),
                    "no fix: in some configurations " + Why +
                        " (the same text is compiled differently there), "
                        "and notifying would drop it");

  // A `return` that needs a guard in some configuration keeps only a
  // guarded fix whose guard spares what every configuration needs.
  for (MergedFinding &F : Merged.Findings) {
    FindingKey Key = keyOf(F.Error);
    auto Texts = Guarded.find(Key);
    if (Texts != Guarded.end() && Texts->second.size() == 1)
      takeGuardedFix(F, Texts->second.begin()->first);
    auto Need = NeedsGuard.find(Key);
    if (Need == NeedsGuard.end() || F.Error.Message.Fix.empty())
      continue;
    std::string Text = firstEditText(F.Error);
    bool Fits = Texts != Guarded.end() && Texts->second.count(Text) &&
                (!MustSpareMinusOne.count(Key) || !Texts->second.at(Text));
    if (!Fits)
      withholdFixesAt(Merged, std::get<0>(Key), std::get<1>(Key),
                      std::get<2>(Key),
                      "no fix: in some configurations " + Need->second +
                          " (the same text is compiled differently there), "
                          "and notifying would drop it");
  }
}

std::vector<ClangTidyError>
diagnosticsOf(const MergedFindings &Merged,
              std::vector<std::vector<NoteReason>> *Reasons) {
  std::vector<ClangTidyError> Errors;
  for (const MergedFinding &F : Merged.Findings) {
    ClangTidyError E = F.Error;
    std::vector<NoteReason> NoteReasons = F.NoteReasons;
    auto Note = [&](std::string Text, NoteReason Reason) {
      tooling::DiagnosticMessage Message = E.Message;
      Message.Message = std::move(Text);
      Message.Fix.clear();
      Message.Ranges.clear();
      E.Notes.push_back(std::move(Message));
      NoteReasons.push_back(Reason);
    };
    if (!F.FixWithheld.empty())
      Note(F.FixWithheld, NoteReason::NoFix);
    bool IsFinding = !llvm::StringRef(E.DiagnosticName).starts_with("clang-");
    if (IsFinding && Merged.Configurations.size() > 1) {
      std::string Text = "found in " + std::to_string(F.Configurations.size()) +
                         " of " + std::to_string(Merged.Configurations.size()) +
                         " configurations: ";
      for (size_t I = 0; I < F.Configurations.size(); ++I)
        Text += (I ? ", " : "") + F.Configurations[I];
      Note(Text, NoteReason::Configurations);
    }
    Errors.push_back(std::move(E));
    if (Reasons)
      Reasons->push_back(std::move(NoteReasons));
  }
  return Errors;
}

} // namespace bpftidy
