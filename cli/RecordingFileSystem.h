//===- RecordingFileSystem.h - read each file once, remember it -*- C++ -*-===//
//
// Fixes may only be written to a file that still holds the text that was
// analysed. This file system reads each file once, whole, into memory the
// first time any unit stats or opens it, and every unit then parses that
// snapshot; the hash of the snapshot is what the write-time check compares.
//
// Parsing the files themselves went wrong when they changed meanwhile: a
// mapped source appended to lost its terminating zero (the lexer ran off
// its end), and a file replaced by rename (an editor, another --fix run)
// could take the inode of a file already read, which clang then took for
// that file ("#include nested too deeply"). A snapshot's size and identity
// never change: its identity is its path's, not the inode's.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_RECORDINGFILESYSTEM_H
#define BPF_TIDY_CLI_RECORDINGFILESYSTEM_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem/UniqueID.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Mutex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>

namespace bpftidy {

/// The snapshots of every file read, and their content hashes
/// (rewriters::contentHash), by real path; shared by every
/// RecordingFileSystem that reads through it.
class ReadLog {
public:
  /// A file as it was first read.
  struct Snapshot {
    std::unique_ptr<llvm::MemoryBuffer> Content;
    llvm::vfs::Status Status;
    uint64_t Hash;
    /// The file (device and inode) the content was read from: the status
    /// above carries an identity of its own, which is never reused.
    llvm::sys::fs::UniqueID FileID;
  };

  /// The snapshot of \p RealPath, read through \p FS (whose status of it
  /// is \p Status) if there is none yet.
  llvm::ErrorOr<const Snapshot *> snapshot(llvm::vfs::FileSystem &FS,
                                           llvm::StringRef RealPath,
                                           const llvm::vfs::Status &Status);

  /// The hash of what was read of \p Path (absolute, symlinks resolved).
  std::optional<uint64_t> hashOf(llvm::StringRef Path) const;
  /// Which file (device and inode) was read at \p Path.
  std::optional<llvm::sys::fs::UniqueID> identityOf(llvm::StringRef Path) const;

private:
  mutable llvm::sys::Mutex Lock;
  llvm::StringMap<std::unique_ptr<Snapshot>> Snapshots;
};

class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                      std::shared_ptr<ReadLog> Log)
      : ProxyFileSystem(std::move(Base)), Log(std::move(Log)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override;
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override;

private:
  /// The snapshot of the regular file \p Path (null for anything else).
  llvm::ErrorOr<const ReadLog::Snapshot *>
  snapshotOf(const llvm::Twine &Path, const llvm::vfs::Status &Status);

  std::shared_ptr<ReadLog> Log;
};

/// The absolute path of \p Path with symlinks resolved, as the read log and
/// the edit set key files.
std::string canonicalPath(llvm::StringRef Path);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_RECORDINGFILESYSTEM_H
