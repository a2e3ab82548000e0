//===- RecordingFileSystem.h - remember what the parser read -----*- C++
//-*-===//
//
// Fixes may only be written to a file that still holds the text that was
// analysed. This file system passes reads through and records a hash of
// every file's contents as the parser reads it, at no extra I/O.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_RECORDINGFILESYSTEM_H
#define BPF_TIDY_CLI_RECORDINGFILESYSTEM_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem/UniqueID.h"
#include "llvm/Support/Mutex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>

namespace bpftidy {

/// Content hashes (rewriters::contentHash) by real path, shared by every
/// RecordingFileSystem that records into it.
class ReadLog {
public:
  void record(llvm::StringRef Path, uint64_t Hash);
  /// The hash first recorded for \p Path (absolute, symlinks resolved).
  std::optional<uint64_t> hashOf(llvm::StringRef Path) const;
  /// Which file (device and inode) was read at \p Path, first.
  void recordIdentity(llvm::StringRef Path, llvm::sys::fs::UniqueID ID);
  std::optional<llvm::sys::fs::UniqueID> identityOf(llvm::StringRef Path) const;

private:
  mutable llvm::sys::Mutex Lock;
  llvm::StringMap<uint64_t> Hashes;
  llvm::StringMap<llvm::sys::fs::UniqueID> Identities;
};

class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                      std::shared_ptr<ReadLog> Log)
      : ProxyFileSystem(std::move(Base)), Log(std::move(Log)) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override;

private:
  std::shared_ptr<ReadLog> Log;
};

/// The absolute path of \p Path with symlinks resolved, as the read log and
/// the edit set key files.
std::string canonicalPath(llvm::StringRef Path);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_RECORDINGFILESYSTEM_H
