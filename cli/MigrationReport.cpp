//===- MigrationReport.cpp ------------------------------------------------===//

#include "cli/MigrationReport.h"
#include "analyzer/core/NoteReason.h"
#include "support/Counted.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>

namespace json = llvm::json;

namespace bpftidy {

/// Failures listed in full; the rest are counted.
static constexpr size_t FailuresShown = 10;

/// Text fit for a table cell: one line, no column separators.
static std::string cell(llvm::StringRef Text) {
  std::string Result;
  for (char C : Text) {
    if (C == '|')
      Result += "\\|";
    else if (C == '\n' || C == '\t')
      Result += ' ';
    else
      Result += C;
  }
  return Result;
}

static llvm::StringRef stringOf(const json::Object &O, llvm::StringRef Key) {
  if (std::optional<llvm::StringRef> S = O.getString(Key))
    return *S;
  return "";
}

static int64_t integerOf(const json::Object *O, llvm::StringRef Key) {
  if (!O)
    return 0;
  return O->getInteger(Key).value_or(0);
}

/// Why a finding was not fixed: the reason the fix was withheld, else the
/// check's notes saying so, else its notes.
static std::string whyUnfixed(const json::Object &Finding) {
  if (llvm::StringRef Withheld = stringOf(Finding, "fix_withheld");
      !Withheld.empty())
    return Withheld.str();
  std::vector<std::string> NoFix, Other;
  if (const json::Array *Notes = Finding.getArray("notes"))
    for (const json::Value &N : *Notes)
      if (const json::Object *Note = N.getAsObject()) {
        llvm::StringRef Text = stringOf(*Note, "message");
        llvm::StringRef Reason = stringOf(*Note, "reason");
        if (Reason == noteReasonName(NoteReason::Configurations))
          continue;
        (Reason == noteReasonName(NoteReason::NoFix) ? NoFix : Other)
            .push_back(Text.str());
      }
  const std::vector<std::string> &Reasons = NoFix.empty() ? Other : NoFix;
  if (Reasons.empty()) {
    const json::Array *Fix = Finding.getArray("fix");
    return Fix && !Fix->empty() ? "its edit was refused (see the log)"
                                : "the check proposes no fix for this site";
  }
  return llvm::join(Reasons, "; ");
}

static void writeFindings(llvm::raw_ostream &OS, const json::Object *Report) {
  const json::Array *Findings = Report ? Report->getArray("findings") : nullptr;
  std::map<std::pair<std::string, std::string>, unsigned> FixedPerFile;
  std::vector<const json::Object *> Unfixed;
  unsigned Total = 0, Fixed = 0;
  if (Findings)
    for (const json::Value &V : *Findings) {
      const json::Object *F = V.getAsObject();
      if (!F || stringOf(*F, "check").starts_with("clang-"))
        continue;
      ++Total;
      if (F->getBoolean("fixed").value_or(false)) {
        ++Fixed;
        ++FixedPerFile[{stringOf(*F, "check").str(),
                        stringOf(*F, "file").str()}];
      } else {
        Unfixed.push_back(F);
      }
    }

  OS << "## Fixed\n\n";
  OS << Fixed << " of " << Total << (Total == 1 ? " finding" : " findings")
     << " fixed.\n\n";
  if (!FixedPerFile.empty()) {
    OS << "| check | file | sites fixed |\n| --- | --- | ---: |\n";
    for (const auto &[Key, Count] : FixedPerFile)
      OS << "| `" << cell(Key.first) << "` | `" << cell(Key.second) << "` | "
         << Count << " |\n";
    OS << "\n";
  }

  OS << "## Left unfixed\n\n";
  if (Unfixed.empty()) {
    OS << "Nothing: every finding was fixed.\n\n";
    return;
  }
  OS << "| site | check | finding | why not fixed |\n| --- | --- | --- | --- "
        "|\n";
  for (const json::Object *F : Unfixed)
    OS << "| `"
       << cell(llvm::formatv("{0}:{1}:{2}", stringOf(*F, "file"),
                             integerOf(F, "line"), integerOf(F, "column"))
                   .str())
       << "` | `" << cell(stringOf(*F, "check")) << "` | "
       << cell(stringOf(*F, "message")) << " | " << cell(whyUnfixed(*F))
       << " |\n";
  OS << "\n";
}

/// Instructions the verifier processed over all programs of one side.
static int64_t verifierCost(const json::Object &Verify, llvm::StringRef Side) {
  int64_t Sum = 0;
  if (const json::Array *Costs = Verify.getArray("costs"))
    for (const json::Value &C : *Costs)
      if (const json::Object *Cost = C.getAsObject())
        Sum += integerOf(Cost->getObject(Side), "insns");
  return Sum;
}

static int64_t treeValue(const json::Object &Verify, llvm::StringRef Label,
                         llvm::StringRef Key) {
  if (const json::Array *Trees = Verify.getArray("trees"))
    for (const json::Value &T : *Trees)
      if (const json::Object *Tree = T.getAsObject())
        if (stringOf(*Tree, "label") == Label)
          return integerOf(Tree, Key);
  return 0;
}

static void writeProof(llvm::raw_ostream &OS, const MigrationFacts &Facts) {
  OS << "## Proof: build, load, run (`bpf-tidy verify`)\n\n";
  if (!Facts.Verify) {
    OS << (Facts.VerifyExit < 0
               ? "The verify loop did not run.\n\n"
               : "The verify loop wrote no report (exit code " +
                     std::to_string(Facts.VerifyExit) +
                     "); see its output.\n\n");
    return;
  }
  const json::Object &V = *Facts.Verify;
  const json::Object *Summary = V.getObject("summary");
  int64_t CostBefore = verifierCost(V, "before"),
          CostAfter = verifierCost(V, "after");
  std::string Growth;
  if (CostBefore)
    Growth = llvm::formatv(" ({0}{1:F1}%)", CostAfter >= CostBefore ? "+" : "",
                           100.0 * (CostAfter - CostBefore) / CostBefore)
                 .str();
  OS << "| | before | after |\n| --- | ---: | ---: |\n";
  auto Row = [&](llvm::StringRef Name, llvm::StringRef Key) {
    OS << "| " << Name << " | " << integerOf(Summary, (Key + "_before").str())
       << " | " << integerOf(Summary, (Key + "_after").str()) << " |\n";
  };
  Row("configurations built", "configurations_built");
  Row("programs loaded", "programs_loaded");
  OS << "| verifier cost (instructions processed) | " << CostBefore << " | "
     << CostAfter << Growth << " |\n";
  OS << "| packets run | " << treeValue(V, "before", "packets_run") << " | "
     << treeValue(V, "after", "packets_run") << " |\n";
  Row("drops notified", "drops_notified");
  OS << "\n";

  if (std::optional<llvm::StringRef> Skipped = V.getString("skipped"))
    OS << "**Not loaded:** " << *Skipped << "\n\n";
  OS << "Intended sites: " << integerOf(Summary, "sites_proven") << " proven, "
     << integerOf(Summary, "sites_not_fixed_yet")
     << " not fixed by the tool yet, " << integerOf(Summary, "sites_unverified")
     << " unverified, " << integerOf(Summary, "sites_failed") << " failed (of "
     << integerOf(Summary, "sites") << ").\n\n";

  const json::Array *Failures = V.getArray("failures");
  size_t FailureCount = Failures ? Failures->size() : 0;
  OS << "Verify: "
     << (Facts.VerifyExit == 0    ? "**passed**"
         : Facts.VerifyExit == 77 ? "**not loaded** (no privilege to load BPF)"
                                  : "**failed**")
     << " (exit code " << Facts.VerifyExit << "), " << FailureCount
     << (FailureCount == 1 ? " failure" : " failures") << ".\n\n";
  for (size_t I = 0; I < FailureCount && I < FailuresShown; ++I)
    if (const json::Object *F = (*Failures)[I].getAsObject())
      OS << "- [" << stringOf(*F, "stage") << "] "
         << cell(stringOf(*F, "message")) << "\n";
  if (FailureCount > FailuresShown)
    OS << "- ... and " << FailureCount - FailuresShown << " more\n";
  if (FailureCount)
    OS << "\n";
}

/// verify's checks of one fixed site, per configuration.
struct FixedSiteResults {
  std::map<std::string, const json::Object *> PerConfiguration;
};

/// The "before" tree's packet runs per configuration and program, and the
/// programs the "after" tree loaded per configuration, by function name
/// (a program is named by its section or its function).
struct RunFacts {
  std::map<std::pair<std::string, std::string>, unsigned> Runs;
  std::map<std::pair<std::string, std::string>, std::set<std::string>>
      ProgramsOfFunction;
  std::set<std::string> Configurations;
};

static RunFacts runFacts(const json::Object &Verify) {
  RunFacts Facts;
  if (const json::Array *Trees = Verify.getArray("trees"))
    for (const json::Value &T : *Trees) {
      const json::Object *Tree = T.getAsObject();
      if (!Tree)
        continue;
      if (stringOf(*Tree, "label") == "before")
        if (const json::Array *Runs = Tree->getArray("runs"))
          for (const json::Value &R : *Runs)
            if (const json::Object *Run = R.getAsObject())
              ++Facts.Runs[{stringOf(*Run, "configuration").str(),
                            stringOf(*Run, "program").str()}];
      if (stringOf(*Tree, "label") == "after")
        if (const json::Array *Programs = Tree->getArray("programs"))
          for (const json::Value &P : *Programs)
            if (const json::Object *Program = P.getAsObject()) {
              std::string Config = stringOf(*Program, "configuration").str();
              std::string Name = stringOf(*Program, "program").str();
              Facts.Configurations.insert(Config);
              Facts.ProgramsOfFunction[{Config, Name}].insert(Name);
              Facts
                  .ProgramsOfFunction[{Config,
                                       stringOf(*Program, "function").str()}]
                  .insert(Name);
            }
    }
  return Facts;
}

/// Why no packet reached \p Site in \p Configuration, from what verify ran.
static std::string whyNotReached(const FixedSiteEntry &Site,
                                 llvm::StringRef Configuration, bool Checked,
                                 const RunFacts &Facts) {
  if (!Checked)
    return Facts.Configurations.count(Configuration.str())
               ? "its configuration did not build, load or run in both "
                 "trees (see the failures)"
               : "its configuration loaded no program";
  std::set<std::string> Loaded;
  for (const std::string &Function : Site.Programs) {
    auto It = Facts.ProgramsOfFunction.find({Configuration.str(), Function});
    if (It != Facts.ProgramsOfFunction.end())
      Loaded.insert(It->second.begin(), It->second.end());
  }
  if (Loaded.empty())
    return "none of the programs that reach it (`" +
           llvm::join(Site.Programs, "`, `") + "`) was loaded";
  std::vector<std::string> Ran;
  for (const std::string &Program : Loaded) {
    auto It = Facts.Runs.find({Configuration.str(), Program});
    if (It != Facts.Runs.end())
      Ran.push_back(
          llvm::formatv("{0} packets through `{1}`", It->second, Program)
              .str());
  }
  if (Ran.empty())
    return "no packet ran through `" + llvm::join(Loaded, "`, `") +
           "` (entered only by tail calls)";
  return "no packet of the corpus takes this path (" + llvm::join(Ran, ", ") +
         " ran)";
}

/// Per program, the fixed sites a packet reached (proven or failed, in
/// which configurations) and those none reached, with why.
static void writeFixedSites(llvm::raw_ostream &OS,
                            const MigrationFacts &Facts) {
  if (!Facts.FixedSites || Facts.FixedSites->empty() || !Facts.Verify)
    return;
  std::map<std::string, FixedSiteResults> Results;
  if (const json::Array *Checks = Facts.Verify->getArray("fixed_sites"))
    for (const json::Value &V : *Checks)
      if (const json::Object *C = V.getAsObject())
        Results[stringOf(*C, "id").str()]
            .PerConfiguration[stringOf(*C, "configuration").str()] = C;
  RunFacts Runs = runFacts(*Facts.Verify);
  std::vector<std::string> AllConfigurations;
  if (const json::Array *Names = Facts.Verify->getArray("configurations"))
    for (const json::Value &N : *Names)
      if (std::optional<llvm::StringRef> Name = N.getAsString())
        AllConfigurations.push_back(Name->str());

  struct Row {
    std::string Site, Proven, Failed, NotReached;
  };
  std::map<std::string, std::vector<Row>> PerProgram;
  unsigned Proven = 0, Failed = 0, NotReached = 0;
  for (const FixedSiteEntry &Site : *Facts.FixedSites) {
    const FixedSiteResults &R = Results[Site.Id];
    std::set<std::string> Programs;
    std::vector<std::string> ProvenIn, FailedIn, Missed;
    const std::vector<std::string> &Configurations =
        Site.Configurations.empty() ? AllConfigurations : Site.Configurations;
    for (const std::string &Config : Configurations) {
      auto It = R.PerConfiguration.find(Config);
      llvm::StringRef Status =
          It == R.PerConfiguration.end() ? "" : stringOf(*It->second, "status");
      if (Status == "proven" || Status == "failed") {
        (Status == "proven" ? ProvenIn : FailedIn).push_back(Config);
        if (const json::Array *Packets = It->second->getArray("packets"))
          for (const json::Value &P : *Packets)
            if (std::optional<llvm::StringRef> Run = P.getAsString())
              Programs.insert(Run->split(": ").first.str());
        continue;
      }
      Missed.push_back(
          "`" + Config + "`: " +
          whyNotReached(Site, Config, It != R.PerConfiguration.end(), Runs));
    }
    Proven += !ProvenIn.empty() && FailedIn.empty();
    Failed += !FailedIn.empty();
    NotReached += ProvenIn.empty() && FailedIn.empty();
    if (Programs.empty())
      Programs.insert(Site.Programs.empty() ? "?" : Site.Programs.front());
    auto Names = [](const std::vector<std::string> &List) {
      return List.empty() ? std::string("-")
                          : "`" + llvm::join(List, "`, `") + "`";
    };
    Row Line{Site.Id + " (" + Site.File + ":" + std::to_string(Site.Line) + ")",
             Names(ProvenIn), Names(FailedIn),
             Missed.empty() ? "-" : llvm::join(Missed, "; ")};
    for (const std::string &Program : Programs)
      PerProgram[Program].push_back(Line);
  }

  OS << "## Fixed sites: reached by a packet or not\n\n";
  OS << counted(Facts.FixedSites->size(), "fixed site")
     << " (where the fix wrote a "
     << "notification, handed to verify as `--fixed-sites`): " << Proven
     << " reached and proven, " << Failed << " failed, " << NotReached
     << " reached by no packet.\n\n";
  OS << "| program | fixed site (line after the fix) | proven in | failed in "
        "| not reached in (why) |\n| --- | --- | --- | --- | --- |\n";
  for (const auto &[Program, Rows] : PerProgram)
    for (const Row &R : Rows)
      OS << "| `" << cell(Program) << "` | `" << cell(R.Site) << "` | "
         << cell(R.Proven) << " | " << cell(R.Failed) << " | "
         << cell(R.NotReached) << " |\n";
  OS << "\n";
}

std::string migrationReportMarkdown(const MigrationFacts &Facts) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "# bpf-tidy migration: bare drop returns\n\n";
  OS << "Tree `" << Facts.Tree << "`, configuration list `"
     << Facts.ConfigurationList << "`";
  if (Facts.Findings)
    if (const json::Array *Configurations =
            Facts.Findings->getArray("configurations")) {
      OS << " (" << Configurations->size()
         << (Configurations->size() == 1 ? " configuration"
                                         : " configurations");
      for (size_t I = 0; I < Configurations->size(); ++I)
        if (std::optional<llvm::StringRef> Name =
                (*Configurations)[I].getAsString())
          OS << (I ? ", `" : ": `") << *Name << "`";
      OS << ")";
    }
  OS << ".\n\n";
  writeFindings(OS, Facts.Findings);
  writeProof(OS, Facts);
  writeFixedSites(OS, Facts);
  OS << "## Review\n\nThe migration is one diff: `git diff -- " << Facts.Tree
     << "`.\n";
  return Text;
}

} // namespace bpftidy
