//===- RecordingFileSystem.cpp --------------------------------------------===//

#include "cli/RecordingFileSystem.h"
#include "rewriters/EditSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace bpftidy {

std::string canonicalPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

void ReadLog::record(llvm::StringRef Path, uint64_t Hash) {
  std::string Key = canonicalPath(Path);
  llvm::sys::ScopedLock Guard(Lock);
  Hashes.try_emplace(Key, Hash);
}

/// What \p Map holds for \p Path (by real path), if anything.
template <typename T>
static std::optional<T> lookup(const llvm::StringMap<T> &Map,
                               llvm::StringRef Path, llvm::sys::Mutex &Lock) {
  std::string Key = canonicalPath(Path);
  llvm::sys::ScopedLock Guard(Lock);
  auto It = Map.find(Key);
  if (It == Map.end())
    return std::nullopt;
  return It->second;
}

std::optional<uint64_t> ReadLog::hashOf(llvm::StringRef Path) const {
  return lookup(Hashes, Path, Lock);
}

void ReadLog::recordIdentity(llvm::StringRef Path, llvm::sys::fs::UniqueID ID) {
  std::string Key = canonicalPath(Path);
  llvm::sys::ScopedLock Guard(Lock);
  Identities.try_emplace(Key, ID);
}

std::optional<llvm::sys::fs::UniqueID>
ReadLog::identityOf(llvm::StringRef Path) const {
  return lookup(Identities, Path, Lock);
}

namespace {
/// Forwards to the real file and records the hash of what was read, and
/// which file it was.
class RecordingFile : public llvm::vfs::File {
public:
  RecordingFile(std::unique_ptr<llvm::vfs::File> Inner, std::string Path,
                std::shared_ptr<ReadLog> Log)
      : Inner(std::move(Inner)), Path(std::move(Path)), Log(std::move(Log)) {}

  llvm::ErrorOr<llvm::vfs::Status> status() override { return Inner->status(); }
  llvm::ErrorOr<std::string> getName() override { return Inner->getName(); }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
  getBuffer(const llvm::Twine &Name, int64_t FileSize,
            bool RequiresNullTerminator, bool IsVolatile) override {
    auto Buffer =
        Inner->getBuffer(Name, FileSize, RequiresNullTerminator, IsVolatile);
    if (Buffer) {
      Log->record(Path, rewriters::contentHash((*Buffer)->getBuffer()));
      // The status of the open file: the file this text came from.
      if (auto Status = Inner->status())
        Log->recordIdentity(Path, Status->getUniqueID());
    }
    return Buffer;
  }
  std::error_code close() override { return Inner->close(); }

private:
  std::unique_ptr<llvm::vfs::File> Inner;
  std::string Path;
  std::shared_ptr<ReadLog> Log;
};
} // namespace

llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
RecordingFileSystem::openFileForRead(const llvm::Twine &Path) {
  auto File = ProxyFileSystem::openFileForRead(Path);
  if (!File)
    return File;
  return std::make_unique<RecordingFile>(std::move(*File), Path.str(), Log);
}

} // namespace bpftidy
