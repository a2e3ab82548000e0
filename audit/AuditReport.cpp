//===- AuditReport.cpp ----------------------------------------------------===//

#include "audit/AuditReport.h"
#include "config/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <map>

namespace json = llvm::json;

namespace bpftidy::audit {

/// "1 bare exit", "2 bare exits".
static std::string count(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// \p Path below \p Base without it, else as it is.
static std::string shown(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::StringRef Rest = Path;
  if (!Base.empty() && Rest.consume_front(Base) &&
      (Base.ends_with("/") || Rest.consume_front("/")) && !Rest.empty())
    return Rest.str();
  return Path.str();
}

std::string describeValue(const BareExit &Exit) {
  std::string Text = std::to_string(Exit.Value);
  if (!Exit.Reasons.empty())
    Text += " (" + llvm::join(Exit.Reasons, ", ") + ")";
  return Text;
}

static std::string describeProgram(const BareExit &Exit) {
  return (ProgramClassifier::describe(Exit.Info.Kind) + " '" + Exit.Program +
          "'")
      .str();
}

static std::string describeChain(const SourceChain &Chain,
                                 llvm::StringRef Base) {
  if (Chain.empty())
    return "an edge debug info keeps no location for";
  std::string Text;
  for (size_t I = 0; I < Chain.size(); ++I) {
    const SourceFrame &F = Chain[I];
    Text += I == 0 ? "" : ", inlined at ";
    Text += llvm::formatv("{0}:{1}:{2} ({3})", shown(F.File, Base), F.Line,
                          F.Column, F.Function)
                .str();
  }
  return Text;
}

static std::string message(const BareExit &Exit) {
  return llvm::formatv("{0} can return {1} to the kernel in configuration "
                       "'{2}': no {3} verdict, a drop nobody notified",
                       describeProgram(Exit), describeValue(Exit),
                       Exit.Configuration, programTypeName(Exit.Type))
      .str();
}

/// " (silenced there by NOLINT)" for a finding NOLINT silences.
static llvm::StringRef silencedNote(const SiteRef &S) {
  return S.Silenced ? " (silenced there by NOLINT)" : "";
}

static std::string explanation(const BareExit &Exit, llvm::StringRef Base) {
  if (Exit.ExplainedBy.empty())
    return "not explained by the source analysis";
  std::vector<std::string> Sites;
  for (const SiteRef &S : Exit.ExplainedBy)
    Sites.push_back(llvm::formatv("{0}:{1}:{2}{3}", shown(S.File, Base), S.Line,
                                  S.Column, silencedNote(S))
                        .str());
  return "explained by the source finding at " + llvm::join(Sites, ", ");
}

/// Per configuration: programs, bare exits, unknown return values.
struct ConfigurationCounts {
  unsigned Programs = 0, BareExits = 0, Unknown = 0;
};

static std::map<std::string, ConfigurationCounts>
countsOf(const AuditResult &Result) {
  std::map<std::string, ConfigurationCounts> Counts;
  for (const UnitAudit &U : Result.Units) {
    ConfigurationCounts &C = Counts[U.Unit.Configuration];
    C.Programs += U.Programs.size();
    for (const ProgramAudit &P : U.Programs)
      C.Unknown += P.unknownCount();
  }
  for (const BareExit &Exit : Result.BareExits)
    ++Counts[Exit.Configuration].BareExits;
  return Counts;
}

void printAuditText(const AuditResult &Result, llvm::StringRef Base,
                    llvm::raw_ostream &OS) {
  for (const UnitAudit &U : Result.Units)
    if (!U.Errors.empty())
      OS << shown(U.Unit.File, Base) << ": configuration '"
         << U.Unit.Configuration << "' did not compile:\n"
         << U.Errors;
  for (const BareExit &Exit : Result.BareExits) {
    OS << shown(Exit.File, Base) << ": " << message(Exit) << " ["
       << BareExitRule << "]\n";
    for (const SourceChain &Edge : Exit.Edges)
      OS << "    from " << describeChain(Edge, Base) << "\n";
    if (Result.CrossChecked)
      OS << "    " << explanation(Exit, Base) << "\n";
  }
  for (const UnconfirmedFinding &F : Result.Unconfirmed) {
    std::vector<std::string> Reasons;
    for (int64_t R : F.Reasons)
      Reasons.push_back(std::to_string(R));
    OS << llvm::formatv("{0}:{1}:{2}: source finding in '{3}' (programs {4}; "
                        "reasons {5}){6} has no bare exit in any "
                        "configuration: a possible false positive\n",
                        shown(F.Site.File, Base), F.Site.Line, F.Site.Column,
                        F.Site.Function, llvm::join(F.Programs, ", "),
                        Reasons.empty() ? "unknown" : llvm::join(Reasons, ", "),
                        F.Site.Silenced ? ", silenced by NOLINT," : "");
  }
  for (const auto &[Name, C] : countsOf(Result))
    OS << "configuration '" << Name
       << "': " << count(C.Programs, "program", "programs") << ", "
       << count(C.BareExits, "bare exit", "bare exits") << ", "
       << count(C.Unknown, "unknown return value", "unknown return values")
       << "\n";
}

std::string auditSummary(const AuditResult &Result) {
  size_t NotExplained = 0;
  for (const BareExit &Exit : Result.BareExits)
    NotExplained += Exit.ExplainedBy.empty();
  std::string Text =
      count(Result.BareExits.size(), "bare exit", "bare exits") + " in " +
      count(Result.Units.size(), "unit", "units") + " of " +
      count(Result.Configurations.size(), "configuration", "configurations");
  if (Result.CrossChecked)
    Text +=
        " (" + std::to_string(NotExplained) +
        " not explained by the source analysis; " +
        count(Result.Unconfirmed.size(), "source finding", "source findings") +
        " with no bare exit)";
  return Text;
}

static json::Array framesToJson(const SourceChain &Chain,
                                llvm::StringRef Base) {
  json::Array Frames;
  for (const SourceFrame &F : Chain)
    Frames.push_back(json::Object{{"file", shown(F.File, Base)},
                                  {"line", F.Line},
                                  {"column", F.Column},
                                  {"function", F.Function}});
  return Frames;
}

static json::Object siteToJson(const SiteRef &S, llvm::StringRef Base) {
  return json::Object{{"file", shown(S.File, Base)},
                      {"line", S.Line},
                      {"column", S.Column},
                      {"function", S.Function},
                      {"nolint", S.Silenced}};
}

json::Value auditToJson(const AuditResult &Result, llvm::StringRef Base) {
  json::Array Units, Programs, Exits, Unconfirmed;
  for (const UnitAudit &U : Result.Units) {
    json::Object Unit{{"file", shown(U.Unit.File, Base)},
                      {"configuration", U.Unit.Configuration}};
    if (!U.Errors.empty())
      Unit["errors"] = U.Errors;
    Units.push_back(std::move(Unit));
    for (const ProgramAudit &P : U.Programs) {
      std::vector<int64_t> Values;
      for (const ReturnedValue &R : P.Returns)
        if (R.Known && llvm::find(Values, R.Value) == Values.end())
          Values.push_back(R.Value);
      llvm::sort(Values, std::greater<int64_t>());
      std::map<std::string, unsigned> Unknown;
      for (const ReturnedValue &R : P.Returns)
        if (!R.Known)
          ++Unknown[R.Detail];
      json::Object UnknownKinds;
      for (const auto &[What, Count] : Unknown)
        UnknownKinds[What] = Count;
      Programs.push_back(
          json::Object{{"configuration", U.Unit.Configuration},
                       {"file", shown(U.Unit.File, Base)},
                       {"program", P.Name},
                       {"kind", ProgramClassifier::describe(P.Info.Kind)},
                       {"section", P.Info.Section},
                       {"type", programTypeName(P.Type)},
                       {"values", json::Array(Values)},
                       {"unknown", P.unknownCount()},
                       {"unknown_kinds", std::move(UnknownKinds)}});
    }
  }
  for (const BareExit &Exit : Result.BareExits) {
    json::Array Edges;
    for (const SourceChain &Edge : Exit.Edges)
      Edges.push_back(framesToJson(Edge, Base));
    json::Object Entry{{"rule", BareExitRule},
                       {"configuration", Exit.Configuration},
                       {"file", shown(Exit.File, Base)},
                       {"program", Exit.Program},
                       {"kind", ProgramClassifier::describe(Exit.Info.Kind)},
                       {"section", Exit.Info.Section},
                       {"type", programTypeName(Exit.Type)},
                       {"value", Exit.Value},
                       {"reasons", json::Array(Exit.Reasons)},
                       {"edges", std::move(Edges)}};
    if (Result.CrossChecked) {
      json::Array By;
      for (const SiteRef &S : Exit.ExplainedBy)
        By.push_back(siteToJson(S, Base));
      Entry["explained"] = !Exit.ExplainedBy.empty();
      Entry["explained_by"] = std::move(By);
    }
    Exits.push_back(std::move(Entry));
  }
  for (const UnconfirmedFinding &F : Result.Unconfirmed)
    Unconfirmed.push_back(
        json::Object{{"site", siteToJson(F.Site, Base)},
                     {"programs", json::Array(F.Programs)},
                     {"reasons", json::Array(F.Reasons)},
                     {"configurations", json::Array(F.Configurations)}});

  unsigned NotExplained = 0, Unknown = 0, ProgramCount = 0;
  for (const BareExit &Exit : Result.BareExits)
    NotExplained += Exit.ExplainedBy.empty();
  for (const UnitAudit &U : Result.Units)
    for (const ProgramAudit &P : U.Programs) {
      Unknown += P.unknownCount();
      ++ProgramCount;
    }
  json::Object Summary{{"configurations", Result.Configurations.size()},
                       {"programs", ProgramCount},
                       {"bare_exits", Result.BareExits.size()},
                       {"unknown_return_values", Unknown}};
  if (Result.CrossChecked) {
    Summary["not_explained"] = NotExplained;
    Summary["unconfirmed_source_findings"] = Result.Unconfirmed.size();
  }
  json::Object Report{{"version", 1},
                      {"tool", "bpf-tidy audit"},
                      {"configurations", json::Array(Result.Configurations)},
                      {"units", std::move(Units)},
                      {"programs", std::move(Programs)},
                      {"bare_exits", std::move(Exits)},
                      {"summary", std::move(Summary)}};
  if (Result.CrossChecked)
    Report["unconfirmed_source_findings"] = std::move(Unconfirmed);
  return Report;
}

/// A SARIF location: relative to the SRCROOT base when below it.
static json::Object sarifLocation(const SourceFrame &Frame,
                                  llvm::StringRef Base) {
  std::string Path = shown(Frame.File, Base);
  json::Object Artifact{{"uri", Path}};
  if (llvm::sys::path::is_absolute(Path))
    Artifact["uri"] = "file://" + Path;
  else
    Artifact["uriBaseId"] = "SRCROOT";
  json::Object Physical{{"artifactLocation", std::move(Artifact)}};
  if (Frame.Line)
    Physical["region"] =
        json::Object{{"startLine", Frame.Line}, {"startColumn", Frame.Column}};
  return json::Object{{"physicalLocation", std::move(Physical)}};
}

json::Value auditToSarif(const AuditResult &Result, llvm::StringRef Base) {
  json::Array Results;
  for (const BareExit &Exit : Result.BareExits) {
    std::string Text = message(Exit);
    if (Result.CrossChecked)
      Text += "; " + explanation(Exit, Base);
    json::Object Entry{{"ruleId", BareExitRule},
                       {"ruleIndex", 0},
                       {"level", "warning"},
                       {"message", json::Object{{"text", Text}}}};
    // The first edge with a location is where the result is; every frame
    // of every edge is a related location.
    SourceFrame Where{Exit.File, 0, 0, Exit.Program};
    json::Array Related;
    for (const SourceChain &Edge : Exit.Edges)
      for (size_t I = 0; I < Edge.size(); ++I) {
        if (Where.Line == 0)
          Where = Edge[I];
        json::Object Location = sarifLocation(Edge[I], Base);
        Location["id"] = int64_t(Related.size() + 1);
        Location["message"] = json::Object{
            {"text", I == 0
                         ? "returned from here, in '" + Edge[I].Function + "'"
                         : "inlined here into '" + Edge[I].Function + "'"}};
        Related.push_back(std::move(Location));
      }
    Entry["locations"] = json::Array{sarifLocation(Where, Base)};
    if (!Related.empty())
      Entry["relatedLocations"] = std::move(Related);
    Entry["properties"] =
        json::Object{{"configuration", Exit.Configuration},
                     {"program", Exit.Program},
                     {"value", Exit.Value},
                     {"explained", !Exit.ExplainedBy.empty()}};
    Results.push_back(std::move(Entry));
  }
  json::Object Rule{
      {"id", BareExitRule},
      {"shortDescription",
       json::Object{{"text", "A program can hand a drop reason to the kernel "
                             "as its verdict (found in the compiled code)"}}},
      {"help", json::Object{{"text", "See docs/audit.md in bpf-tidy."}}}};
  llvm::SmallString<256> BaseUri("file://");
  BaseUri += Base;
  if (!BaseUri.ends_with("/"))
    BaseUri += "/";
  json::Object Run{
      {"tool",
       json::Object{
           {"driver", json::Object{{"name", "bpf-tidy audit"},
                                   {"version", bpfTidyVersion()},
                                   {"rules", json::Array{std::move(Rule)}}}}}},
      {"originalUriBaseIds",
       json::Object{{"SRCROOT", json::Object{{"uri", std::string(BaseUri)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(Results)}};
  return json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}}};
}

} // namespace bpftidy::audit
