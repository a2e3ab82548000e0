//===- ChangedLines.cpp ---------------------------------------------------===//

#include "cli/ChangedLines.h"
#include "cli/GitWorkTree.h"
#include "cli/RecordingFileSystem.h"
#include "llvm/Support/Path.h"
#include <optional>

namespace bpftidy {

llvm::Expected<ChangedLines> ChangedLines::fromGit(llvm::StringRef Directory,
                                                   llvm::StringRef Ref) {
  std::optional<std::string> Top = workTreeTop(Directory);
  if (!Top)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--diff needs a git work tree, and '" +
                                       Directory + "' is in none");
  // The patch must not depend on the user's git configuration: fixed path
  // prefixes (diff.noprefix, diff.mnemonicPrefix), paths from the top
  // (diff.relative), hunks never merged over unchanged lines
  // (diff.interHunkContext), the file's own text (textconv filters), no
  // color and no external diff tool.
  std::vector<std::string> Args = {"diff",
                                   "-U0",
                                   "--inter-hunk-context=0",
                                   "--src-prefix=a/",
                                   "--dst-prefix=b/",
                                   "--no-relative",
                                   "--no-color",
                                   "--no-ext-diff",
                                   "--no-textconv",
                                   "--no-renames"};
  auto Diff = [&](llvm::StringRef What) {
    std::vector<std::string> Command = Args;
    if (!What.empty())
      Command.push_back(What.str());
    Command.push_back("--");
    return runGit(*Top, Command);
  };
  auto Patch = Diff(Ref.empty() ? "--cached" : Ref);
  if (!Patch)
    return Patch.takeError();
  // Nothing staged, as after a commit the hook refused: `git commit -a`
  // staged the changes only in a temporary index. The changes not staged
  // are then the ones to check (and fix).
  bool Unstaged = Ref.empty() && Patch->empty();
  if (Unstaged) {
    Patch = Diff("");
    if (!Patch)
      return Patch.takeError();
  }
  ChangedLines Result = fromUnifiedDiff(*Patch, *Top);
  Result.Unstaged = Unstaged && !Patch->empty();
  return Result;
}

/// Undoes git's C-style quoting of a path ("a\"b\\c\303\251" and the
/// escapes \a \b \t \n \v \f \r); none when \p Quoted is not one.
static std::optional<std::string> unquoteCStyle(llvm::StringRef Quoted) {
  if (Quoted.size() < 2 || !Quoted.consume_front("\"") ||
      !Quoted.consume_back("\""))
    return std::nullopt;
  std::string Text;
  while (!Quoted.empty()) {
    char C = Quoted.front();
    Quoted = Quoted.drop_front();
    if (C != '\\') {
      Text += C;
      continue;
    }
    if (Quoted.empty())
      return std::nullopt;
    char Escape = Quoted.front();
    if (Escape >= '0' && Escape <= '3') {
      unsigned Byte;
      if (Quoted.size() < 3 || Quoted.take_front(3).getAsInteger(8, Byte))
        return std::nullopt;
      Text += static_cast<char>(Byte);
      Quoted = Quoted.drop_front(3);
      continue;
    }
    // Only the escapes git writes: anything else is not its quoting.
    static const llvm::StringRef Letters = "abtnvfr\"\\",
                                 Bytes = "\a\b\t\n\v\f\r\"\\";
    size_t Letter = Letters.find(Escape);
    if (Letter == llvm::StringRef::npos)
      return std::nullopt;
    Text += Bytes[Letter];
    Quoted = Quoted.drop_front();
  }
  return Text;
}

/// The path (relative to the top) of a "+++ " line, \p Header without
/// that; none for /dev/null. git quotes a name with a control character,
/// a quote or a backslash (and, with core.quotePath, bytes above 0x7f),
/// and ends the line with a tab when the name holds a space.
static std::optional<std::string> newFileName(llvm::StringRef Header) {
  std::string Name;
  if (Header.starts_with("\"")) {
    std::optional<std::string> Unquoted = unquoteCStyle(Header);
    if (!Unquoted)
      return std::nullopt;
    Name = std::move(*Unquoted);
  } else {
    if (Header.contains(' '))
      Header.consume_back("\t");
    Name = Header.str();
  }
  if (!llvm::StringRef(Name).starts_with("b/"))
    return std::nullopt;
  return Name.substr(2);
}

ChangedLines ChangedLines::fromUnifiedDiff(llvm::StringRef Diff,
                                           llvm::StringRef Top) {
  ChangedLines Result;
  std::string File;
  llvm::SmallVector<llvm::StringRef> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      File.clear();
      std::optional<std::string> Name = newFileName(Line.rtrim("\r"));
      // No file name holds a NUL byte (git never writes one), and the path
      // functions would stop at it: the name would not read back the same.
      if (Name && !llvm::StringRef(*Name).contains('\0')) {
        llvm::SmallString<256> Path(Top);
        llvm::sys::path::append(Path, *Name);
        File = canonicalPath(Path);
      }
      continue;
    }
    // "@@ -OLD[,N] +NEW[,COUNT] @@": COUNT lines from NEW are new text;
    // COUNT 0 is a pure deletion, which leaves no line to blame.
    if (File.empty() || !Line.consume_front("@@ "))
      continue;
    llvm::StringRef New = Line.split(' ').second.split(' ').first;
    if (!New.consume_front("+"))
      continue;
    auto [StartText, CountText] = New.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      continue;
    if (Count)
      Result.Ranges[File].push_back({Start, Start + Count - 1});
    else
      Result.Ranges.try_emplace(File);
  }
  return Result;
}

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Ranges.find(canonicalPath(File));
  if (It == Ranges.end())
    return false;
  return llvm::any_of(It->second, [&](const auto &Range) {
    return Range.first <= Line && Line <= Range.second;
  });
}

bool ChangedLines::touches(llvm::StringRef File) const {
  return Ranges.count(canonicalPath(File));
}

std::vector<std::string> ChangedLines::files() const {
  std::vector<std::string> Files;
  for (const auto &Entry : Ranges)
    Files.push_back(Entry.first);
  return Files;
}

} // namespace bpftidy
