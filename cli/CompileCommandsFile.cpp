//===- CompileCommandsFile.cpp --------------------------------------------===//

#include "cli/CompileCommandsFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace bpftidy {

std::optional<std::string> findCompileCommandsFile(llvm::StringRef Directory) {
  llvm::SmallString<256> Dir(Directory);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  // The tooling walks up the same way and stops at the first directory
  // holding either kind of database.
  for (llvm::StringRef Current = Dir; !Current.empty();
       Current = llvm::sys::path::parent_path(Current)) {
    llvm::SmallString<256> Json(Current), Flags(Current);
    llvm::sys::path::append(Json, "compile_commands.json");
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (llvm::sys::fs::exists(Json))
      return std::string(Json);
    if (llvm::sys::fs::exists(Flags))
      return std::nullopt;
  }
  return std::nullopt;
}

llvm::Error checkCompileCommandsFile(llvm::StringRef Path) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Path +
                                       ": not a valid compilation "
                                       "database: " +
                                       Why);
  };
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return Fail("cannot read it: " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Fail(llvm::toString(Parsed.takeError()));
  const llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return Fail("expected a JSON array of entries");
  for (size_t I = 0; I < Entries->size(); ++I)
    if (!(*Entries)[I].getAsObject())
      return Fail("entry " + llvm::Twine(I + 1) + " is not a JSON object");
  return llvm::Error::success();
}

llvm::Error checkCommandDirectories(llvm::ArrayRef<AnalysisUnit> Units,
                                    llvm::StringRef DatabaseFile) {
  for (const AnalysisUnit &Unit : Units) {
    const std::string &Directory = Unit.Command.Directory;
    if (Directory.empty() || llvm::sys::fs::is_directory(Directory))
      continue;
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        (DatabaseFile.empty() ? llvm::StringRef("compilation database")
                              : DatabaseFile) +
            ": the entry for '" + Unit.File + "' runs in directory '" +
            Directory + "', which does not exist");
  }
  return llvm::Error::success();
}

} // namespace bpftidy
