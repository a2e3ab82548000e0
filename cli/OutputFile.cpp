//===- OutputFile.cpp -----------------------------------------------------===//

#include "cli/OutputFile.h"
#include "llvm/Support/FileSystem.h"
#include <unistd.h>

namespace bpftidy {

static bool isStdout(llvm::StringRef Path) {
  return Path.empty() || Path == "-";
}

bool writeOutput(llvm::StringRef Path,
                 llvm::function_ref<void(llvm::raw_ostream &)> Write,
                 std::string &Error) {
  if (isStdout(Path)) {
    Write(llvm::outs());
    llvm::outs().flush();
    return true;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    Error = "cannot write --output '" + Path.str() + "': " + EC.message();
    return false;
  }
  Write(OS);
  OS.close();
  if (OS.has_error()) {
    Error =
        "cannot write --output '" + Path.str() + "': " + OS.error().message();
    OS.clear_error();
    return false;
  }
  return true;
}

bool withStdoutTo(llvm::StringRef Path, llvm::function_ref<void()> Print,
                  std::string &Error) {
  if (isStdout(Path)) {
    Print();
    return true;
  }
  int File;
  if (std::error_code EC = llvm::sys::fs::openFileForWrite(
          Path, File, llvm::sys::fs::CD_CreateAlways, llvm::sys::fs::OF_Text)) {
    Error = "cannot write --output '" + Path.str() + "': " + EC.message();
    return false;
  }
  llvm::outs().flush();
  int SavedStdout = ::dup(STDOUT_FILENO);
  ::dup2(File, STDOUT_FILENO);
  ::close(File);
  Print();
  llvm::outs().flush();
  ::dup2(SavedStdout, STDOUT_FILENO);
  ::close(SavedStdout);
  return true;
}

} // namespace bpftidy
