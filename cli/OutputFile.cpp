//===- OutputFile.cpp -----------------------------------------------------===//

#include "cli/OutputFile.h"
#include <unistd.h>

namespace bpftidy {

llvm::Expected<OutputFile> OutputFile::open(llvm::StringRef Option,
                                            llvm::StringRef Path) {
  OutputFile Output(Option, Path);
  if (Path.empty() || Path == "-")
    return std::move(Output);
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
  llvm::outs() << Content;
  llvm::outs().flush();
  return llvm::Error::success();
}

llvm::Error OutputFile::writeFromStdout(llvm::function_ref<void()> Print) {
  if (!File) {
    Print();
    return llvm::Error::success();
  }
  llvm::outs().flush();
  int SavedStdout = ::dup(STDOUT_FILENO);
  ::dup2(File->fd(), STDOUT_FILENO);
  Print();
  llvm::outs().flush();
  ::dup2(SavedStdout, STDOUT_FILENO);
  ::close(SavedStdout);
  // A failed write (disk full) is reported here, not left for the stream
  // to turn into a fatal error at exit.
  if (llvm::outs().has_error()) {
    std::error_code EC = llvm::outs().error();
    llvm::outs().clear_error();
    return failed(llvm::createStringError(EC, EC.message()));
  }
  return llvm::Error::success();
}

llvm::Error OutputFile::commit() {
  if (!File)
    return llvm::Error::success();
  return failed(File->commit());
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
