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

llvm::ErrorOr<const ReadLog::Snapshot *>
ReadLog::snapshot(llvm::vfs::FileSystem &FS, llvm::StringRef RealPath,
                  const llvm::vfs::Status &Status) {
  {
    llvm::sys::ScopedLock Guard(Lock);
    auto It = Snapshots.find(RealPath);
    if (It != Snapshots.end())
      return It->second.get();
  }
  // Read outside the lock; if another unit read it meanwhile, its snapshot
  // wins and this one is dropped.
  auto File = FS.openFileForRead(RealPath);
  if (!File)
    return File.getError();
  // Volatile: read into memory, never mapped, whatever the size.
  auto Content = (*File)->getBuffer(RealPath, /*FileSize=*/-1,
                                    /*RequiresNullTerminator=*/true,
                                    /*IsVolatile=*/true);
  if (!Content)
    return Content.getError();
  auto New = std::make_unique<Snapshot>();
  New->Hash = rewriters::contentHash((*Content)->getBuffer());
  // The status of the open file: the file this text came from.
  auto Opened = (*File)->status();
  New->FileID = Opened ? Opened->getUniqueID() : Status.getUniqueID();
  // Its own identity, never reused: an inode is, once its file is gone.
  New->Status = llvm::vfs::Status(
      Status.getName(), llvm::vfs::getNextVirtualUniqueID(),
      Status.getLastModificationTime(), Status.getUser(), Status.getGroup(),
      (*Content)->getBufferSize(), Status.getType(), Status.getPermissions());
  New->Content = std::move(*Content);
  llvm::sys::ScopedLock Guard(Lock);
  return Snapshots.try_emplace(RealPath, std::move(New)).first->second.get();
}

/// What \p Log's snapshot of \p Path (by real path) tells, if there is one.
template <typename T>
static std::optional<T>
lookup(const llvm::StringMap<std::unique_ptr<ReadLog::Snapshot>> &Snapshots,
       llvm::StringRef Path, llvm::sys::Mutex &Lock,
       T ReadLog::Snapshot::*Field) {
  std::string Key = canonicalPath(Path);
  llvm::sys::ScopedLock Guard(Lock);
  auto It = Snapshots.find(Key);
  if (It == Snapshots.end())
    return std::nullopt;
  return (*It->second).*Field;
}

std::optional<uint64_t> ReadLog::hashOf(llvm::StringRef Path) const {
  return lookup(Snapshots, Path, Lock, &Snapshot::Hash);
}

std::optional<llvm::sys::fs::UniqueID>
ReadLog::identityOf(llvm::StringRef Path) const {
  return lookup(Snapshots, Path, Lock, &Snapshot::FileID);
}

namespace {
/// A file served from its snapshot, under the name it was opened by.
class SnapshotFile : public llvm::vfs::File {
public:
  SnapshotFile(const ReadLog::Snapshot &Snap, std::string Name)
      : Snap(Snap), Name(std::move(Name)) {}

  llvm::ErrorOr<llvm::vfs::Status> status() override {
    return llvm::vfs::Status::copyWithNewName(Snap.Status, Name);
  }
  llvm::ErrorOr<std::string> getName() override { return Name; }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
  getBuffer(const llvm::Twine &BufferName, int64_t, bool RequiresNullTerminator,
            bool) override {
    return llvm::MemoryBuffer::getMemBuffer(
        Snap.Content->getBuffer(), BufferName.str(), RequiresNullTerminator);
  }
  std::error_code close() override { return {}; }

private:
  const ReadLog::Snapshot &Snap;
  std::string Name;
};
} // namespace

llvm::ErrorOr<const ReadLog::Snapshot *>
RecordingFileSystem::snapshotOf(const llvm::Twine &Path,
                                const llvm::vfs::Status &Status) {
  if (!Status.isRegularFile())
    return nullptr;
  llvm::SmallString<256> Real;
  if (std::error_code EC = getUnderlyingFS().getRealPath(Path, Real))
    return EC;
  return Log->snapshot(getUnderlyingFS(), Real, Status);
}

llvm::ErrorOr<llvm::vfs::Status>
RecordingFileSystem::status(const llvm::Twine &Path) {
  auto Status = ProxyFileSystem::status(Path);
  if (!Status)
    return Status;
  auto Snap = snapshotOf(Path, *Status);
  if (!Snap)
    return Snap.getError();
  if (!*Snap)
    return Status;
  return llvm::vfs::Status::copyWithNewName((*Snap)->Status, Path.str());
}

llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
RecordingFileSystem::openFileForRead(const llvm::Twine &Path) {
  auto Status = ProxyFileSystem::status(Path);
  if (!Status)
    return Status.getError();
  auto Snap = snapshotOf(Path, *Status);
  if (!Snap)
    return Snap.getError();
  if (!*Snap)
    return ProxyFileSystem::openFileForRead(Path);
  return std::make_unique<SnapshotFile>(**Snap, Path.str());
}

} // namespace bpftidy
