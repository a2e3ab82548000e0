//===- TreeSnapshot.cpp ---------------------------------------------------===//

#include "cli/TreeSnapshot.h"
#include "cli/RecordingFileSystem.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <climits>
#include <unistd.h>

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace bpftidy {

static llvm::Error failure(const llvm::Twine &What, std::error_code EC) {
  return llvm::createStringError(EC, What + ": " + EC.message());
}

llvm::Error copyTree(llvm::StringRef From, llvm::StringRef To) {
  std::string Source = canonicalPath(From);
  if (std::error_code EC = fs::create_directories(To))
    return failure("cannot create '" + To + "'", EC);
  std::string Target = canonicalPath(To);

  std::error_code EC;
  for (fs::recursive_directory_iterator It(Source, EC, /*follow=*/false), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Path = It->path();
    if (path::filename(Path) == ".git" || Path == Target) {
      It.no_push();
      continue;
    }
    llvm::SmallString<256> Copy(Target);
    path::append(Copy, llvm::StringRef(Path).drop_front(Source.size()));
    switch (It->type()) {
    case fs::file_type::directory_file:
      if (std::error_code E = fs::create_directories(Copy))
        return failure("cannot create '" + Copy + "'", E);
      break;
    case fs::file_type::symlink_file: {
      char Link[PATH_MAX];
      ssize_t Length = ::readlink(Path.str().c_str(), Link, sizeof(Link));
      if (Length < 0)
        return failure("cannot read the link '" + Path + "'",
                       std::error_code(errno, std::generic_category()));
      if (std::error_code E =
              fs::create_link(llvm::StringRef(Link, Length), Copy))
        return failure("cannot create the link '" + Copy + "'", E);
      break;
    }
    case fs::file_type::regular_file: {
      if (std::error_code E = fs::copy_file(Path, Copy))
        return failure("cannot copy '" + Path + "'", E);
      if (llvm::ErrorOr<fs::perms> Mode = fs::getPermissions(Path))
        fs::setPermissions(Copy, *Mode);
      break;
    }
    default:
      // Sockets, fifos, devices: nothing a build reads.
      break;
    }
  }
  if (EC)
    return failure("cannot read '" + Source + "'", EC);
  return llvm::Error::success();
}

} // namespace bpftidy
