//===- FixApplier.cpp -----------------------------------------------------===//

#include "cli/FixApplier.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/WithColor.h"
#include <cstdlib>
#include <map>
#include <set>

using namespace clang;

namespace bpftidy {

FixOutcome applyFixes(const MergedFindings &Merged, const ReadLog &Log,
                      bool Quiet, rewriters::EditSet::HardLinks Links) {
  FixOutcome Outcome;
  rewriters::EditSet Edits;
  std::set<std::string> Files;
  auto EditsOf = [](const MergedFinding &F) {
    std::vector<tooling::Replacement> Result;
    for (const auto &Entry : F.Error.Message.Fix)
      for (const tooling::Replacement &R : Entry.second)
        Result.emplace_back(canonicalPath(R.getFilePath()), R.getOffset(),
                            R.getLength(), R.getReplacementText());
    return Result;
  };

  // Each finding's edits, with paths resolved once, now: a symlink put in
  // a file's place later must not make its edits name another file.
  std::vector<std::vector<tooling::Replacement>> FindingEdits;
  for (const MergedFinding &F : Merged.Findings)
    FindingEdits.push_back(EditsOf(F));

  for (size_t I = 0; I < Merged.Findings.size(); ++I)
    for (const tooling::Replacement &R : FindingEdits[I]) {
      const MergedFinding &F = Merged.Findings[I];
      if (Files.insert(R.getFilePath().str()).second) {
        if (std::optional<uint64_t> Hash = Log.hashOf(R.getFilePath()))
          Edits.expectContent(R.getFilePath(), *Hash);
        if (auto ID = Log.identityOf(R.getFilePath()))
          Edits.expectIdentity(R.getFilePath(), *ID);
      }
      std::string Origin = F.Error.DiagnosticName;
      if (!F.Configurations.empty())
        Origin += " in " + F.Configurations.front();
      Edits.add(R, Origin);
    }

  // Configurations that proposed different edits for one site: the site is
  // left unedited, and that is an edit refused.
  for (const MergedFinding &F : Merged.Findings) {
    if (F.ConflictingFixes.empty())
      continue;
    Outcome.Refused = true;
    auto &OS = llvm::WithColor::error(llvm::errs(), "bpf-tidy");
    OS << F.Error.Message.FilePath << ": configurations propose different "
       << "edits at offset " << F.Error.Message.FileOffset
       << ", none applied:\n";
    for (const auto &[Configuration, Text] : F.ConflictingFixes)
      OS << "  '" << Text << "' (" << Configuration << ")\n";
  }

  for (const rewriters::EditSet::Conflict &C : Edits.conflicts()) {
    Outcome.Refused = true;
    llvm::WithColor::error(llvm::errs(), "bpf-tidy")
        << C.First.getFilePath() << ": conflicting edits at offset "
        << C.First.getOffset() << ", neither applied:\n  '"
        << C.First.getReplacementText() << "' (" << C.FirstOrigin << ")\n  '"
        << C.Second.getReplacementText() << "' (" << C.SecondOrigin << ")\n";
  }

  // A test seam: lets a test change a file between analysis and writing,
  // which the edit set must notice, or signal the run at that moment (not
  // std::system, which ignores SIGINT while the hook runs).
  if (const char *Hook = std::getenv("BPF_TIDY_BEFORE_WRITE_HOOK"))
    if (llvm::sys::ExecuteAndWait("/bin/sh", {"/bin/sh", "-c", Hook}) != 0)
      llvm::WithColor::warning(llvm::errs(), "bpf-tidy")
          << "BPF_TIDY_BEFORE_WRITE_HOOK failed\n";

  std::set<std::string> Written;
  for (const rewriters::EditSet::FileResult &Result : Edits.apply(Links)) {
    if (Result.State == rewriters::EditSet::FileResult::Written) {
      Written.insert(Result.Path);
      if (!Quiet)
        llvm::errs() << "bpf-tidy: applied " << Result.EditsApplied
                     << (Result.EditsApplied == 1 ? " edit" : " edits")
                     << " to " << Result.Path << "\n";
      continue;
    }
    Outcome.Refused = true;
    llvm::WithColor::error(llvm::errs(), "bpf-tidy")
        << Result.Path << ": not edited: " << Result.Message
        << (Result.State == rewriters::EditSet::FileResult::RefusedLinked
                ? "; --hard-links=in-place edits it in place"
                : "")
        << "\n";
  }

  // A finding is fixed when each of its edits survived the merge and
  // landed in a written file.
  std::map<std::string, tooling::Replacements> Applied = Edits.mergedEdits();
  for (const std::vector<tooling::Replacement> &Mine : FindingEdits) {
    Outcome.FindingFixed.push_back(false);
    if (Mine.empty())
      continue;
    bool AllApplied = llvm::all_of(Mine, [&](const tooling::Replacement &R) {
      auto It = Applied.find(R.getFilePath().str());
      return Written.count(R.getFilePath().str()) && It != Applied.end() &&
             llvm::is_contained(It->second, R);
    });
    Outcome.Fixed += AllApplied;
    Outcome.FindingFixed.back() = AllApplied;
  }
  return Outcome;
}

} // namespace bpftidy
