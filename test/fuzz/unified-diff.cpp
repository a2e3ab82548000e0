//===- unified-diff.cpp - fuzz diff mode's reader of `git diff -U0` -------===//
//
// --diff (docs/pre-commit.md). Invariants: the changed files are sorted,
// unique and each touched; whatever comes before it, a well-formed hunk of
// another file added at the end counts exactly its own lines, and leaves the
// answers for the other files alone.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"
#include "cli/ChangedLines.h"

using namespace bpftidy;

static const char *const Extra = "\n+++ b/fuzz-extra.c\n@@ -1,0 +5,2 @@\n";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const std::string &Top = fuzz::scratchDirectory();
  llvm::StringRef Diff = fuzz::asText(Data, Size);
  ChangedLines Lines = ChangedLines::fromUnifiedDiff(Diff, Top);
  std::vector<std::string> Files = Lines.files();
  FUZZ_CHECK(std::is_sorted(Files.begin(), Files.end()) &&
                 std::adjacent_find(Files.begin(), Files.end()) == Files.end(),
             "changed files not sorted and unique");
  for (const std::string &File : Files)
    FUZZ_CHECK(Lines.touches(File), "a changed file not touched: " + File);

  if (Diff.contains("fuzz-extra"))
    return 0;
  ChangedLines More = ChangedLines::fromUnifiedDiff(Diff.str() + Extra, Top);
  std::string ExtraFile = Top + "/fuzz-extra.c";
  FUZZ_CHECK(!More.contains(ExtraFile, 4) && More.contains(ExtraFile, 5) &&
                 More.contains(ExtraFile, 6) && !More.contains(ExtraFile, 7),
             "the added hunk does not count lines 5-6 only");
  std::vector<std::string> MoreFiles = More.files();
  llvm::erase(MoreFiles, ExtraFile);
  FUZZ_CHECK(MoreFiles == Files, "an added hunk changed the other files");
  for (const std::string &File : Files)
    for (unsigned Line : {0u, 1u, 2u, 3u, 5u, 8u, 13u, 100u})
      FUZZ_CHECK(More.contains(File, Line) == Lines.contains(File, Line),
                 "an added hunk changed the lines of " + File);
  return 0;
}
