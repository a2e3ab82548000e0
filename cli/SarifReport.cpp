//===- SarifReport.cpp ----------------------------------------------------===//

#include "cli/SarifReport.h"
#include "analyzer/CheckRule.h"
#include "config/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <map>

namespace json = llvm::json;

namespace bpftidy {

static const char SarifSchema[] =
    "https://json.schemastore.org/sarif-2.1.0.json";
static const char SourceRoot[] = "SRCROOT";

/// What each check is about, from its registered rule.
static std::string describeRule(llvm::StringRef Check) {
  if (const CheckRule *Rule = findCheckRule(Check))
    return Rule->ShortDescription.str();
  if (Check.starts_with("clang-diagnostic-"))
    return "Compiler diagnostic";
  return "bpf-tidy check " + Check.str();
}

static std::string percentEncodePath(llvm::StringRef Path) {
  std::string Uri;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Uri += C;
    else
      Uri += {'%', llvm::hexdigit((C >> 4) & 0xF), llvm::hexdigit(C & 0xF)};
  }
  return Uri;
}

/// A file URI for a directory; the trailing slash makes it a base that
/// relative URIs resolve against.
static std::string directoryUri(llvm::StringRef Directory) {
  std::string Uri = "file://" + percentEncodePath(Directory);
  if (Uri.back() != '/')
    Uri += '/';
  return Uri;
}

static json::Object artifactLocation(llvm::StringRef File,
                                     llvm::StringRef Base) {
  std::string Relative = relativePath(File, Base);
  if (llvm::sys::path::is_absolute(Relative))
    return json::Object{{"uri", "file://" + percentEncodePath(Relative)}};
  return json::Object{{"uri", percentEncodePath(Relative)},
                      {"uriBaseId", SourceRoot}};
}

static json::Object physicalLocation(const SourcePosition &Where,
                                     llvm::StringRef Base) {
  json::Object Location{
      {"artifactLocation", artifactLocation(Where.File, Base)}};
  if (Where.Line)
    Location["region"] = json::Object{{"startLine", Where.Line},
                                      {"startColumn", Where.Column},
                                      {"charOffset", Where.Offset}};
  return Location;
}

static std::string fixDescription(llvm::StringRef Check) {
  if (const CheckRule *Rule = findCheckRule(Check))
    return Rule->FixDescription.str();
  return "Apply the suggested fix";
}

static json::Array fixesOf(const FindingRecord &R, llvm::StringRef Base) {
  if (R.Fix.empty())
    return {};
  // One artifact change per file, its replacements in file order.
  std::map<std::string, json::Array> Replacements;
  for (const EditRecord &E : R.Fix)
    Replacements[E.Start.File].push_back(json::Object{
        {"deletedRegion",
         json::Object{{"startLine", E.Start.Line},
                      {"startColumn", E.Start.Column},
                      {"endLine", E.End.Line},
                      {"endColumn", E.End.Column},
                      {"charOffset", E.Start.Offset},
                      {"charLength", E.End.Offset - E.Start.Offset}}},
        {"insertedContent", json::Object{{"text", E.Replacement}}}});
  json::Array Changes;
  for (auto &[File, List] : Replacements)
    Changes.push_back(
        json::Object{{"artifactLocation", artifactLocation(File, Base)},
                     {"replacements", std::move(List)}});
  return json::Array{json::Object{
      {"description", json::Object{{"text", fixDescription(R.Check)}}},
      {"artifactChanges", std::move(Changes)}}};
}

json::Value findingsToSarif(const std::vector<FindingRecord> &Records,
                            llvm::StringRef BaseDirectory) {
  std::map<std::string, size_t> RuleIndex;
  json::Array Rules;
  for (const FindingRecord &R : Records) {
    if (!RuleIndex.emplace(R.Check, RuleIndex.size()).second)
      continue;
    json::Object Rule{
        {"id", R.Check},
        {"shortDescription", json::Object{{"text", describeRule(R.Check)}}}};
    if (const CheckRule *Registered = findCheckRule(R.Check)) {
      Rule["fullDescription"] =
          json::Object{{"text", Registered->FullDescription}};
      Rule["help"] = json::Object{
          {"text", "See " + Registered->HelpUri.str() + " in bpf-tidy."}};
    }
    Rules.push_back(std::move(Rule));
  }

  json::Array Results;
  for (const FindingRecord &R : Records) {
    json::Object Result{{"ruleId", R.Check},
                        {"ruleIndex", RuleIndex[R.Check]},
                        {"level", R.Level},
                        {"message", json::Object{{"text", R.Message}}}};
    if (!R.Where.File.empty())
      Result["locations"] = json::Array{json::Object{
          {"physicalLocation", physicalLocation(R.Where, BaseDirectory)}}};
    json::Array Related;
    for (const NoteRecord &N : R.Notes) {
      if (!N.Where)
        continue;
      Related.push_back(json::Object{
          {"id", int64_t(Related.size() + 1)},
          {"physicalLocation", physicalLocation(*N.Where, BaseDirectory)},
          {"message", json::Object{{"text", N.Message}}}});
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    json::Array Fixes = fixesOf(R, BaseDirectory);
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    json::Array Configurations;
    for (const std::string &C : R.Configurations)
      Configurations.push_back(C);
    json::Object Properties{{"configurations", std::move(Configurations)}};
    if (!R.Context.Function.empty())
      Properties["function"] = R.Context.Function;
    if (!R.FixWithheld.empty())
      Properties["fixWithheld"] = R.FixWithheld;
    Result["properties"] = std::move(Properties);
    Results.push_back(std::move(Result));
  }

  json::Object Driver{{"name", "bpf-tidy"},
                      {"version", bpfTidyVersion()},
                      {"rules", std::move(Rules)}};
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{
           {SourceRoot, json::Object{{"uri", directoryUri(BaseDirectory)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(Results)}};
  return json::Object{{"$schema", SarifSchema},
                      {"version", "2.1.0"},
                      {"runs", json::Array{std::move(Run)}}};
}

} // namespace bpftidy
