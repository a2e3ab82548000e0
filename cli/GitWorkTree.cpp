//===- GitWorkTree.cpp ----------------------------------------------------===//

#include "cli/GitWorkTree.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace bpftidy {

namespace {
/// A temporary file removed when it goes out of scope.
struct ScratchFile {
  llvm::SmallString<128> Path;
  explicit ScratchFile(llvm::StringRef Prefix) {
    if (llvm::sys::fs::createTemporaryFile(Prefix, "txt", Path))
      Path.clear();
  }
  ~ScratchFile() {
    if (!Path.empty())
      llvm::sys::fs::remove(Path);
  }
  std::string contents() const {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "";
  }
};
} // namespace

llvm::Expected<std::string> runGit(llvm::StringRef Directory,
                                   llvm::ArrayRef<std::string> Args) {
  auto Fail = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return Fail("git is not installed (not found on PATH)");
  ScratchFile Out("bpf-tidy-git-out"), Err("bpf-tidy-git-err");
  if (Out.Path.empty() || Err.Path.empty())
    return Fail("cannot create a temporary file for git's output");

  std::vector<llvm::StringRef> Argv = {*Git, "-C", Directory, "-c",
                                       "core.quotePath=false"};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(Out.Path), llvm::StringRef(Err.Path)};
  std::string ExecError;
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0,
                                         0, &ExecError);
  if (Status != 0) {
    std::string Command = "git";
    for (const std::string &Arg : Args)
      Command += " " + Arg;
    std::string Why = llvm::StringRef(Err.contents()).trim().str();
    return Fail("'" + Command + "' in '" + Directory +
                "' failed: " + (Why.empty() ? ExecError : Why));
  }
  return Out.contents();
}

std::optional<std::string> workTreeTop(llvm::StringRef Directory) {
  auto Top = runGit(Directory, {"rev-parse", "--show-toplevel"});
  if (!Top) {
    llvm::consumeError(Top.takeError());
    return std::nullopt;
  }
  return llvm::StringRef(*Top).trim().str();
}

llvm::Expected<std::vector<std::string>>
uncommittedFiles(llvm::StringRef Directory) {
  std::optional<std::string> Top = workTreeTop(Directory);
  if (!Top)
    return std::vector<std::string>();
  // -z: NUL-terminated "XY path" entries; a rename adds its old path as a
  // further entry.
  auto Status = runGit(Directory, {"status", "--porcelain=v1", "-z",
                                   "--untracked-files=all", "--", "."});
  if (!Status)
    return Status.takeError();
  std::vector<std::string> Files;
  llvm::SmallVector<llvm::StringRef> Entries;
  llvm::StringRef(*Status).split(Entries, '\0', -1, /*KeepEmpty=*/false);
  for (size_t I = 0; I < Entries.size(); ++I) {
    llvm::StringRef Entry = Entries[I];
    if (Entry.size() < 4)
      continue;
    llvm::SmallString<256> Path(*Top);
    llvm::sys::path::append(Path, Entry.drop_front(3));
    Files.push_back(std::string(Path));
    if (Entry[0] == 'R' || Entry[0] == 'C')
      ++I;
  }
  return Files;
}

} // namespace bpftidy
