//===- PrivateBpffs.h - a bpffs of the run's own, for pinning ---*- C++ -*-===//
//
// Maps may ask libbpf to pin them by name under /sys/fs/bpf, which is not a
// bpffs everywhere and belongs to the machine. With --pin-maps the run
// mounts a fresh bpffs in a temporary directory instead, gives each loaded
// object a directory of its own there (no map state shared between loads),
// and unmounts it when done.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_PRIVATEBPFFS_H
#define BPF_TIDY_VERIFY_PRIVATEBPFFS_H

#include "llvm/Support/Error.h"
#include <memory>
#include <string>

namespace bpftidy::verify {

class PrivateBpffs {
public:
  /// Mounts a bpffs in a new temporary directory.
  static llvm::Expected<std::unique_ptr<PrivateBpffs>> mount();
  ~PrivateBpffs();
  PrivateBpffs(const PrivateBpffs &) = delete;
  PrivateBpffs &operator=(const PrivateBpffs &) = delete;

  const std::string &path() const { return Path; }
  /// A new, empty directory in the bpffs.
  llvm::Expected<std::string> newDirectory();

private:
  explicit PrivateBpffs(std::string Path) : Path(std::move(Path)) {}
  std::string Path;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_PRIVATEBPFFS_H
