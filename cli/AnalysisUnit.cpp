//===- AnalysisUnit.cpp ---------------------------------------------------===//

#include "cli/AnalysisUnit.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace bpftidy {

std::vector<std::string>
definesOf(const std::vector<std::string> &CommandLine) {
  std::vector<std::string> Defines;
  for (size_t I = 0; I < CommandLine.size(); ++I) {
    llvm::StringRef Arg = CommandLine[I];
    if ((Arg == "-D" || Arg == "-U") && I + 1 < CommandLine.size())
      Defines.push_back((Arg == "-U" ? "!" : "") + CommandLine[++I]);
    else if (Arg.starts_with("-D") || Arg.starts_with("-U"))
      Defines.push_back((Arg.starts_with("-U") ? "!" : "") +
                        Arg.drop_front(2).str());
  }
  return Defines;
}

llvm::StringSet<>
commonDefinesOf(const std::vector<std::vector<std::string>> &CommandLines) {
  llvm::StringSet<> Common;
  if (CommandLines.empty())
    return Common;
  for (const std::string &Define : definesOf(CommandLines.front()))
    Common.insert(Define);
  for (const std::vector<std::string> &Line : CommandLines) {
    llvm::StringSet<> Defines;
    for (const std::string &Define : definesOf(Line))
      Defines.insert(Define);
    llvm::SmallVector<llvm::StringRef> Missing;
    for (const auto &Define : Common)
      if (!Defines.contains(Define.getKey()))
        Missing.push_back(Define.getKey());
    for (llvm::StringRef Define : Missing)
      Common.erase(Define);
  }
  return Common;
}

std::string configurationNameOf(const std::vector<std::string> &CommandLine,
                                const llvm::StringSet<> &Common) {
  std::string Name;
  llvm::StringSet<> Named;
  for (const std::string &Define : definesOf(CommandLine)) {
    if (Common.contains(Define) || !Named.insert(Define).second)
      continue;
    if (!Name.empty())
      Name += ',';
    Name += Define;
  }
  return Name.empty() ? "default" : Name;
}

static std::string absolute(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Result(Path);
  if (!llvm::sys::path::is_absolute(Result) && !Directory.empty())
    llvm::sys::fs::make_absolute(Directory, Result);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

std::vector<AnalysisUnit>
unitsFromDatabase(const clang::tooling::CompilationDatabase &Database,
                  const std::vector<std::string> &Files) {
  std::vector<AnalysisUnit> Units;
  // Names are relative to the whole database, not to the files asked for:
  // a configuration keeps its name in every shard and --diff run.
  std::vector<std::vector<std::string>> CommandLines;
  for (const clang::tooling::CompileCommand &Command :
       Database.getAllCompileCommands())
    CommandLines.push_back(Command.CommandLine);
  if (CommandLines.empty()) // A fixed database lists no commands of its own.
    for (const std::string &File : Files)
      for (const clang::tooling::CompileCommand &Command :
           Database.getCompileCommands(absolute(File, "")))
        CommandLines.push_back(Command.CommandLine);
  llvm::StringSet<> Common = commonDefinesOf(CommandLines);
  for (const std::string &File : Files) {
    for (clang::tooling::CompileCommand &Command :
         Database.getCompileCommands(absolute(File, ""))) {
      AnalysisUnit Unit;
      Unit.File = absolute(File, "");
      Unit.Configuration = configurationNameOf(Command.CommandLine, Common);
      Unit.Command = std::move(Command);
      Units.push_back(std::move(Unit));
    }
  }
  return Units;
}

std::vector<AnalysisUnit>
unitsFromConfigurationList(const ConfigurationList &List,
                           llvm::StringRef Compiler) {
  std::vector<AnalysisUnit> Units;
  for (const Configuration &C : List.Configurations) {
    for (const std::string &Source : List.Sources) {
      AnalysisUnit Unit;
      Unit.File = absolute(Source, List.BaseDir);
      Unit.Configuration = C.Name;
      Unit.Command.Directory = List.BaseDir;
      Unit.Command.Filename = Unit.File;
      std::vector<std::string> &Line = Unit.Command.CommandLine;
      Line = {Compiler.str(), "-target", "bpf"};
      for (const std::string &Flag : List.flagsFor(C))
        Line.push_back(Flag);
      Line.push_back("-c");
      Line.push_back(Unit.File);
      Units.push_back(std::move(Unit));
    }
  }
  return Units;
}

} // namespace bpftidy
