//===- OutputFile.cpp -----------------------------------------------------===//

#include "support/OutputFile.h"
#include "llvm/Support/FileSystem.h"
#include <unistd.h>

namespace bpftidy {

/// Whether \p Path (symlinks followed) is a character device or a pipe:
/// written to as it is, not replaced. A block device stays refused, as a
/// directory is: a report written there is a mistake.
static bool isStreamPath(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return false;
  return Status.type() == llvm::sys::fs::file_type::character_file ||
         Status.type() == llvm::sys::fs::file_type::fifo_file;
}

/// The error \p OS met, if any, cleared so that it does not end the
/// program at exit.
static llvm::Error takeStreamError(llvm::raw_fd_ostream &OS) {
  if (!OS.has_error())
    return llvm::Error::success();
  std::error_code EC = OS.error();
  OS.clear_error();
  return llvm::createStringError(EC, EC.message());
}

llvm::Expected<OutputFile> OutputFile::open(llvm::StringRef Option,
                                            llvm::StringRef Path) {
  OutputFile Output(Option, Path);
  if (Path.empty() || Path == "-")
    return std::move(Output);
  if (isStreamPath(Path)) {
    if (std::error_code EC = llvm::sys::fs::openFileForWrite(
            Path, Output.StreamFD, llvm::sys::fs::CD_OpenExisting))
      return Output.failed(llvm::createStringError(EC, EC.message()));
    Output.Stream = std::make_unique<llvm::raw_fd_ostream>(
        Output.StreamFD, /*shouldClose=*/true);
    return std::move(Output);
  }
  llvm::Expected<AtomicFile> File = AtomicFile::begin(Path);
  if (!File)
    return Output.failed(File.takeError());
  Output.File.emplace(std::move(*File));
  return std::move(Output);
}

llvm::Error OutputFile::failed(llvm::Error E) const {
  return prefixError("cannot write " + Option + " '" + Path + "': ",
                     std::move(E));
}

llvm::Error OutputFile::write(llvm::StringRef Content) {
  if (File)
    return failed(File->write(Content));
  if (Stream) {
    *Stream << Content;
    Stream->flush();
    return failed(takeStreamError(*Stream));
  }
  llvm::outs() << Content;
  llvm::outs().flush();
  return llvm::Error::success();
}

llvm::Error OutputFile::writeFromStdout(llvm::function_ref<void()> Print) {
  if (isStdout()) {
    Print();
    return llvm::Error::success();
  }
  llvm::outs().flush();
  int SavedStdout = ::dup(STDOUT_FILENO);
  ::dup2(File ? File->fd() : StreamFD, STDOUT_FILENO);
  Print();
  llvm::outs().flush();
  ::dup2(SavedStdout, STDOUT_FILENO);
  ::close(SavedStdout);
  // A failed write (disk full) is reported here, not left for the stream
  // to turn into a fatal error at exit.
  return failed(takeStreamError(llvm::outs()));
}

llvm::Error OutputFile::commit() {
  if (File)
    return failed(File->commit());
  if (Stream) {
    Stream->close();
    return failed(takeStreamError(*Stream));
  }
  return llvm::Error::success();
}

bool writeOutput(llvm::StringRef Option, llvm::StringRef Path,
                 llvm::function_ref<void(llvm::raw_ostream &)> Write,
                 std::string &Error) {
  std::string Content;
  llvm::raw_string_ostream OS(Content);
  Write(OS);
  llvm::Expected<OutputFile> Output = OutputFile::open(Option, Path);
  llvm::Error E = Output ? Output->write(Content) : Output.takeError();
  if (!E)
    E = Output->commit();
  if (!E)
    return true;
  Error = llvm::toString(std::move(E));
  return false;
}

} // namespace bpftidy
