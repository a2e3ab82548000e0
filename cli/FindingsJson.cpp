//===- FindingsJson.cpp ---------------------------------------------------===//

#include "cli/FindingsJson.h"

namespace json = llvm::json;

namespace bpftidy {

static json::Array stringsToJson(const std::vector<std::string> &Strings) {
  json::Array Array;
  for (const std::string &S : Strings)
    Array.push_back(S);
  return Array;
}

static void addPosition(json::Object &O, const SourcePosition &Where,
                        llvm::StringRef Base) {
  O["file"] = relativePath(Where.File, Base);
  O["line"] = Where.Line;
  O["column"] = Where.Column;
}

static json::Object findingToJson(const FindingRecord &R,
                                  llvm::StringRef Base) {
  json::Object O{{"check", R.Check},
                 {"level", R.Level},
                 {"message", R.Message},
                 {"offset", R.Where.Offset},
                 {"function", R.Context.Function},
                 {"statement", R.Context.Statement},
                 {"occurrence", R.Context.Occurrence},
                 {"configurations", stringsToJson(R.Configurations)}};
  addPosition(O, R.Where, Base);

  json::Array Notes;
  for (const NoteRecord &N : R.Notes) {
    json::Object Note{{"message", N.Message},
                      {"reason", noteReasonName(N.Reason)}};
    if (N.Where)
      addPosition(Note, *N.Where, Base);
    Notes.push_back(std::move(Note));
  }
  O["notes"] = std::move(Notes);

  json::Array Edits;
  for (const EditRecord &E : R.Fix) {
    json::Object Edit{{"offset", E.Start.Offset},
                      {"length", E.End.Offset - E.Start.Offset},
                      {"end_line", E.End.Line},
                      {"end_column", E.End.Column},
                      {"replacement", E.Replacement}};
    addPosition(Edit, E.Start, Base);
    Edits.push_back(std::move(Edit));
  }
  O["fix"] = std::move(Edits);
  if (!R.FixWithheld.empty())
    O["fix_withheld"] = R.FixWithheld;
  if (R.Fixed)
    O["fixed"] = *R.Fixed;
  return O;
}

json::Value findingsToJson(const std::vector<FindingRecord> &Records,
                           const std::vector<AnalysisUnit> &Units,
                           const std::vector<std::string> &Configurations,
                           llvm::StringRef BaseDirectory) {
  json::Array Findings;
  unsigned Count = 0, WithFix = 0, Fixed = 0, Errors = 0;
  for (const FindingRecord &R : Records) {
    Findings.push_back(findingToJson(R, BaseDirectory));
    if (R.isToolError()) {
      ++Errors;
      continue;
    }
    ++Count;
    WithFix += !R.Fix.empty();
    Fixed += R.Fixed.value_or(false);
  }
  json::Array UnitArray;
  for (const AnalysisUnit &U : Units)
    UnitArray.push_back(
        json::Object{{"file", relativePath(U.File, BaseDirectory)},
                     {"configuration", U.Configuration}});
  return json::Object{{"version", 1},
                      {"tool", "bpf-tidy"},
                      {"configurations", stringsToJson(Configurations)},
                      {"units", std::move(UnitArray)},
                      {"findings", std::move(Findings)},
                      {"summary", json::Object{{"findings", Count},
                                               {"with_fix", WithFix},
                                               {"fixed", Fixed},
                                               {"errors", Errors}}}};
}

} // namespace bpftidy
