//===- TreeLock.cpp -------------------------------------------------------===//

#include "cli/TreeLock.h"
#include "llvm/Support/Path.h"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace bpftidy {

llvm::Expected<TreeLock> TreeLock::acquire(llvm::StringRef Directory) {
  std::string Path = Directory.str();
  int FD = ::open(Path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (FD < 0)
    return llvm::createStringError(
        std::error_code(errno, std::generic_category()),
        "cannot lock the tree '%s': %s", Path.c_str(), strerror(errno));
  if (::flock(FD, LOCK_EX | LOCK_NB) != 0) {
    int Error = errno;
    ::close(FD);
    if (Error == EWOULDBLOCK)
      return llvm::createStringError(
          std::error_code(Error, std::generic_category()),
          "another bpf-tidy --fix run holds the tree '%s' (a lock on that "
          "directory); nothing was edited: run again when it has finished",
          Path.c_str());
    return llvm::createStringError(
        std::error_code(Error, std::generic_category()),
        "cannot lock the tree '%s': %s", Path.c_str(), strerror(Error));
  }
  return TreeLock(FD);
}

TreeLock::~TreeLock() {
  if (FD >= 0)
    ::close(FD);
}

/// Whether \p Directory holds \p Path (or is it).
static bool holds(llvm::StringRef Directory, llvm::StringRef Path) {
  return Path == Directory ||
         (Path.starts_with(Directory) &&
          (Directory.ends_with("/") ||
           llvm::sys::path::is_separator(Path[Directory.size()])));
}

std::string commonDirectory(const std::vector<AnalysisUnit> &Units) {
  std::string Common;
  for (const AnalysisUnit &Unit : Units) {
    llvm::StringRef Directory = llvm::sys::path::parent_path(Unit.File);
    if (Common.empty()) {
      Common = Directory.str();
      continue;
    }
    while (!holds(Common, Directory)) {
      llvm::StringRef Parent = llvm::sys::path::parent_path(Common);
      if (Parent.empty())
        return "/";
      Common = Parent.str();
    }
  }
  return Common;
}

} // namespace bpftidy
