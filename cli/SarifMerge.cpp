//===- SarifMerge.cpp -----------------------------------------------------===//

#include "cli/SarifMerge.h"
#include "cli/ExitCodes.h"
#include "support/OutputFile.h"
#include "support/CommandLineErrors.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include <map>
#include <set>

namespace json = llvm::json;
namespace cl = llvm::cl;

namespace bpftidy {

static llvm::Error fail(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

/// What makes two results one finding: the rule and the fingerprints
/// (which name the file), else the location.
static std::string identityOf(const json::Object &Result) {
  std::string Identity = Result.getString("ruleId").value_or("").str();
  if (const json::Object *Prints = Result.getObject("partialFingerprints")) {
    std::map<std::string, std::string> Sorted;
    for (const auto &[Key, Value] : *Prints)
      Sorted[Key.str()] = Value.getAsString().value_or("").str();
    for (const auto &[Key, Value] : Sorted)
      Identity += "\n" + Key + "=" + Value;
    return Identity;
  }
  if (const json::Value *Locations = Result.get("locations"))
    Identity += "\n" + llvm::formatv("{0}", *Locations).str();
  return Identity;
}

/// Adds \p From's configurations to \p Into's, keeping their order and
/// each once.
static void mergeConfigurations(json::Object &Into, const json::Object &From) {
  json::Object *IntoProperties = Into.getObject("properties");
  const json::Object *FromProperties = From.getObject("properties");
  if (!IntoProperties || !FromProperties)
    return;
  json::Array *Configurations = IntoProperties->getArray("configurations");
  const json::Array *More = FromProperties->getArray("configurations");
  if (!Configurations || !More)
    return;
  std::set<std::string> Seen;
  for (const json::Value &C : *Configurations)
    Seen.insert(C.getAsString().value_or("").str());
  for (const json::Value &C : *More)
    if (Seen.insert(C.getAsString().value_or("").str()).second)
      Configurations->push_back(C);
}

namespace {
/// The parts of one report's run the merge reads.
struct RunParts {
  json::Object *Run;
  json::Object *Driver;
  json::Array *Rules;
  json::Array *Results;
};
} // namespace

static llvm::Expected<RunParts> partsOf(json::Value &Report,
                                        llvm::StringRef Name) {
  auto NotOurs = [&](llvm::StringRef Why) {
    return fail("'" + Name + "' is not a SARIF report of bpf-tidy: " + Why);
  };
  json::Object *Top = Report.getAsObject();
  if (!Top || Top->getString("version") != "2.1.0")
    return NotOurs("not SARIF 2.1.0");
  json::Array *Runs = Top->getArray("runs");
  if (!Runs || Runs->size() != 1 || !(*Runs)[0].getAsObject())
    return NotOurs("not exactly one run");
  RunParts Parts;
  Parts.Run = (*Runs)[0].getAsObject();
  json::Object *Tool = Parts.Run->getObject("tool");
  Parts.Driver = Tool ? Tool->getObject("driver") : nullptr;
  if (!Parts.Driver || Parts.Driver->getString("name") != "bpf-tidy")
    return NotOurs("its tool is not bpf-tidy");
  Parts.Rules = Parts.Driver->getArray("rules");
  Parts.Results = Parts.Run->getArray("results");
  if (!Parts.Rules || !Parts.Results)
    return NotOurs("no rules or no results");
  return Parts;
}

llvm::Expected<json::Value>
mergeSarifReports(std::vector<json::Value> Reports,
                  const std::vector<std::string> &Names) {
  if (Reports.empty())
    return fail("no SARIF report to merge");
  std::vector<RunParts> Runs;
  for (size_t I = 0; I < Reports.size(); ++I) {
    auto Parts = partsOf(Reports[I], Names[I]);
    if (!Parts)
      return Parts.takeError();
    Runs.push_back(*Parts);
  }
  // The first report is the frame; the others must agree with it.
  RunParts &First = Runs.front();
  for (size_t I = 1; I < Runs.size(); ++I) {
    auto Differs = [&](llvm::StringRef What, const json::Value *A,
                       const json::Value *B) -> llvm::Error {
      if ((A == nullptr) != (B == nullptr) || (A && *A != *B))
        return fail("'" + Names[I] + "' and '" + Names[0] +
                    "' differ in their " + What +
                    "; merge only the shards of one run");
      return llvm::Error::success();
    };
    if (llvm::Error E =
            Differs("bpf-tidy version", First.Driver->get("version"),
                    Runs[I].Driver->get("version")))
      return std::move(E);
    if (llvm::Error E = Differs("root (originalUriBaseIds)",
                                First.Run->get("originalUriBaseIds"),
                                Runs[I].Run->get("originalUriBaseIds")))
      return std::move(E);
  }

  json::Array Rules;
  std::map<std::string, size_t> RuleIndex;
  json::Array Results;
  std::map<std::string, size_t> ResultIndex;
  json::Array Notifications;
  std::set<std::string> SeenNotifications;
  bool Successful = true;
  for (RunParts &Run : Runs) {
    for (json::Value &Rule : *Run.Rules) {
      const json::Object *O = Rule.getAsObject();
      std::string Id = O ? O->getString("id").value_or("").str() : "";
      if (RuleIndex.emplace(Id, Rules.size()).second)
        Rules.push_back(std::move(Rule));
    }
    for (json::Value &Value : *Run.Results) {
      json::Object *Result = Value.getAsObject();
      if (!Result)
        continue;
      std::string Rule = Result->getString("ruleId").value_or("").str();
      if (auto It = RuleIndex.find(Rule); It != RuleIndex.end())
        (*Result)["ruleIndex"] = int64_t(It->second);
      auto [It, New] = ResultIndex.emplace(identityOf(*Result), Results.size());
      if (New)
        Results.push_back(std::move(Value));
      else
        mergeConfigurations(*Results[It->second].getAsObject(), *Result);
    }
    if (json::Array *Invocations = Run.Run->getArray("invocations"))
      for (json::Value &Invocation : *Invocations) {
        json::Object *O = Invocation.getAsObject();
        if (!O)
          continue;
        Successful &= O->getBoolean("executionSuccessful").value_or(false);
        if (json::Array *Notes = O->getArray("toolExecutionNotifications"))
          for (json::Value &Note : *Notes)
            if (SeenNotifications.insert(llvm::formatv("{0}", Note).str())
                    .second)
              Notifications.push_back(std::move(Note));
      }
  }

  (*First.Driver)["rules"] = std::move(Rules);
  (*First.Run)["results"] = std::move(Results);
  (*First.Run)["invocations"] = json::Array{
      json::Object{{"executionSuccessful", Successful},
                   {"toolExecutionNotifications", std::move(Notifications)}}};
  return std::move(Reports.front());
}

static const char Overview[] = R"(
Merges the SARIF reports of a run's shards (--shard K/N --format=sarif)
into one report, for one code-scanning upload (docs/ci.md, "Shards"): a
finding reported by several shards (the same rule and fingerprint) is one
result with the union of their configurations; the invocation failed if
one shard's did.

  bpf-tidy merge-sarif [--output FILE] SHARD.sarif...

Exit codes: 0 merged; 2 a report that cannot be read, is not bpf-tidy's
SARIF, or comes from another version or root.
)";

namespace {
struct MergeSarifFlags {
  MergeSarifFlags() { cl::HideUnrelatedOptions(Category, Sub); }

  cl::SubCommand Sub{"merge-sarif",
                     "Merge the SARIF reports of a run's shards into one"};
  cl::OptionCategory Category{"merge-sarif options"};
  cl::opt<std::string> Output{
      "output", cl::desc("Write the merged report here (default: stdout)"),
      cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)};
  cl::list<std::string> Inputs{cl::Positional, cl::desc("<shard.sarif>..."),
                               cl::sub(Sub), cl::cat(Category)};
};
} // namespace

static MergeSarifFlags &mergeSarifFlags() {
  static MergeSarifFlags Flags;
  return Flags;
}

void registerMergeSarifSubcommand() { mergeSarifFlags(); }

int mergeSarifMain(int Argc, const char **Argv) {
  auto Error = [](const llvm::Twine &Why) {
    llvm::WithColor::error(llvm::errs(), "bpf-tidy merge-sarif") << Why << "\n";
    return ExitUsage;
  };
  MergeSarifFlags &F = mergeSarifFlags();
  if (llvm::Error E = parseCommandLine(
          llvm::ArrayRef<const char *>(Argv, Argv + Argc), Overview, F.Sub))
    return Error(llvm::toString(std::move(E)));
  if (F.Inputs.empty())
    return Error("give the shards' SARIF reports (see merge-sarif --help)");
  std::vector<json::Value> Reports;
  std::vector<std::string> Names(F.Inputs.begin(), F.Inputs.end());
  for (const std::string &Name : Names) {
    auto Buffer = llvm::MemoryBuffer::getFile(Name);
    if (!Buffer)
      return Error("cannot read '" + Name +
                   "': " + Buffer.getError().message());
    auto Parsed = json::parse((*Buffer)->getBuffer());
    if (!Parsed)
      return Error("'" + Name +
                   "' is not JSON: " + llvm::toString(Parsed.takeError()));
    Reports.push_back(std::move(*Parsed));
  }
  auto Merged = mergeSarifReports(std::move(Reports), Names);
  if (!Merged)
    return Error(llvm::toString(Merged.takeError()));
  std::string WriteError;
  if (!writeOutput(
          "--output", F.Output,
          [&](llvm::raw_ostream &OS) {
            OS << llvm::formatv("{0:2}", *Merged) << "\n";
          },
          WriteError))
    return Error(WriteError);
  return ExitClean;
}

} // namespace bpftidy
