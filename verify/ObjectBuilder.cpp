//===- ObjectBuilder.cpp - compile each configuration to BPF objects ------===//

#include "verify/ObjectBuilder.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace llvm;

namespace bpftidy::verify {

std::vector<std::string> compileCommand(StringRef Clang,
                                        const ConfigurationList &List,
                                        const Configuration &Config,
                                        StringRef Source, StringRef Object) {
  std::vector<std::string> Command = {
      Clang.str(), "-target", "bpf",
      "-O2",       "-g",      "-I/usr/include/x86_64-linux-gnu"};
  for (std::string &Flag : List.flagsFor(Config))
    Command.push_back(std::move(Flag));
  Command.insert(Command.end(), {"-c", Source.str(), "-o", Object.str()});
  return Command;
}

namespace {

/// A compiler process writing its stdout and stderr to a log file.
struct RunningBuild {
  size_t Index;
  std::string LogPath;
};

/// Starts \p Command in \p Directory; returns its pid or -1 (errno set).
pid_t spawnIn(const std::vector<std::string> &Command, StringRef Directory,
              StringRef LogPath) {
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  std::string Dir = Directory.str(), Log = LogPath.str();
  posix_spawn_file_actions_addchdir_np(&Actions, Dir.c_str());
  posix_spawn_file_actions_addopen(&Actions, STDOUT_FILENO, Log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&Actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&Actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  std::vector<char *> Argv;
  for (const std::string &Arg : Command)
    Argv.push_back(const_cast<char *>(Arg.c_str()));
  Argv.push_back(nullptr);
  pid_t Pid;
  int Err =
      posix_spawnp(&Pid, Argv[0], &Actions, nullptr, Argv.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  if (Err) {
    errno = Err;
    return -1;
  }
  return Pid;
}

std::string readLog(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "";
  return (*Buffer)->getBuffer().str();
}

/// Waits for our own child \p Pid; its wait status.
int waitFor(pid_t Pid) {
  int Status = 0;
  while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR)
    ;
  return Status;
}

} // namespace

Expected<std::string> definedMacros(const ObjectBuild &Build) {
  // The compile command ends in "-c SRC -o OBJ".
  std::vector<std::string> Command(Build.Command);
  if (Command.size() < 4 || Command[Command.size() - 4] != "-c")
    return createStringError(inconvertibleErrorCode(),
                             "not a compile command: " + join(Command, " "));
  std::string Out = Build.ObjectPath + ".macros", Log = Out + ".log";
  Command.resize(Command.size() - 4);
  Command.insert(Command.end(), {"-E", "-dM", Build.Source, "-o", Out});
  pid_t Pid = spawnIn(Command, Build.Directory, Log);
  if (Pid < 0)
    return createStringError(inconvertibleErrorCode(),
                             "cannot run '" + Command[0] +
                                 "': " + strerror(errno));
  int Status = waitFor(Pid);
  std::string Output = readLog(Out), Messages = readLog(Log);
  sys::fs::remove(Out);
  sys::fs::remove(Log);
  if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0)
    return createStringError(inconvertibleErrorCode(),
                             "'" + join(Command, " ") +
                                 "' failed: " + Messages);
  return Output;
}

std::vector<ObjectBuild> buildConfigurations(StringRef Clang,
                                             const ConfigurationList &List,
                                             StringRef OutDir, unsigned Jobs) {
  std::vector<ObjectBuild> Builds;
  for (const Configuration &Config : List.Configurations) {
    SmallString<256> ConfigDir(OutDir);
    sys::path::append(ConfigDir, Config.Name);
    for (const std::string &Source : List.Sources) {
      ObjectBuild B;
      B.Configuration = Config.Name;
      B.Source = Source;
      B.Stem = sys::path::stem(Source).str();
      SmallString<256> Object(ConfigDir);
      sys::path::append(Object, B.Stem + ".o");
      sys::fs::make_absolute(Object);
      B.ObjectPath = std::string(Object);
      B.Command = compileCommand(Clang, List, Config, Source, B.ObjectPath);
      B.Directory = List.BaseDir;
      if (std::error_code EC = sys::fs::create_directories(ConfigDir))
        B.Output =
            "cannot create '" + std::string(ConfigDir) + "': " + EC.message();
      Builds.push_back(std::move(B));
    }
  }

  std::map<pid_t, RunningBuild> Running;
  size_t Next = 0;
  auto Finish = [&](pid_t Pid, int Status) {
    RunningBuild R = Running[Pid];
    Running.erase(Pid);
    ObjectBuild &B = Builds[R.Index];
    B.Output = readLog(R.LogPath);
    sys::fs::remove(R.LogPath);
    B.Succeeded = WIFEXITED(Status) && WEXITSTATUS(Status) == 0;
    if (!B.Succeeded && B.Output.empty())
      B.Output = "the compiler exited abnormally";
  };
  while (Next < Builds.size() || !Running.empty()) {
    while (Next < Builds.size() && Running.size() < std::max(Jobs, 1u)) {
      ObjectBuild &B = Builds[Next];
      size_t Index = Next++;
      if (!B.Output.empty())
        continue; // the output directory could not be made
      std::string LogPath = B.ObjectPath + ".log";
      pid_t Pid = spawnIn(B.Command, List.BaseDir, LogPath);
      if (Pid < 0) {
        B.Output = "cannot run '" + B.Command[0] + "': " + strerror(errno);
        continue;
      }
      Running[Pid] = {Index, LogPath};
    }
    if (Running.empty())
      continue;
    // Wait for our own children only: the process may have others.
    pid_t Pid = Running.begin()->first;
    Finish(Pid, waitFor(Pid));
  }
  return Builds;
}

} // namespace bpftidy::verify
