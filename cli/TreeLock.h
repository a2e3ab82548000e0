//===- TreeLock.h - one --fix run per tree at a time ------------*- C++ -*-===//
//
// Two --fix runs on one tree at once would each analyse files the other is
// rewriting, and both could pass the write-time check of one file in the
// same instant. A --fix run therefore holds an advisory lock (flock) on the
// directory holding all its sources, from before the analysis until it
// exits; a second run finds it held and stops at once. The lock is on the
// directory itself: no lock file is left in the tree, and the kernel drops
// it when the process ends, however it ends.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_TREELOCK_H
#define BPF_TIDY_CLI_TREELOCK_H

#include "cli/AnalysisUnit.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace bpftidy {

class TreeLock {
public:
  /// Takes the lock on \p Directory without waiting; fails saying that
  /// another run holds it, or why the directory cannot be locked.
  static llvm::Expected<TreeLock> acquire(llvm::StringRef Directory);

  TreeLock(TreeLock &&Other) : FD(Other.FD) { Other.FD = -1; }
  TreeLock &operator=(TreeLock &&) = delete;
  ~TreeLock();

private:
  explicit TreeLock(int FD) : FD(FD) {}
  int FD;
};

/// The deepest directory holding the source of every unit.
std::string commonDirectory(const std::vector<AnalysisUnit> &Units);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_TREELOCK_H
