//===- RemoveOnSignal.cpp -------------------------------------------------===//

#include "support/RemoveOnSignal.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/syscall.h>
#include <unistd.h>

namespace bpftidy {

namespace {

// A fixed table the handler can walk without locks or allocation: a run
// holds a few temporary paths at a time (one per output, one per file
// being replaced, a scratch directory).
constexpr int Slots = 64;
std::atomic<char *> Registered[Slots];

constexpr int Signals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction Previous[NSIG];

// The layout getdents64(2) fills in.
struct LinuxDirent64 {
  uint64_t Inode;
  int64_t Offset;
  unsigned short Length;
  unsigned char Type;
  char Name[];
};

bool isDotOrDotDot(const char *Name) {
  return Name[0] == '.' &&
         (Name[1] == '\0' || (Name[1] == '.' && Name[2] == '\0'));
}

// Async-signal-safe recursive removal: unlinkat, openat and getdents64 on
// a stack buffer. Deep trees stop at a bound rather than risk the stack.
void removeTree(int DirFD, const char *Name, int Depth) {
  if (::unlinkat(DirFD, Name, 0) == 0 || errno == ENOENT)
    return;
  if ((errno != EISDIR && errno != EPERM) || Depth > 32)
    return;
  int FD =
      ::openat(DirFD, Name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (FD < 0)
    return;
  // Removing entries while reading the directory may hide some from this
  // pass; read it again until rmdir succeeds (or makes no progress).
  for (int Pass = 0; Pass < 4; ++Pass) {
    alignas(8) char Buffer[1024];
    long Read;
    ::lseek(FD, 0, SEEK_SET);
    while ((Read = ::syscall(SYS_getdents64, FD, Buffer, sizeof Buffer)) > 0)
      for (long At = 0; At < Read;) {
        auto *Entry = reinterpret_cast<LinuxDirent64 *>(Buffer + At);
        At += Entry->Length;
        if (!isDotOrDotDot(Entry->Name))
          removeTree(FD, Entry->Name, Depth + 1);
      }
    if (::unlinkat(DirFD, Name, AT_REMOVEDIR) == 0 || errno != ENOTEMPTY)
      break;
  }
  ::close(FD);
}

void onSignal(int Signal) {
  int SavedErrno = errno;
  for (std::atomic<char *> &Slot : Registered)
    if (char *Path = Slot.exchange(nullptr))
      removeTree(AT_FDCWD, Path, 0);
  // Hand the signal on: the previous handler (LLVM's, which removes its
  // own files) or the default action, which ends the process. It is
  // blocked while this handler runs, so it arrives when this returns.
  ::sigaction(Signal, &Previous[Signal], nullptr);
  ::raise(Signal);
  errno = SavedErrno;
}

} // namespace

void installRemoveOnSignal() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    for (int Signal : Signals) {
      struct sigaction Action = {};
      Action.sa_handler = onSignal;
      ::sigemptyset(&Action.sa_mask);
      ::sigaction(Signal, nullptr, &Previous[Signal]);
      // A signal the process was told to ignore (nohup) stays ignored.
      if (Previous[Signal].sa_handler == SIG_IGN &&
          !(Previous[Signal].sa_flags & SA_SIGINFO))
        continue;
      ::sigaction(Signal, &Action, nullptr);
    }
  });
}

bool removeOnSignal(llvm::StringRef Path) {
  installRemoveOnSignal();
  // Absolute: the handler may run after a change of directory.
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  char *Copy = ::strdup(Absolute.c_str());
  for (std::atomic<char *> &Slot : Registered) {
    char *Empty = nullptr;
    if (Slot.compare_exchange_strong(Empty, Copy))
      return true;
  }
  std::free(Copy);
  return false;
}

void keepOnSignal(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  for (std::atomic<char *> &Slot : Registered) {
    char *Held = Slot.load();
    if (Held && Absolute == Held &&
        Slot.compare_exchange_strong(Held, nullptr)) {
      std::free(Held);
      return;
    }
  }
}

} // namespace bpftidy
