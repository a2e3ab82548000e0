//===- ChangedLines.h - diff mode: which lines a change touches -*- C++ -*-===//
//
// In the spirit of clang-tidy-diff: a hook or a review bot should block on
// findings the change introduces, not on old ones in the same file. The
// changed lines come from `git diff -U0`: the staged changes (what a
// pre-commit hook is about to commit; with nothing staged, the changes not
// staged), or the changes since a given ref.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_CHANGEDLINES_H
#define BPF_TIDY_CLI_CHANGEDLINES_H

#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bpftidy {

class ChangedLines {
public:
  /// The lines changed in the git work tree around \p Directory: staged
  /// changes when \p Ref is empty (the changes not staged when nothing
  /// is), else the changes from \p Ref to the work tree.
  static llvm::Expected<ChangedLines> fromGit(llvm::StringRef Directory,
                                              llvm::StringRef Ref);

  /// Reads a `git diff -U0` patch whose paths are relative to \p Top.
  static ChangedLines fromUnifiedDiff(llvm::StringRef Diff,
                                      llvm::StringRef Top);

  /// Whether \p Line (1-based) of \p File (absolute) was added or changed.
  bool contains(llvm::StringRef File, unsigned Line) const;
  /// Whether \p File (absolute) has changed lines.
  bool touches(llvm::StringRef File) const;
  /// The changed files (absolute, symlinks resolved), sorted.
  std::vector<std::string> files() const;

  /// Whether nothing was staged, so the changes are the ones not staged.
  bool fromUnstagedChanges() const { return Unstaged; }

private:
  bool Unstaged = false;
  /// Per file, the [first, last] line ranges of the new text.
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Ranges;
};

} // namespace bpftidy

#endif // BPF_TIDY_CLI_CHANGEDLINES_H
