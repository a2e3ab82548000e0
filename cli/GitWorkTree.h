//===- GitWorkTree.h - what git knows about a tree --------------*- C++ -*-===//
//
// Diff mode reads changed lines from git, and migrate refuses to edit a
// tree with uncommitted changes. Both run the git command (as users'
// hooks and CI already do) rather than reading .git themselves.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_GITWORKTREE_H
#define BPF_TIDY_CLI_GITWORKTREE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace bpftidy {

/// Runs `git -C Directory Args...` and returns what it printed; an error
/// holds git's own message when it fails or cannot be run.
llvm::Expected<std::string> runGit(llvm::StringRef Directory,
                                   llvm::ArrayRef<std::string> Args);

/// The top directory of the git work tree holding \p Directory; none when
/// it is in no work tree (or git is not installed).
std::optional<std::string> workTreeTop(llvm::StringRef Directory);

/// Files below \p Directory (absolute paths) with changes not committed:
/// staged, unstaged, or untracked and not ignored.
llvm::Expected<std::vector<std::string>>
uncommittedFiles(llvm::StringRef Directory);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_GITWORKTREE_H
