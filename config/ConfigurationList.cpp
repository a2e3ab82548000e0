//===- ConfigurationList.cpp - build configurations of a datapath ---------===//
//
// Reader of the configuration list format (docs/formats.md, section 1).
//
//===----------------------------------------------------------------------===//

#include "config/ConfigurationList.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"

using namespace llvm;

namespace bpftidy {

std::vector<std::string>
ConfigurationList::flagsFor(const Configuration &C) const {
  std::vector<std::string> Flags = CommonFlags;
  Flags.insert(Flags.end(), C.Flags.begin(), C.Flags.end());
  return Flags;
}

const Configuration *ConfigurationList::find(StringRef Name) const {
  for (const Configuration &C : Configurations)
    if (C.Name == Name)
      return &C;
  return nullptr;
}

/// Where the words of \p Line end: at a '#' that starts a word, as in a
/// shell. TokenizeGNUCommandLine knows no comments and silently accepts an
/// unterminated quote, a trailing backslash or a NUL, so this reads quotes
/// and backslashes by its rules first and reports those as errors.
static Expected<size_t> endOfWords(StringRef Line) {
  char Quote = 0;
  bool InWord = false;
  // The tokenizer's words are C strings: a NUL would cut one short.
  if (Line.contains('\0'))
    return createStringError(inconvertibleErrorCode(),
                             "NUL character in the line");
  for (size_t I = 0, E = Line.size(); I < E; ++I) {
    char C = Line[I];
    if (Quote) {
      if (C == '\\' && I + 1 < E)
        ++I;
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '\\') {
      if (I + 1 == E)
        return createStringError(inconvertibleErrorCode(),
                                 "backslash at the end of the line");
      ++I;
      InWord = true;
    } else if (C == ' ' || C == '\t' || C == '\r' || C == '\n') {
      InWord = false;
    } else if (C == '#' && !InWord) {
      return I;
    } else {
      if (C == '\'' || C == '"')
        Quote = C;
      InWord = true;
    }
  }
  if (Quote)
    return createStringError(inconvertibleErrorCode(),
                             Quote == '\'' ? "unterminated single quote"
                                           : "unterminated double quote");
  return Line.size();
}

Expected<std::vector<std::string>> splitFlagWords(StringRef Line) {
  Expected<size_t> End = endOfWords(Line);
  if (!End)
    return End.takeError();
  BumpPtrAllocator Allocator;
  StringSaver Saver(Allocator);
  SmallVector<const char *, 32> Words;
  cl::TokenizeGNUCommandLine(Line.take_front(*End), Saver, Words);
  return std::vector<std::string>(Words.begin(), Words.end());
}

static bool isValidConfigurationName(StringRef Name) {
  if (Name.empty())
    return false;
  for (char C : Name)
    if (!isAlnum(C) && C != '_' && C != '.' && C != '-')
      return false;
  return true;
}

Expected<ConfigurationList> parseConfigurationList(StringRef Text,
                                                   StringRef Path) {
  ConfigurationList List;
  SmallString<256> Base(sys::path::parent_path(Path));
  if (Base.empty())
    Base = ".";
  sys::fs::make_absolute(Base);
  sys::path::remove_dots(Base, /*remove_dot_dot=*/true);
  List.BaseDir = std::string(Base);

  unsigned LineNo = 0;
  auto Fail = [&](unsigned Line, const Twine &Message) -> Error {
    return createStringError(inconvertibleErrorCode(),
                             Path + ":" + Twine(Line) + ": " + Message);
  };
  StringMap<unsigned> ConfigLines;

  SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n');
  // A trailing newline does not start another line.
  if (!Lines.empty() && Lines.back().empty())
    Lines.pop_back();
  for (StringRef Line : Lines) {
    ++LineNo;
    Line = Line.rtrim("\r");
    Expected<std::vector<std::string>> Words = splitFlagWords(Line);
    if (!Words)
      return Fail(LineNo, toString(Words.takeError()));
    if (Words->empty())
      continue;
    StringRef Keyword = (*Words)[0];
    std::vector<std::string> Args(Words->begin() + 1, Words->end());

    if (Keyword == "source") {
      if (Args.empty())
        return Fail(LineNo, "'source' needs at least one file");
      for (const std::string &Source : Args) {
        SmallString<256> Abs(Source);
        sys::fs::make_absolute(List.BaseDir, Abs);
        sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
        if (!sys::fs::exists(Abs))
          return Fail(LineNo, "source file '" + Source +
                                  "' not found (looked for " + Abs + ")");
        List.Sources.push_back(std::string(Abs));
      }
    } else if (Keyword == "flags") {
      List.CommonFlags.insert(List.CommonFlags.end(), Args.begin(), Args.end());
    } else if (Keyword == "config") {
      if (Args.empty())
        return Fail(LineNo, "'config' needs a name");
      StringRef Name = Args[0];
      if (!isValidConfigurationName(Name))
        return Fail(LineNo, "invalid configuration name '" + Name +
                                "' (allowed: letters, digits, '_', '.', '-')");
      auto Inserted = ConfigLines.try_emplace(Name, LineNo);
      if (!Inserted.second)
        return Fail(LineNo, "duplicate configuration name '" + Name +
                                "' (first defined on line " +
                                Twine(Inserted.first->second) + ")");
      List.Configurations.push_back(
          {std::string(Name),
           std::vector<std::string>(Args.begin() + 1, Args.end())});
    } else {
      return Fail(LineNo, "unknown keyword '" + Keyword +
                              "' (expected 'source', 'flags' or 'config')");
    }
  }

  // Missing declarations are reported at the end of the file, where the
  // reader noticed them.
  unsigned EndLine = std::max(LineNo, 1u);
  if (List.Sources.empty())
    return Fail(EndLine, "no 'source' line: the list builds nothing");
  if (List.Configurations.empty())
    return Fail(EndLine, "no 'config' line: the list defines no configuration");
  return List;
}

Expected<ConfigurationList> readConfigurationList(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read configuration list '" + Path +
                                 "': " + Buffer.getError().message());
  return parseConfigurationList((*Buffer)->getBuffer(), Path);
}

} // namespace bpftidy
