//===- FindingRecord.h - a finding as reports describe it -------*- C++ -*-===//
//
// Machine-readable reports, baselines and diff mode need what the terminal
// output shows only as text: line and column of the finding, of each note
// and of each edit, the configurations, and the statement around the site.
// A record resolves all of it against the source text once, before --fix
// changes that text.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_FINDINGRECORD_H
#define BPF_TIDY_CLI_FINDINGRECORD_H

#include "cli/FindingMerger.h"
#include "cli/StatementContext.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy {

/// A place in a file: absolute path, byte offset, 1-based line and column
/// (columns count bytes, as clang's do). Line 0 when the file is unreadable.
struct SourcePosition {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

struct NoteRecord {
  std::string Message;
  /// What the note is for.
  NoteReason Reason = NoteReason::Explanation;
  /// None for notes that are not about a place.
  std::optional<SourcePosition> Where;
};

struct EditRecord {
  SourcePosition Start;
  SourcePosition End;
  std::string Replacement;
};

struct FindingRecord {
  std::string Check;
  /// "warning" or "error".
  std::string Level;
  /// A warning that --warnings-as-errors made an error: a finding still.
  bool WarningAsError = false;
  std::string Message;
  SourcePosition Where;
  StatementContext Context;
  /// Notes as printed: the check's own, then why a fix was withheld and
  /// which configurations found the site.
  std::vector<NoteRecord> Notes;
  std::vector<EditRecord> Fix;
  std::vector<std::string> Configurations;
  /// Why the fix was withheld, if it was.
  std::string FixWithheld;
  /// After --fix: whether every edit of the fix was written.
  std::optional<bool> Fixed;

  /// A compiler error (the file did not parse) or a configuration error,
  /// rather than a finding of a check (a compiler warning made an error by
  /// --warnings-as-errors is a finding).
  bool isToolError() const;
};

/// Records for \p Merged, in the same order. The statement context (for
/// baselines and structured reports) is read only \p WithContext: it lexes
/// every file holding a finding.
std::vector<FindingRecord> recordFindings(const MergedFindings &Merged,
                                          bool WithContext);

/// Keeps the findings (and their records, in step) for which \p Keep holds.
void keepFindings(MergedFindings &Merged, std::vector<FindingRecord> &Records,
                  const std::function<bool(const FindingRecord &)> &Keep);

/// \p Path relative to \p Directory when it lies below it, else unchanged.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Directory);

/// The current directory.
std::string currentDirectory();

} // namespace bpftidy

#endif // BPF_TIDY_CLI_FINDINGRECORD_H
