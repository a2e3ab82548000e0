//===- configuration-list.cpp - fuzz the configuration list reader --------===//
//
// docs/formats.md, section 1. Invariants: an error names the list and one of
// its lines ("PATH:LINE: message"); a list that parses has existing sources
// and configurations with valid, unique names; and the flag-word splitter
// reads back the words of every line once they are quoted again.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"
#include "config/ConfigurationList.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

using namespace bpftidy;

/// \p Word in single quotes, as a response file reads it back (a
/// backslash escapes inside them too).
static std::string quote(llvm::StringRef Word) {
  std::string Quoted = "'";
  for (char C : Word) {
    if (C == '\'' || C == '\\')
      Quoted += '\\';
    Quoted += C;
  }
  return Quoted + "'";
}

static void checkFlagWords(llvm::StringRef Line) {
  llvm::Expected<std::vector<std::string>> Words = splitFlagWords(Line);
  if (!Words) {
    FUZZ_CHECK(!llvm::toString(Words.takeError()).empty(),
               "a flag-word error without a message");
    return;
  }
  std::string Requoted;
  for (const std::string &Word : *Words)
    Requoted += quote(Word) + " ";
  llvm::Expected<std::vector<std::string>> Again = splitFlagWords(Requoted);
  FUZZ_CHECK(Again && *Again == *Words,
             "quoted words do not read back: '" + Requoted + "'");
}

static const std::string &listPath() {
  static const std::string Path = [] {
    const std::string &Dir = fuzz::scratchDirectory();
    for (const char *Source : {"a.c", "b.c"}) {
      std::error_code EC;
      llvm::raw_fd_ostream(Dir + "/" + Source, EC) << "int x;\n";
    }
    return Dir + "/datapath.configs";
  }();
  return Path;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = fuzz::asText(Data, Size);
  llvm::SmallVector<llvm::StringRef> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    checkFlagWords(Line.rtrim("\r"));

  const std::string &Path = listPath();
  llvm::Expected<ConfigurationList> List = parseConfigurationList(Text, Path);
  if (!List) {
    std::string Message = llvm::toString(List.takeError());
    llvm::StringRef Rest(Message);
    unsigned Line = 0;
    FUZZ_CHECK(Rest.consume_front(Path + ":") &&
                   !Rest.consumeInteger(10, Line) && Line >= 1 &&
                   Line <= std::max<size_t>(Lines.size(), 1) &&
                   Rest.consume_front(": ") && !Rest.empty(),
               "an error that names no line of the list: " + Message);
    return 0;
  }
  FUZZ_CHECK(!List->Sources.empty() && !List->Configurations.empty(),
             "a list without sources or configurations parsed");
  for (const std::string &Source : List->Sources)
    FUZZ_CHECK(llvm::sys::path::is_absolute(Source) &&
                   llvm::sys::fs::exists(Source),
               "a source that is not an existing absolute path: " + Source);
  llvm::StringSet<> Names;
  for (const Configuration &C : List->Configurations) {
    FUZZ_CHECK(Names.insert(C.Name).second, "duplicate name " + C.Name);
    FUZZ_CHECK(List->find(C.Name) == &C, "find() misses " + C.Name);
    FUZZ_CHECK(!C.Name.empty() && C.Name.find_first_not_of(
                                      "abcdefghijklmnopqrstuvwxyz"
                                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789_.-") == std::string::npos,
               "an invalid configuration name parsed: " + C.Name);
  }
  return 0;
}
