//===- TreeSnapshot.h - the "before" copy of a migrated tree ----*- C++ -*-===//
//
// A migration edits the user's tree in place and then proves the edit by
// building and running the tree as it was next to the tree as it is. The
// tree as it was is a plain copy taken first.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_TREESNAPSHOT_H
#define BPF_TIDY_CLI_TREESNAPSHOT_H

#include "llvm/Support/Error.h"

namespace bpftidy {

/// Copies the directory \p From to \p To (created; must not exist or be
/// empty): files with their modes, symbolic links as links, directories.
/// Skips version-control metadata (.git) and \p To itself if it lies
/// inside \p From.
llvm::Error copyTree(llvm::StringRef From, llvm::StringRef To);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_TREESNAPSHOT_H
