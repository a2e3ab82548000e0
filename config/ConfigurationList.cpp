//===- ConfigurationList.cpp - build configurations of a datapath ---------===//
//
// Reader of the configuration list format (docs/formats.md, section 1).
//
//===----------------------------------------------------------------------===//

#include "config/ConfigurationList.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

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

Expected<std::vector<std::string>> splitShellWords(StringRef Command) {
  std::vector<std::string> Words;
  std::string Word;
  // A word exists once any character or a pair of quotes was seen, so that
  // '' yields an empty word as it does in a shell.
  bool InWord = false;
  size_t I = 0, E = Command.size();
  while (I < E) {
    char C = Command[I];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      if (InWord)
        Words.push_back(std::move(Word));
      Word.clear();
      InWord = false;
      ++I;
      continue;
    }
    // '#' at the start of a word begins a comment, as in a shell.
    if (C == '#' && !InWord)
      break;
    InWord = true;
    if (C == '\\') {
      if (I + 1 == E)
        return createStringError(inconvertibleErrorCode(),
                                 "backslash at the end of the line");
      // Backslash-newline is a line continuation: it vanishes.
      if (Command[I + 1] != '\n')
        Word += Command[I + 1];
      I += 2;
      continue;
    }
    if (C == '\'') {
      size_t Close = Command.find('\'', I + 1);
      if (Close == StringRef::npos)
        return createStringError(inconvertibleErrorCode(),
                                 "unterminated single quote");
      Word += Command.slice(I + 1, Close).str();
      I = Close + 1;
      continue;
    }
    if (C == '"') {
      ++I;
      bool Closed = false;
      while (I < E) {
        char D = Command[I];
        if (D == '"') {
          Closed = true;
          ++I;
          break;
        }
        // Inside double quotes a backslash escapes only these characters.
        if (D == '\\' && I + 1 < E &&
            StringRef("$`\"\\\n").contains(Command[I + 1])) {
          if (Command[I + 1] != '\n')
            Word += Command[I + 1];
          I += 2;
          continue;
        }
        Word += D;
        ++I;
      }
      if (!Closed)
        return createStringError(inconvertibleErrorCode(),
                                 "unterminated double quote");
      continue;
    }
    Word += C;
    ++I;
  }
  if (InWord)
    Words.push_back(std::move(Word));
  return Words;
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
    Expected<std::vector<std::string>> Words = splitShellWords(Line);
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
