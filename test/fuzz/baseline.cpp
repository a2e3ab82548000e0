//===- baseline.cpp - fuzz the baseline reader ----------------------------===//
//
// docs/ci.md, baselines. Invariants: an error names the baseline; every entry
// of a baseline that reads stands for exactly one finding: the finding it
// describes matches it, once.
//
//===----------------------------------------------------------------------===//

#include "cli/Baseline.h"
#include "FuzzCheck.h"
#include "llvm/Support/JSON.h"

using namespace bpftidy;
namespace json = llvm::json;

/// The finding an entry of the baseline describes, if the entry names a
/// file of the baseline's own directory and is complete.
static std::optional<FindingRecord> describedFinding(const json::Value &Entry,
                                                     llvm::StringRef Dir) {
  const json::Object *O = Entry.getAsObject();
  if (!O)
    return std::nullopt;
  auto File = O->getString("file"), Check = O->getString("check"),
       Function = O->getString("function"),
       Statement = O->getString("statement");
  std::optional<int64_t> Occurrence = O->getInteger("occurrence");
  if (!File || !Check || !Function || !Statement || !Occurrence ||
      File->empty() || *File == "." || *File == ".." ||
      File->find_first_of(llvm::StringRef("/\0", 2)) != llvm::StringRef::npos)
    return std::nullopt;
  FindingRecord F;
  F.Check = Check->str();
  F.Where.File = (Dir + "/" + *File).str();
  F.Context.Function = Function->str();
  F.Context.Statement = Statement->str();
  F.Context.Occurrence = unsigned(*Occurrence);
  FUZZ_CHECK(*Occurrence >= 0 && *Occurrence <= UINT32_MAX,
             "an occurrence no finding has was read: " +
                 std::to_string(*Occurrence));
  return F;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const std::string &Dir = fuzz::scratchDirectory();
  std::string Path = Dir + "/baseline.json";
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    FUZZ_CHECK(!EC, "cannot write " + Path);
    OS << fuzz::asText(Data, Size);
  }
  llvm::Expected<Baseline> Read = Baseline::read(Path);
  if (!Read) {
    std::string Message = llvm::toString(Read.takeError());
    FUZZ_CHECK(
        llvm::StringRef(Message).starts_with("baseline '" + Path + "': ") &&
            Message.size() > Path.size() + 14,
        "an error that does not name the baseline: " + Message);
    return 0;
  }
  // The reader accepted it, so it is JSON with a findings array.
  json::Value Root = llvm::cantFail(json::parse(fuzz::asText(Data, Size)));
  const json::Array &Entries = *Root.getAsObject()->getArray("findings");
  size_t Unmatched = Read->unmatched();
  FUZZ_CHECK(Unmatched <= Entries.size(), "more keys than entries");
  std::set<
      std::tuple<std::string, std::string, std::string, std::string, unsigned>>
      Seen;
  for (const json::Value &Entry : Entries) {
    std::optional<FindingRecord> F = describedFinding(Entry, Dir);
    if (!F)
      continue;
    bool First = Seen.emplace(F->Where.File, F->Check, F->Context.Function,
                              F->Context.Statement, F->Context.Occurrence)
                     .second;
    FUZZ_CHECK(Read->match(*F) == First,
               First ? "an entry its own finding does not match"
                     : "an entry matched twice");
    if (First)
      FUZZ_CHECK(Read->unmatched() == --Unmatched, "unmatched() is off");
  }
  return 0;
}
