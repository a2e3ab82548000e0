//===- Baseline.cpp -------------------------------------------------------===//

#include "cli/Baseline.h"
#include "cli/RecordingFileSystem.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace json = llvm::json;

namespace bpftidy {

static constexpr int BaselineVersion = 1;

/// The absolute directory a baseline at \p Path names files from.
static std::string directoryOf(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  return canonicalPath(llvm::sys::path::parent_path(Absolute));
}

Baseline::Key Baseline::keyOf(const FindingRecord &F,
                              llvm::StringRef Directory) {
  return Key(relativePath(F.Where.File, Directory), F.Check, F.Context.Function,
             F.Context.Statement, F.Context.Occurrence);
}

llvm::Expected<Baseline> Baseline::read(llvm::StringRef Path) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "baseline '" + Path + "': " + Why);
  };
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return Fail("cannot read: " + Buffer.getError().message());
  auto Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Fail("not JSON: " + llvm::toString(Parsed.takeError()));
  const json::Object *Top = Parsed->getAsObject();
  if (!Top || Top->getInteger("version") != BaselineVersion)
    return Fail("not a bpf-tidy baseline (version " +
                llvm::Twine(BaselineVersion) + ")");
  const json::Array *Findings = Top->getArray("findings");
  if (!Findings)
    return Fail("missing 'findings' array");

  Baseline Result;
  Result.Directory = directoryOf(Path);
  for (const json::Value &Entry : *Findings) {
    const json::Object *O = Entry.getAsObject();
    auto Text = [&](llvm::StringRef Name) -> std::optional<std::string> {
      if (!O)
        return std::nullopt;
      if (auto S = O->getString(Name))
        return S->str();
      return std::nullopt;
    };
    auto File = Text("file"), Check = Text("check"),
         Function = Text("function"), Statement = Text("statement");
    std::optional<int64_t> Occurrence =
        O ? O->getInteger("occurrence") : std::nullopt;
    // An occurrence beyond unsigned would wrap onto another finding's.
    if (!File || !Check || !Function || !Statement || !Occurrence ||
        *Occurrence < 0 || *Occurrence > UINT32_MAX)
      return Fail("each finding needs 'file', 'check', 'function', "
                  "'statement' and 'occurrence'");
    Result.Keys.emplace(*File, *Check, *Function, *Statement,
                        unsigned(*Occurrence));
  }
  return Result;
}

bool Baseline::match(const FindingRecord &Finding) {
  Key K = keyOf(Finding, Directory);
  if (!Keys.count(K))
    return false;
  return Matched.insert(K).second;
}

std::string baselineText(llvm::StringRef Path,
                         const std::vector<FindingRecord> &Records) {
  std::string Directory = directoryOf(Path);
  json::Array Findings;
  for (const FindingRecord &F : Records) {
    if (F.isToolError())
      continue;
    auto [File, Check, Function, Statement, Occurrence] =
        Baseline::keyOf(F, Directory);
    // Line and message help a reader; matching ignores them.
    Findings.push_back(json::Object{{"file", File},
                                    {"check", Check},
                                    {"function", Function},
                                    {"statement", Statement},
                                    {"occurrence", Occurrence},
                                    {"line", F.Where.Line},
                                    {"message", F.Message}});
  }
  return llvm::formatv("{0:2}", json::Value(json::Object{
                                    {"version", BaselineVersion},
                                    {"tool", "bpf-tidy"},
                                    {"findings", std::move(Findings)}}))
             .str() +
         "\n";
}

} // namespace bpftidy
