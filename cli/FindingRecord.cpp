//===- FindingRecord.cpp --------------------------------------------------===//

#include "cli/FindingRecord.h"
#include "cli/RecordingFileSystem.h"
#include "cli/StatementContext.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <memory>

using namespace clang;

namespace bpftidy {

namespace {
/// Each file's text, read once, and where its lines start.
class SourceTexts {
public:
  struct Text {
    std::string Contents;
    std::vector<unsigned> LineStarts;
    /// Lexed on first use.
    mutable std::unique_ptr<SourceStatements> Statements;
    const SourceStatements &statements() const {
      if (!Statements)
        Statements = std::make_unique<SourceStatements>(Contents);
      return *Statements;
    }
  };

  const Text *get(llvm::StringRef Path) {
    auto [It, Inserted] = Texts.try_emplace(Path);
    if (Inserted) {
      auto Buffer = llvm::MemoryBuffer::getFile(Path);
      if (!Buffer) {
        Texts.erase(It);
        return nullptr;
      }
      Text &T = It->second;
      T.Contents = (*Buffer)->getBuffer().str();
      T.LineStarts.push_back(0);
      for (unsigned I = 0; I < T.Contents.size(); ++I)
        if (T.Contents[I] == '\n')
          T.LineStarts.push_back(I + 1);
    }
    return &It->second;
  }

  SourcePosition position(llvm::StringRef Path, unsigned Offset) {
    SourcePosition Position;
    Position.File = Path.str();
    Position.Offset = Offset;
    if (const Text *T = get(Path)) {
      auto Next =
          std::upper_bound(T->LineStarts.begin(), T->LineStarts.end(), Offset);
      Position.Line = Next - T->LineStarts.begin();
      Position.Column = Offset - *(Next - 1) + 1;
    }
    return Position;
  }

private:
  llvm::StringMap<Text> Texts;
};
} // namespace

bool FindingRecord::isToolError() const {
  return Level == "error" && !WarningAsError &&
         llvm::StringRef(Check).starts_with("clang-");
}

std::vector<FindingRecord> recordFindings(const MergedFindings &Merged,
                                          bool WithContext) {
  SourceTexts Texts;
  std::vector<std::vector<NoteReason>> Reasons;
  std::vector<tidy::ClangTidyError> Diagnostics =
      diagnosticsOf(Merged, &Reasons);
  std::vector<FindingRecord> Records;
  for (size_t I = 0; I < Merged.Findings.size(); ++I) {
    const MergedFinding &F = Merged.Findings[I];
    const tidy::ClangTidyError &E = Diagnostics[I];
    FindingRecord R;
    R.Check = E.DiagnosticName;
    R.Level = E.DiagLevel == tooling::Diagnostic::Error || E.IsWarningAsError
                  ? "error"
                  : "warning";
    R.WarningAsError = E.IsWarningAsError;
    R.Message = E.Message.Message;
    std::string File =
        E.Message.FilePath.empty() ? "" : canonicalPath(E.Message.FilePath);
    R.Where = Texts.position(File, E.Message.FileOffset);
    if (const SourceTexts::Text *T =
            !WithContext || File.empty() ? nullptr : Texts.get(File))
      R.Context = T->statements().contextAt(E.Message.FileOffset);
    for (size_t J = 0; J < E.Notes.size(); ++J) {
      const tooling::DiagnosticMessage &Note = E.Notes[J];
      NoteRecord N;
      N.Message = Note.Message;
      N.Reason = Reasons[I][J];
      if (!Note.FilePath.empty())
        N.Where = Texts.position(canonicalPath(Note.FilePath), Note.FileOffset);
      R.Notes.push_back(std::move(N));
    }
    std::map<std::string, const tooling::Replacements *> Sorted;
    for (const auto &Entry : F.Error.Message.Fix)
      Sorted[canonicalPath(Entry.first())] = &Entry.second;
    for (const auto &[Path, Replacements] : Sorted)
      for (const tooling::Replacement &Edit : *Replacements)
        R.Fix.push_back(
            {Texts.position(Path, Edit.getOffset()),
             Texts.position(Path, Edit.getOffset() + Edit.getLength()),
             Edit.getReplacementText().str()});
    R.Configurations = F.Configurations;
    R.FixWithheld = F.FixWithheld;
    Records.push_back(std::move(R));
  }
  return Records;
}

void keepFindings(MergedFindings &Merged, std::vector<FindingRecord> &Records,
                  const std::function<bool(const FindingRecord &)> &Keep) {
  size_t Kept = 0;
  for (size_t I = 0; I < Records.size(); ++I) {
    if (!Keep(Records[I]))
      continue;
    if (Kept != I) {
      Merged.Findings[Kept] = std::move(Merged.Findings[I]);
      Records[Kept] = std::move(Records[I]);
    }
    ++Kept;
  }
  Merged.Findings.erase(Merged.Findings.begin() + Kept, Merged.Findings.end());
  Records.erase(Records.begin() + Kept, Records.end());
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Prefix(Directory);
  llvm::sys::path::remove_dots(Prefix, /*remove_dot_dot=*/true);
  if (!Prefix.empty() && !llvm::sys::path::is_separator(Prefix.back()))
    Prefix += llvm::sys::path::get_separator();
  if (!Prefix.empty() && Path.starts_with(Prefix))
    return Path.drop_front(Prefix.size()).str();
  return Path.str();
}

std::string currentDirectory() {
  llvm::SmallString<256> Directory;
  if (llvm::sys::fs::current_path(Directory))
    return "";
  return canonicalPath(Directory);
}

} // namespace bpftidy
