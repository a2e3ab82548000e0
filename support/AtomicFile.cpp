//===- AtomicFile.cpp -----------------------------------------------------===//

#include "support/AtomicFile.h"
#include "support/RemoveOnSignal.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <vector>

using namespace llvm;

namespace bpftidy {

namespace {

std::error_code lastError() {
  return std::error_code(errno, std::generic_category());
}

/// "<what went wrong> (<while doing what>)": the system's words first, so
/// that callers may put their own subject in front.
Error failure(std::error_code EC, const Twine &Doing) {
  return createStringError(EC, EC.message() + " (" + Doing + ")");
}

/// Writes all of \p Content at \p Offset, retrying short writes.
std::error_code writeAllAt(int FD, StringRef Content, off_t Offset) {
  while (!Content.empty()) {
    ssize_t Written = ::pwrite(FD, Content.data(), Content.size(), Offset);
    if (Written < 0) {
      if (errno == EINTR)
        continue;
      return lastError();
    }
    Content = Content.drop_front(Written);
    Offset += Written;
  }
  return {};
}

/// Copies every extended attribute of \p From to \p To (POSIX ACLs are
/// system.posix_acl_* attributes).
Error copyExtendedAttributes(int From, int To) {
  ssize_t Size = ::flistxattr(From, nullptr, 0);
  if (Size < 0)
    return errno == ENOTSUP ? Error::success()
                            : failure(lastError(), "listing its extended "
                                                   "attributes");
  std::vector<char> Names(Size);
  Size = ::flistxattr(From, Names.data(), Names.size());
  if (Size < 0)
    return failure(lastError(), "listing its extended attributes");
  for (const char *Name = Names.data(); Name < Names.data() + Size;
       Name += std::strlen(Name) + 1) {
    ssize_t Length = ::fgetxattr(From, Name, nullptr, 0);
    std::vector<char> Value(std::max<ssize_t>(Length, 0));
    if (Length < 0 ||
        (Length = ::fgetxattr(From, Name, Value.data(), Value.size())) < 0)
      return failure(lastError(),
                     "reading its extended attribute '" + Twine(Name) + "'");
    if (::fsetxattr(To, Name, Value.data(), Length, 0) != 0)
      return failure(lastError(),
                     "keeping its extended attribute '" + Twine(Name) + "'");
  }
  return Error::success();
}

Error replacedMeanwhile() {
  return createStringError(errc::device_or_resource_busy,
                           "another file is at its path now (it was "
                           "replaced while bpf-tidy wrote it)");
}

/// Blocks SIGINT, SIGTERM and SIGHUP while alive: an in-place write must
/// not be cut short.
class SignalsHeld {
public:
  SignalsHeld() {
    sigset_t Held;
    ::sigemptyset(&Held);
    for (int Signal : {SIGINT, SIGTERM, SIGHUP})
      ::sigaddset(&Held, Signal);
    ::pthread_sigmask(SIG_BLOCK, &Held, &Saved);
  }
  ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &Saved, nullptr); }

private:
  sigset_t Saved;
};

} // namespace

Expected<AtomicFile>
AtomicFile::begin(StringRef Path, std::optional<sys::fs::UniqueID> MustBe) {
  AtomicFile File;
  // Edit the file a symlink points to; replacing the link itself would cut
  // it from its target.
  SmallString<256> Target;
  if (std::error_code EC = sys::fs::real_path(Path, Target)) {
    if (EC != errc::no_such_file_or_directory || sys::fs::is_symlink_file(Path))
      return failure(EC, "resolving the path");
    Target = Path;
    sys::fs::make_absolute(Target);
  }
  File.Target = std::string(Target);
  File.Existed = !sys::fs::status(Target, File.Original);
  if (File.Existed && File.Original.type() != sys::fs::file_type::regular_file)
    return createStringError(errc::invalid_argument, "not a regular file");
  if (MustBe && (!File.Existed || File.Original.getUniqueID() != *MustBe))
    return createStringError(errc::device_or_resource_busy,
                             "another file is at its path now (it was "
                             "replaced since it was read)");

  // Same directory as the target, so rename() replaces it atomically.
  SmallString<256> Model = sys::path::parent_path(Target);
  sys::path::append(Model, sys::path::filename(Target) + ".bpf-tidy-%%%%%%");
  // Private until complete; a new file gets the usual mode (umask applies).
  unsigned Mode = File.Existed ? sys::fs::owner_read | sys::fs::owner_write
                               : sys::fs::all_read | sys::fs::all_write;
  SmallString<256> Temp;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, File.FD, Temp,
                                                     sys::fs::OF_None, Mode))
    return failure(EC, "creating a temporary file");
  File.Temp = std::string(Temp);
  removeOnSignal(File.Temp);
  return std::move(File);
}

AtomicFile::AtomicFile(AtomicFile &&Other)
    : Target(std::move(Other.Target)), Temp(std::move(Other.Temp)),
      FD(Other.FD), Existed(Other.Existed), Original(Other.Original) {
  Other.FD = -1;
  Other.Temp.clear();
}

AtomicFile::~AtomicFile() { abandon(); }

void AtomicFile::abandon() {
  if (FD >= 0)
    sys::Process::SafelyCloseFileDescriptor(FD);
  FD = -1;
  if (!Temp.empty()) {
    sys::fs::remove(Temp);
    keepOnSignal(Temp);
    Temp.clear();
  }
}

Error AtomicFile::write(StringRef Content) {
  if (std::error_code EC = writeAllAt(FD, Content, 0))
    return failure(EC, "writing the temporary file");
  if (::ftruncate(FD, Content.size()) != 0)
    return failure(lastError(), "writing the temporary file");
  return Error::success();
}

Error AtomicFile::checkStillSame() const {
  sys::fs::file_status Now;
  std::error_code EC = sys::fs::status(Target, Now, /*Follow=*/false);
  if (!Existed)
    return EC == errc::no_such_file_or_directory
               ? Error::success()
               : createStringError(errc::file_exists,
                                   "a file appeared at its path while "
                                   "bpf-tidy wrote it");
  if (EC)
    return failure(EC, "looking at the file before replacing it");
  if (Now.type() != sys::fs::file_type::regular_file ||
      Now.getUniqueID() != Original.getUniqueID())
    return replacedMeanwhile();
  return Error::success();
}

Error AtomicFile::commit() {
  Error E = replace();
  if (E)
    abandon();
  return E;
}

Error AtomicFile::replace() {
  if (Existed) {
    // The original's metadata, read from the original itself (opened
    // without following a link that may have replaced it).
    int Source = ::open(Target.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (Source < 0)
      return failure(lastError(), "opening the file to keep its attributes");
    auto CloseSource = make_scope_exit(
        [&] { sys::Process::SafelyCloseFileDescriptor(Source); });
    sys::fs::file_status Now;
    if (std::error_code EC = sys::fs::status(Source, Now))
      return failure(EC, "looking at the file");
    if (Now.getUniqueID() != Original.getUniqueID())
      return replacedMeanwhile();
    sys::fs::file_status Mine;
    if (std::error_code EC = sys::fs::status(FD, Mine))
      return failure(EC, "looking at the temporary file");
    if (Mine.getUser() != Now.getUser() || Mine.getGroup() != Now.getGroup())
      if (std::error_code EC =
              sys::fs::changeFileOwnership(FD, Now.getUser(), Now.getGroup()))
        return failure(EC, "keeping the file's owner");
    if (std::error_code EC = sys::fs::setPermissions(FD, Now.permissions()))
      return failure(EC, "keeping the file's mode");
    if (Error E = copyExtendedAttributes(Source, FD))
      return E;
  }
  if (::fsync(FD) != 0)
    return failure(lastError(), "flushing the temporary file");
  std::error_code CloseEC = sys::Process::SafelyCloseFileDescriptor(FD);
  FD = -1;
  if (CloseEC)
    return failure(CloseEC, "closing the temporary file");
  // The last moment before the rename: the file there must still be the
  // one whose text was checked and whose attributes were copied.
  if (Error E = checkStillSame())
    return E;
  if (std::error_code EC = sys::fs::rename(Temp, Target))
    return failure(EC, "replacing the file");
  keepOnSignal(Temp);
  Temp.clear();
  return Error::success();
}

Error AtomicFile::commitInPlace(StringRef Content, StringRef OldContent) {
  Error E = replaceInPlace(Content, OldContent);
  if (E)
    abandon();
  return E;
}

Error AtomicFile::replaceInPlace(StringRef Content, StringRef OldContent) {
  if (::fsync(FD) != 0)
    return failure(lastError(), "flushing the temporary file");
  int Out = ::open(Target.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
  if (Out < 0)
    return failure(lastError(), "opening the file to edit it in place");
  auto CloseOut =
      make_scope_exit([&] { sys::Process::SafelyCloseFileDescriptor(Out); });
  sys::fs::file_status Now;
  if (std::error_code EC = sys::fs::status(Out, Now))
    return failure(EC, "looking at the file");
  if (Now.type() != sys::fs::file_type::regular_file ||
      Now.getUniqueID() != Original.getUniqueID())
    return replacedMeanwhile();
  // Reserve the blocks first: running out of space must happen before a
  // byte of the file changes. (A file system without fallocate, or a
  // copy-on-write one, cannot promise this; the temporary file written
  // before showed there was room for the whole text.)
  off_t Room = std::max(Content.size(), OldContent.size());
  if (::fallocate(Out, FALLOC_FL_KEEP_SIZE, 0, Room) != 0 &&
      errno != EOPNOTSUPP)
    return failure(lastError(), "reserving space in the file");
  {
    SignalsHeld Held;
    std::error_code EC = writeAllAt(Out, Content, 0);
    if (!EC && ::ftruncate(Out, Content.size()) != 0)
      EC = lastError();
    if (!EC && ::fsync(Out) != 0)
      EC = lastError();
    if (EC) {
      // Put the old text back rather than leave a mixture.
      writeAllAt(Out, OldContent, 0);
      ::ftruncate(Out, OldContent.size());
      ::fsync(Out);
      return failure(EC, "writing the file in place");
    }
  }
  abandon();
  return Error::success();
}

Error writeFileAtomically(StringRef Path, StringRef Content,
                          std::optional<sys::fs::UniqueID> MustBe) {
  Expected<AtomicFile> File = AtomicFile::begin(Path, MustBe);
  Error E = File ? File->write(Content) : File.takeError();
  if (!E)
    E = File->commit();
  return prefixError("cannot write '" + Path + "': ", std::move(E));
}

Error prefixError(const Twine &Subject, Error E) {
  if (!E)
    return E;
  std::error_code EC = errc::io_error;
  std::string Why;
  handleAllErrors(std::move(E), [&](const ErrorInfoBase &Info) {
    EC = Info.convertToErrorCode();
    Why = Info.message();
  });
  return createStringError(EC, Subject + Why);
}

} // namespace bpftidy
