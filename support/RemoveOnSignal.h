//===- RemoveOnSignal.h - paths removed on SIGINT/SIGTERM -------*- C++ -*-===//
//
// A run stopped by SIGINT, SIGTERM or SIGHUP must not leave its temporary
// files (a half-written copy of a source) or directories (a migration's
// snapshot of the tree) behind. Paths registered here are removed by the
// signal handler, with system calls only (it may interrupt anything); then
// the signal goes on to whatever handled it before, and finally kills the
// process, so the exit status still names the signal.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_SUPPORT_REMOVEONSIGNAL_H
#define BPF_TIDY_SUPPORT_REMOVEONSIGNAL_H

#include "llvm/ADT/StringRef.h"

namespace bpftidy {

/// Installs the handlers. Call it first in main, before llvm::InitLLVM:
/// LLVM's handlers then pass interrupts on to these, and these see whether
/// the process was started with a signal ignored (nohup), which then stays
/// ignored and removes nothing. Otherwise the first removeOnSignal()
/// installs them.
void installRemoveOnSignal();

/// Removes \p Path (a file, or a directory with everything in it) if the
/// process is stopped by SIGINT, SIGTERM or SIGHUP before
/// keepOnSignal(\p Path). Returns false if the registry is full.
bool removeOnSignal(llvm::StringRef Path);

/// Forgets \p Path: it was renamed into place, or removed already.
void keepOnSignal(llvm::StringRef Path);

/// Registers a path for its lifetime.
class ScopedRemoveOnSignal {
public:
  explicit ScopedRemoveOnSignal(llvm::StringRef Path) : Path(Path.str()) {
    removeOnSignal(this->Path);
  }
  ~ScopedRemoveOnSignal() { keepOnSignal(Path); }
  ScopedRemoveOnSignal(const ScopedRemoveOnSignal &) = delete;
  ScopedRemoveOnSignal &operator=(const ScopedRemoveOnSignal &) = delete;

private:
  std::string Path;
};

} // namespace bpftidy

#endif // BPF_TIDY_SUPPORT_REMOVEONSIGNAL_H
