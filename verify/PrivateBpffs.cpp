//===- PrivateBpffs.cpp - a bpffs of the run's own, for pinning -----------===//

#include "verify/PrivateBpffs.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/mount.h>
#include <unistd.h>

using namespace llvm;

namespace bpftidy::verify {

Expected<std::unique_ptr<PrivateBpffs>> PrivateBpffs::mount() {
  SmallString<128> Dir;
  if (std::error_code EC =
          sys::fs::createUniqueDirectory("bpf-tidy-bpffs", Dir))
    return createStringError(EC, "cannot create a directory for a bpffs: " +
                                     EC.message());
  std::string Path = Dir.str().str();
  if (::mount("bpf", Path.c_str(), "bpf", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              "mode=0700")) {
    int Err = errno;
    ::rmdir(Path.c_str());
    return createStringError(std::error_code(Err, std::generic_category()),
                             "--pin-maps: cannot mount a bpffs at " + Path +
                                 ": " + strerror(Err));
  }
  return std::unique_ptr<PrivateBpffs>(new PrivateBpffs(std::move(Path)));
}

PrivateBpffs::~PrivateBpffs() {
  // Unmounting drops every pin in it.
  ::umount2(Path.c_str(), MNT_DETACH);
  ::rmdir(Path.c_str());
}

Expected<std::string> PrivateBpffs::newDirectory() {
  std::string Template = Path + "/objXXXXXX";
  if (!::mkdtemp(Template.data()))
    return createStringError(std::error_code(errno, std::generic_category()),
                             "cannot create a directory in the private bpffs " +
                                 Path + ": " + strerror(errno));
  return Template;
}

} // namespace bpftidy::verify
