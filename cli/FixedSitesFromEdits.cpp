//===- FixedSitesFromEdits.cpp --------------------------------------------===//

#include "cli/FixedSitesFromEdits.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"
#include <map>
#include <set>

namespace json = llvm::json;

namespace bpftidy {

namespace {
/// One edit of the fix, as the findings report gives it.
struct Edit {
  std::string File, Replacement;
  int64_t Offset = 0, Length = 0, Line = 0, EndLine = 0;

  /// Lines this edit adds to its file (negative: removes).
  int64_t addedLines() const {
    return int64_t(llvm::count(Replacement, '\n')) - (EndLine - Line);
  }
  auto key() const { return std::tie(File, Offset, Length, Replacement); }
  bool operator<(const Edit &Other) const { return key() < Other.key(); }
};
} // namespace

static std::string stringOf(const json::Object &O, llvm::StringRef Key) {
  return O.getString(Key).value_or("").str();
}

static std::optional<Edit> editOf(const json::Value &V,
                                  const TreePathMapper &InTree) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  Edit E{InTree(stringOf(*O, "file")),
         stringOf(*O, "replacement"),
         O->getInteger("offset").value_or(-1),
         O->getInteger("length").value_or(0),
         O->getInteger("line").value_or(0),
         O->getInteger("end_line").value_or(0)};
  if (E.File.empty() || E.Offset < 0 || E.Line <= 0)
    return std::nullopt;
  if (E.EndLine < E.Line)
    E.EndLine = E.Line;
  return E;
}

/// The direction a notification call names, when it names exactly one.
static std::string directionOf(llvm::StringRef Replacement) {
  static const llvm::Regex Metric("METRIC_[A-Z0-9_]+");
  std::set<std::string> Names;
  llvm::StringRef Rest = Replacement;
  llvm::SmallVector<llvm::StringRef, 1> Match;
  while (Metric.match(Rest, &Match)) {
    Names.insert(Match[0].str());
    Rest = Rest.substr(Match[0].end() - Rest.begin());
  }
  return Names.size() == 1 ? *Names.begin() : "";
}

/// Names quoted in the finding's notes about which program returns the
/// value (the function, the tail call and the entry program).
static std::vector<std::string> programsOf(const json::Object &Finding) {
  std::vector<std::string> Names;
  auto Add = [&](llvm::StringRef Name) {
    if (!Name.empty() && !llvm::is_contained(Names, Name))
      Names.push_back(Name.str());
  };
  static const llvm::Regex Returned(
      "^the value of '([^']+)' is returned to the kernel by entry program "
      "'([^']+)'");
  if (const json::Array *Notes = Finding.getArray("notes"))
    for (const json::Value &N : *Notes)
      if (const json::Object *Note = N.getAsObject()) {
        std::string Message = stringOf(*Note, "message");
        llvm::SmallVector<llvm::StringRef, 3> Match;
        if (Returned.match(Message, &Match)) {
          Add(Match[1]);
          Add(Match[2]);
        }
      }
  Add(stringOf(Finding, "function"));
  return Names;
}

namespace {
/// Where a fix shows at run time when that is not its edit: a note of
/// reason "fix-effect" (the notification the fixed value reaches).
struct Effect {
  std::string File;
  int64_t Line = 0, Column = 0;
};
} // namespace

static std::vector<Effect> effectsOf(const json::Object &Finding,
                                     const TreePathMapper &InTree) {
  std::vector<Effect> Effects;
  if (const json::Array *Notes = Finding.getArray("notes"))
    for (const json::Value &N : *Notes)
      if (const json::Object *Note = N.getAsObject();
          Note && Note->getString("reason") == "fix-effect") {
        Effect E{InTree(stringOf(*Note, "file")),
                 Note->getInteger("line").value_or(0),
                 Note->getInteger("column").value_or(1)};
        if (!E.File.empty() && E.Line > 0)
          Effects.push_back(std::move(E));
      }
  return Effects;
}

/// Lines \p First..\p Last (1-based) of \p Text.
static std::string linesOf(llvm::StringRef Text, unsigned First,
                           unsigned Last) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  std::string Result;
  for (unsigned L = First; L <= Last && L <= Lines.size(); ++L)
    Result += Lines[L - 1].str() + "\n";
  return Result;
}

namespace {
/// The body lines fixed in one expansion, grouped by file in the order
/// they were met.
using BodyLineList = std::vector<std::pair<std::string, std::set<unsigned>>>;
} // namespace

static void addBodyLine(BodyLineList &Lines, llvm::StringRef File,
                        unsigned Line) {
  for (auto &[Name, Numbers] : Lines)
    if (Name == File) {
      Numbers.insert(Line);
      return;
    }
  Lines.push_back({File.str(), {Line}});
}

/// "m.h:4,9,12" (and ",n.h:3" for a body line in another file).
static std::string bodyLinesId(const BodyLineList &Lines) {
  std::string Id;
  for (const auto &[File, Numbers] : Lines) {
    Id += (Id.empty() ? "" : ",") + File + ":";
    bool First = true;
    for (unsigned N : Numbers) {
      Id += (First ? "" : ",") + std::to_string(N);
      First = false;
    }
  }
  return Id;
}

/// Adds the fix \p Other of the same expansion to \p Site: one direction
/// only when both name the same, every configuration either exists in, and
/// both fixes' programs.
static void mergeFix(FixedSiteEntry &Site, const FixedSiteEntry &Other) {
  if (Site.Direction != Other.Direction)
    Site.Direction.clear();
  if (Site.Configurations.empty() || Other.Configurations.empty())
    Site.Configurations.clear();
  else
    for (const std::string &Name : Other.Configurations)
      if (!llvm::is_contained(Site.Configurations, Name))
        Site.Configurations.push_back(Name);
  for (const std::string &Name : Other.Programs)
    if (!llvm::is_contained(Site.Programs, Name))
      Site.Programs.push_back(Name);
}

unsigned invocationEndLine(llvm::StringRef Text, unsigned Line,
                           unsigned Column) {
  unsigned Current = 1;
  size_t I = 0;
  for (; I < Text.size() && Current < Line; ++I)
    Current += Text[I] == '\n';
  for (unsigned C = 1; C < Column && I < Text.size() && Text[I] != '\n'; ++C)
    ++I;
  int Depth = 0;
  bool Opened = false;
  for (; I < Text.size(); ++I) {
    char C = Text[I];
    char Next = I + 1 < Text.size() ? Text[I + 1] : '\0';
    if (C == '\n') {
      ++Current;
    } else if (C == '/' && Next == '/') {
      I = Text.find('\n', I) - 1;
      if (I + 1 == llvm::StringRef::npos)
        break;
    } else if (C == '/' && Next == '*') {
      size_t End = Text.find("*/", I + 2);
      if (End == llvm::StringRef::npos)
        break;
      Current += llvm::count(Text.slice(I, End), '\n');
      I = End + 1;
    } else if (C == '"' || C == '\'') {
      for (++I; I < Text.size() && Text[I] != C && Text[I] != '\n'; ++I)
        if (Text[I] == '\\')
          ++I;
    } else if (C == '(') {
      ++Depth;
      Opened = true;
    } else if (C == ')' && Opened && --Depth == 0) {
      return Current;
    }
  }
  return Line;
}

std::vector<FixedSiteEntry>
fixedSitesFromFindings(const json::Object &Findings,
                       const TreePathMapper &InTree,
                       const FixedFileReader &ReadFixed) {
  const json::Array *All = Findings.getArray("findings");
  if (!All)
    return {};
  // The fix as one edit set: an edit several findings share is one edit.
  std::map<std::string, std::set<Edit>> EditsPerFile;
  for (const json::Value &V : *All)
    if (const json::Object *F = V.getAsObject();
        F && F->getBoolean("fixed").value_or(false))
      if (const json::Array *Fix = F->getArray("fix"))
        for (const json::Value &E : *Fix)
          if (std::optional<Edit> Parsed = editOf(E, InTree))
            EditsPerFile[Parsed->File].insert(*Parsed);

  // Lines added by the edits of File that end before the text at Offset
  // (or, without an offset, before line Line).
  auto Shift = [&](const std::string &File, std::optional<int64_t> Offset,
                   int64_t Line) {
    int64_t Added = 0;
    for (const Edit &E : EditsPerFile[File])
      if (Offset ? E.Offset < *Offset : E.EndLine < Line)
        Added += E.addedLines();
    return Added;
  };
  std::map<std::string, std::optional<std::string>> Texts;
  auto TextOf = [&](const std::string &File) -> std::optional<std::string> & {
    auto [It, New] = Texts.try_emplace(File);
    if (New)
      It->second = ReadFixed(File);
    return It->second;
  };

  std::vector<FixedSiteEntry> Sites;
  std::set<std::string> Seen;
  // Every return in one expansion of a macro notifies with the expansion's
  // __FILE_NAME__ and __LINE__, so its fixes are one site: the index of
  // each expansion's site, and per site the body lines fixed in it.
  std::map<std::string, size_t> ExpansionSites;
  std::map<size_t, BodyLineList> BodyLines;
  // The fixes proven at one notification further down are one site: the
  // index of each notification's site, and per site the lines edited.
  std::map<std::string, size_t> EffectSites;
  std::map<size_t, BodyLineList> EditLines;
  for (const json::Value &V : *All) {
    const json::Object *F = V.getAsObject();
    if (!F || !F->getBoolean("fixed").value_or(false))
      continue;
    const json::Array *Fix = F->getArray("fix");
    if (!Fix)
      continue;
    std::vector<std::string> Configurations;
    if (const json::Array *Names = F->getArray("configurations"))
      for (const json::Value &N : *Names)
        if (std::optional<llvm::StringRef> Name = N.getAsString())
          Configurations.push_back(Name->str());
    // Where the macro holding the fix is expanded, if it is in one, and
    // the function each expansion defines ("function 'x' is expanded here").
    struct Expansion {
      std::string File;
      int64_t Line;
      std::string Function;
    };
    std::vector<Expansion> Expansions;
    static const llvm::Regex Expanded("'([^']+)' is expanded here$");
    if (const json::Array *Notes = F->getArray("notes"))
      for (const json::Value &N : *Notes)
        if (const json::Object *Note = N.getAsObject()) {
          std::string Message = stringOf(*Note, "message");
          llvm::SmallVector<llvm::StringRef, 2> Match;
          if (Expanded.match(Message, &Match))
            Expansions.push_back({InTree(stringOf(*Note, "file")),
                                  Note->getInteger("line").value_or(0),
                                  Match[1].str()});
        }

    // A fix that shows at another line (`ret = invoke(...)`, notified by
    // the error block further down) is proven where its notes say.
    std::vector<Effect> Effects = effectsOf(*F, InTree);
    if (!Effects.empty()) {
      for (const json::Value &Value : *Fix)
        if (std::optional<Edit> E = editOf(Value, InTree))
          for (const Effect &At : Effects) {
            FixedSiteEntry Site;
            Site.File = At.File;
            Site.Line =
                unsigned(At.Line + Shift(At.File, std::nullopt, At.Line));
            Site.EndLine = Site.Line;
            if (std::optional<std::string> &Text = TextOf(At.File)) {
              Site.EndLine =
                  invocationEndLine(*Text, Site.Line, unsigned(At.Column));
              Site.Direction =
                  directionOf(linesOf(*Text, Site.Line, Site.EndLine));
            }
            Site.Configurations = Configurations;
            Site.Programs = programsOf(*F);
            std::string Where = At.File + ":" + std::to_string(At.Line);
            auto [It, New] = EffectSites.try_emplace(Where, Sites.size());
            if (New) {
              EditLines[Sites.size()] = {{E->File, {unsigned(E->Line)}}};
              Sites.push_back(std::move(Site));
            } else {
              mergeFix(Sites[It->second], Site);
              addBodyLine(EditLines[It->second], E->File, unsigned(E->Line));
            }
          }
      continue;
    }

    for (const json::Value &Value : *Fix) {
      std::optional<Edit> E = editOf(Value, InTree);
      if (!E)
        continue;
      FixedSiteEntry Site;
      Site.Id = E->File + ":" + std::to_string(E->Line);
      Site.File = E->File;
      Site.Line = unsigned(E->Line + Shift(E->File, E->Offset, E->Line));
      Site.EndLine = Site.Line + unsigned(llvm::count(E->Replacement, '\n'));
      Site.Direction = directionOf(E->Replacement);
      Site.Configurations = Configurations;
      Site.Programs = programsOf(*F);
      if (Expansions.empty()) {
        if (Seen.insert(Site.Id).second)
          Sites.push_back(std::move(Site));
        continue;
      }
      for (const auto &[File, Line, Function] : Expansions) {
        if (File.empty() || Line <= 0)
          continue;
        FixedSiteEntry At = Site;
        llvm::erase(At.Programs, Function);
        At.Programs.insert(At.Programs.begin(), Function);
        At.File = File;
        At.Line = unsigned(Line + Shift(File, std::nullopt, Line));
        At.EndLine = At.Line;
        if (std::optional<std::string> &Text = TextOf(File))
          At.EndLine = invocationEndLine(*Text, At.Line);
        std::string Where = File + ":" + std::to_string(Line);
        auto [It, New] = ExpansionSites.try_emplace(Where, Sites.size());
        if (New) {
          BodyLines[Sites.size()] = {{E->File, {unsigned(E->Line)}}};
          Sites.push_back(std::move(At));
        } else {
          mergeFix(Sites[It->second], At);
          addBodyLine(BodyLines[It->second], E->File, unsigned(E->Line));
        }
      }
    }
  }
  for (auto &[Where, Index] : ExpansionSites)
    Sites[Index].Id = bodyLinesId(BodyLines[Index]) + "@" + Where;
  for (auto &[Where, Index] : EffectSites)
    Sites[Index].Id = bodyLinesId(EditLines[Index]) + "=>" + Where;
  return Sites;
}

json::Value fixedSitesToJson(const std::vector<FixedSiteEntry> &Sites) {
  json::Array Array;
  for (const FixedSiteEntry &S : Sites) {
    json::Object O{{"id", S.Id},
                   {"file", S.File},
                   {"line", int64_t(S.Line)},
                   {"end_line", int64_t(S.EndLine)}};
    if (!S.Direction.empty())
      O["direction"] = S.Direction;
    if (!S.Configurations.empty())
      O["configurations"] = json::Array(S.Configurations);
    Array.push_back(std::move(O));
  }
  return json::Object{{"version", 1}, {"fixed_sites", std::move(Array)}};
}

} // namespace bpftidy
