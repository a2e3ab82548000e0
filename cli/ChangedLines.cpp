//===- ChangedLines.cpp ---------------------------------------------------===//

#include "cli/ChangedLines.h"
#include "cli/GitWorkTree.h"
#include "cli/RecordingFileSystem.h"
#include "llvm/Support/Path.h"

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
  Args.push_back(Ref.empty() ? "--cached" : Ref.str());
  Args.push_back("--");
  auto Diff = runGit(*Top, Args);
  if (!Diff)
    return Diff.takeError();
  return fromUnifiedDiff(*Diff, *Top);
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
      // No file name holds a NUL byte (git never writes one), and the path
      // functions would stop at it: the name would not read back the same.
      if (Line.consume_front("b/") && !Line.contains('\0')) {
        llvm::SmallString<256> Path(Top);
        llvm::sys::path::append(Path, Line.rtrim("\r"));
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
