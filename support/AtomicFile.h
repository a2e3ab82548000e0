//===- AtomicFile.h - replace a file whole or not at all --------*- C++ -*-===//
//
// Every file bpf-tidy writes (fixed sources, reports, baselines, exported
// fixes) is replaced the same way: the new text goes to a temporary file
// beside the file (in the directory of the symlink-resolved path, so that
// rename() is atomic), which takes the file's owner, mode and extended
// attributes (POSIX ACLs are extended attributes), is flushed to disk, and
// is renamed over the file only if the file there is still the one that
// was there when the replacement began. A failure at any step leaves the
// file as it was and removes the temporary file, as does SIGINT, SIGTERM
// or SIGHUP (RemoveOnSignal).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_SUPPORT_ATOMICFILE_H
#define BPF_TIDY_SUPPORT_ATOMICFILE_H

#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include <optional>
#include <string>

namespace bpftidy {

class AtomicFile {
public:
  /// Begins replacing \p Path (created if missing; a symlink is followed).
  /// With \p MustBe, the file there must be that one (the file that was
  /// read and checked), or the replacement is refused.
  static llvm::Expected<AtomicFile>
  begin(llvm::StringRef Path,
        std::optional<llvm::sys::fs::UniqueID> MustBe = std::nullopt);

  AtomicFile(AtomicFile &&Other);
  AtomicFile &operator=(AtomicFile &&) = delete;
  ~AtomicFile();

  /// The file that will be replaced: \p Path with symlinks resolved.
  const std::string &target() const { return Target; }
  /// The temporary file's descriptor, for writers that need one.
  int fd() const { return FD; }

  /// Makes the temporary file hold exactly \p Content, written from its
  /// start. Writing again with a text no longer than the first reuses the
  /// space the first took, so it cannot run out of it (on a file system
  /// that writes in place).
  llvm::Error write(llvm::StringRef Content);

  /// Gives the temporary file the original's owner, mode and extended
  /// attributes, flushes it to disk and renames it over the target, if the
  /// target is still the file it was at begin(). On any failure the file
  /// is left as it was and the temporary file is removed.
  llvm::Error commit();

  /// For a file whose other hard links must see the new text: writes
  /// \p Content (what write() was given) into the target itself, which
  /// keeps its inode. \p OldContent is the text it holds, written back if
  /// the write fails midway. The temporary file, already complete, is what
  /// proved there is room; space is reserved in the target before it is
  /// touched and SIGINT/SIGTERM/SIGHUP wait until the write is complete.
  /// Only SIGKILL or a crash can interrupt it; then the temporary file,
  /// holding the whole new text, is left beside the target.
  llvm::Error commitInPlace(llvm::StringRef Content,
                            llvm::StringRef OldContent);

  /// Removes the temporary file; the target is left alone.
  void abandon();

private:
  AtomicFile() = default;
  llvm::Error replace();
  llvm::Error replaceInPlace(llvm::StringRef Content,
                             llvm::StringRef OldContent);
  /// Whether the target is still the file begin() found.
  llvm::Error checkStillSame() const;

  std::string Target, Temp;
  int FD = -1;
  bool Existed = false;
  llvm::sys::fs::file_status Original;
};

/// Replaces \p Path with \p Content (AtomicFile). \p MustBe as for begin().
llvm::Error writeFileAtomically(
    llvm::StringRef Path, llvm::StringRef Content,
    std::optional<llvm::sys::fs::UniqueID> MustBe = std::nullopt);

/// \p E with \p Subject put in front of its message, its error code kept
/// (success stays success).
llvm::Error prefixError(const llvm::Twine &Subject, llvm::Error E);

} // namespace bpftidy

#endif // BPF_TIDY_SUPPORT_ATOMICFILE_H
