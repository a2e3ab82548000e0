//===- Audit.cpp ----------------------------------------------------------===//

#include "audit/Audit.h"
#include "audit/IrCompiler.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include <set>
#include <tuple>

namespace bpftidy::audit {

unsigned ProgramAudit::unknownCount() const {
  unsigned Count = 0;
  for (const ReturnedValue &R : Returns)
    Count += !R.Known;
  return Count;
}

bool SiteRef::operator<(const SiteRef &Other) const {
  return std::tie(File, Line, Column, Function) <
         std::tie(Other.File, Other.Line, Other.Column, Other.Function);
}

bool AuditResult::anyUnitFailed() const {
  for (const UnitAudit &U : Units)
    if (!U.Errors.empty())
      return true;
  return false;
}

static UnitAudit auditUnit(const AnalysisUnit &Unit,
                           const AuditOptions &Options) {
  CheckConfiguration Configuration{/*Enabled=*/true, Options.Options};
  if (auto It = Options.Configurations.find(Unit.File);
      It != Options.Configurations.end())
    Configuration = It->second;
  // Each unit its own classifier: its pattern caches are not shared
  // between threads.
  ProgramClassifier Classifier(Configuration.Options);
  UnitAudit Audit;
  Audit.Unit = Unit;
  CompileOptions Compile;
  Compile.Options = Configuration.Options;
  Compile.SourceAnalysis = Options.CrossCheck && Configuration.Enabled;
  CompiledUnit Compiled = compileToIr(Unit, Compile);
  Audit.Errors = std::move(Compiled.Errors);
  if (!Compiled.Module)
    return Audit;
  if (!Options.SaveIrDirectory.empty()) {
    llvm::SmallString<256> Path(Options.SaveIrDirectory);
    llvm::sys::path::append(Path, Unit.Configuration + "." +
                                      llvm::sys::path::filename(Unit.File) +
                                      ".ll");
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
    if (EC)
      Audit.Errors =
          "cannot write '" + Path.str().str() + "': " + EC.message() + "\n";
    else
      Compiled.Module->print(OS, nullptr);
  }
  Audit.ReasonNames = std::move(Compiled.ReasonNames);
  Audit.SourceFindings = std::move(Compiled.SourceFindings);
  for (Program &P : findPrograms(*Compiled.Module, Classifier)) {
    ProgramAudit PA;
    PA.Name = P.Name;
    PA.Info = P.Info;
    PA.Type = P.Type;
    PA.Returns = returnValues(*P.Function, P.Type);
    Audit.Programs.push_back(std::move(PA));
  }
  return Audit;
}

std::vector<BareExit> bareExitsOf(const UnitAudit &Unit) {
  std::vector<BareExit> Exits;
  for (const ProgramAudit &P : Unit.Programs) {
    std::map<int64_t, std::vector<SourceChain>> EdgesByValue;
    for (const ReturnedValue &R : P.Returns)
      if (R.Known && R.Value < -1 && !isValidVerdict(P.Type, R.Value)) {
        // Edges merged into one block of the same place say it once.
        std::vector<SourceChain> &Edges = EdgesByValue[R.Value];
        if (llvm::find(Edges, R.Where) == Edges.end())
          Edges.push_back(R.Where);
      }
    // Closest to zero first, as drop reason tables are written.
    for (auto It = EdgesByValue.rbegin(); It != EdgesByValue.rend(); ++It) {
      BareExit Exit;
      Exit.Configuration = Unit.Unit.Configuration;
      Exit.File = Unit.Unit.File;
      Exit.Program = P.Name;
      Exit.Info = P.Info;
      Exit.Type = P.Type;
      Exit.Value = It->first;
      if (auto Names = Unit.ReasonNames.find(It->first);
          Names != Unit.ReasonNames.end())
        Exit.Reasons = Names->second;
      Exit.Edges = std::move(It->second);
      Exits.push_back(std::move(Exit));
    }
  }
  return Exits;
}

static SiteRef siteOf(const SourceFinding &F) {
  return SiteRef{F.File, F.Line, F.Column, F.Function, F.Silenced};
}

void crossCheck(AuditResult &Result) {
  Result.CrossChecked = true;
  // (configuration, file, program, reason) -> the findings saying so.
  std::map<std::tuple<std::string, std::string, std::string, int64_t>,
           std::set<SiteRef>>
      Explains;
  std::map<SiteRef, UnconfirmedFinding> Findings;
  for (const UnitAudit &U : Result.Units) {
    for (const SourceFinding &F : U.SourceFindings) {
      UnconfirmedFinding &Entry = Findings[siteOf(F)];
      Entry.Site = siteOf(F);
      for (const std::string &Program : F.Programs) {
        if (llvm::find(Entry.Programs, Program) == Entry.Programs.end())
          Entry.Programs.push_back(Program);
        for (int64_t Reason : F.Reasons)
          Explains[{U.Unit.Configuration, U.Unit.File, Program, Reason}].insert(
              siteOf(F));
      }
      for (int64_t Reason : F.Reasons)
        if (llvm::find(Entry.Reasons, Reason) == Entry.Reasons.end())
          Entry.Reasons.push_back(Reason);
      if (llvm::find(Entry.Configurations, U.Unit.Configuration) ==
          Entry.Configurations.end())
        Entry.Configurations.push_back(U.Unit.Configuration);
    }
  }
  std::set<SiteRef> Confirmed;
  for (BareExit &Exit : Result.BareExits) {
    auto It = Explains.find(
        {Exit.Configuration, Exit.File, Exit.Program, Exit.Value});
    if (It == Explains.end())
      continue;
    Exit.ExplainedBy.assign(It->second.begin(), It->second.end());
    Confirmed.insert(It->second.begin(), It->second.end());
  }
  for (auto &[Site, Finding] : Findings)
    if (!Confirmed.count(Site)) {
      llvm::sort(Finding.Reasons, std::greater<int64_t>());
      Result.Unconfirmed.push_back(std::move(Finding));
    }
}

AuditResult runAudit(const std::vector<AnalysisUnit> &Units,
                     const AuditOptions &Options) {
  AuditResult Result;
  for (const AnalysisUnit &U : Units)
    if (llvm::find(Result.Configurations, U.Configuration) ==
        Result.Configurations.end())
      Result.Configurations.push_back(U.Configuration);

  Result.Units.resize(Units.size());
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Options.Jobs));
    for (size_t I = 0; I < Units.size(); ++I)
      Pool.async([&, I] { Result.Units[I] = auditUnit(Units[I], Options); });
    Pool.wait();
  }
  for (const UnitAudit &U : Result.Units) {
    std::vector<BareExit> Exits = bareExitsOf(U);
    Result.BareExits.insert(Result.BareExits.end(),
                            std::make_move_iterator(Exits.begin()),
                            std::make_move_iterator(Exits.end()));
  }
  if (Options.CrossCheck)
    crossCheck(Result);
  return Result;
}

} // namespace bpftidy::audit
