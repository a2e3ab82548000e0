//===- SarifReport.cpp ----------------------------------------------------===//

#include "cli/SarifReport.h"
#include "analyzer/CheckRule.h"
#include "cli/GitWorkTree.h"
#include "cli/RecordingFileSystem.h"
#include "config/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include <map>

namespace json = llvm::json;

namespace bpftidy {

static const char SarifSchema[] =
    "https://json.schemastore.org/sarif-2.1.0.json";
static const char SourceRoot[] = "SRCROOT";
static const char HomepageUrl[] = BPF_TIDY_HOMEPAGE_URL;
static const char DocsUrl[] = BPF_TIDY_DOCS_URL;
static const char ClangDiagnosticsUrl[] =
    "https://clang.llvm.org/docs/DiagnosticsReference.html";
static const char FingerprintKey[] = "bpfTidyFindingHash/v1";

llvm::Expected<std::string> sarifRoot(llvm::StringRef Requested) {
  if (!Requested.empty()) {
    if (!llvm::sys::fs::is_directory(Requested))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "--sarif-root '" + Requested + "': " +
                                         (llvm::sys::fs::exists(Requested)
                                              ? "not a directory"
                                              : "No such file or directory"));
    return canonicalPath(Requested);
  }
  std::string Current = currentDirectory();
  if (std::optional<std::string> Top = workTreeTop(Current))
    return canonicalPath(*Top);
  return Current;
}

/// SHA-256 (hex) of \p Parts, each ended by a NUL byte.
static std::string hashOf(llvm::ArrayRef<llvm::StringRef> Parts) {
  llvm::SHA256 Hash;
  for (llvm::StringRef Part : Parts) {
    Hash.update(Part);
    Hash.update(llvm::StringRef("\0", 1));
  }
  return llvm::toHex(Hash.final(), /*LowerCase=*/true);
}

std::string findingFingerprint(const FindingRecord &Finding,
                               llvm::StringRef RelativeFile) {
  return hashOf({Finding.Check, RelativeFile, Finding.Context.Function,
                 Finding.Context.Statement,
                 std::to_string(Finding.Context.Occurrence)});
}

/// Code scanning's own key, in its "hash:occurrence" form (so that the
/// upload does not compute one from the finding's line and its
/// neighbours): the fingerprint's parts but the occurrence, then the
/// occurrence counted from 1.
static std::string primaryLocationLineHash(const FindingRecord &Finding,
                                           llvm::StringRef RelativeFile) {
  return hashOf({Finding.Check, RelativeFile, Finding.Context.Function,
                 Finding.Context.Statement})
             .substr(0, 16) +
         ":" + std::to_string(Finding.Context.Occurrence + 1);
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

/// Rule "bpf-bare-drop-return" is named "BpfBareDropReturn".
static std::string friendlyName(llvm::StringRef Id) {
  std::string Name;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Name += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Name;
}

/// A rule's reportingDescriptor, from the check's registration.
static json::Object registeredRule(const CheckRule &Rule) {
  std::string HelpUri = (DocsUrl + Rule.HelpUri).str();
  std::string Text = (Rule.FullDescription + "\n\nFix: " + Rule.FixDescription +
                      ".\n\nDocumentation: " + HelpUri)
                         .str();
  std::string Markdown =
      ("**" + Rule.ShortDescription + "**\n\n" + Rule.FullDescription +
       "\n\nFix (`bpf-tidy --fix`): " + Rule.FixDescription + ".\n\n[" +
       Rule.HelpUri + "](" + HelpUri + ")")
          .str();
  return json::Object{
      {"id", Rule.Id},
      {"name", friendlyName(Rule.Id)},
      {"shortDescription", json::Object{{"text", Rule.ShortDescription}}},
      {"fullDescription", json::Object{{"text", Rule.FullDescription}}},
      {"help", json::Object{{"text", std::move(Text)},
                            {"markdown", std::move(Markdown)}}},
      {"helpUri", std::move(HelpUri)},
      {"defaultConfiguration", json::Object{{"level", "warning"}}}};
}

/// The rule of a check bpf-tidy does not register: a compiler warning
/// enabled as clang-diagnostic-<flag>, documented by clang.
static json::Object otherRule(llvm::StringRef Id) {
  llvm::StringRef Flag = Id;
  bool Compiler = Flag.consume_front("clang-diagnostic-");
  std::string Short =
      Compiler ? "Clang warning -W" + Flag.str() : "Check " + Id.str();
  std::string Full = Compiler
                         ? "Clang's compiler warning -W" + Flag.str() +
                               ", reported through the check " + Id.str() + "."
                         : "Findings of the check " + Id.str() + ".";
  std::string HelpUri = Compiler ? std::string(ClangDiagnosticsUrl) + "#w" +
                                       llvm::StringRef(Flag).lower()
                                 : std::string(HomepageUrl);
  return json::Object{
      {"id", Id},
      {"name", friendlyName(Id)},
      {"shortDescription", json::Object{{"text", Short}}},
      {"fullDescription", json::Object{{"text", Full}}},
      {"help", json::Object{{"text", Full + " See " + HelpUri},
                            {"markdown", Full + " See [" + HelpUri + "](" +
                                             HelpUri + ")."}}},
      {"helpUri", HelpUri},
      {"defaultConfiguration", json::Object{{"level", "warning"}}}};
}

namespace {
/// Maps files to URIs relative to the root.
class RootRelative {
public:
  explicit RootRelative(llvm::StringRef Root) : Root(Root) {}

  /// \p File relative to the root, or none when it lies outside.
  const std::optional<std::string> &path(const std::string &File) {
    auto [It, New] = Paths.try_emplace(File);
    if (New) {
      std::string Canonical = canonicalPath(File);
      std::string Relative = relativePath(Canonical, Root);
      if (Relative != Canonical)
        It->second = Relative;
    }
    return It->second;
  }

  /// A path for messages: relative when inside the root, else as is.
  std::string shown(const std::string &File) {
    return path(File).value_or(File);
  }

  std::optional<json::Object> artifactLocation(const std::string &File) {
    const std::optional<std::string> &Relative = path(File);
    if (!Relative)
      return std::nullopt;
    return json::Object{{"uri", percentEncodePath(*Relative)},
                        {"uriBaseId", SourceRoot}};
  }

  std::optional<json::Object> physicalLocation(const SourcePosition &Where) {
    std::optional<json::Object> Artifact = artifactLocation(Where.File);
    if (!Artifact)
      return std::nullopt;
    json::Object Location{{"artifactLocation", std::move(*Artifact)}};
    if (Where.Line)
      Location["region"] = json::Object{{"startLine", Where.Line},
                                        {"startColumn", Where.Column},
                                        {"charOffset", Where.Offset}};
    return Location;
  }

private:
  std::string Root;
  std::map<std::string, std::optional<std::string>> Paths;
};
} // namespace

static std::string fixDescription(llvm::StringRef Check) {
  if (const CheckRule *Rule = findCheckRule(Check))
    return Rule->FixDescription.str();
  return "Apply the suggested fix";
}

/// The fix as artifact changes; none when an edit falls outside the root
/// (a part of a fix is not a fix).
static json::Array fixesOf(const FindingRecord &R, RootRelative &Uris) {
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
  for (auto &[File, List] : Replacements) {
    std::optional<json::Object> Artifact = Uris.artifactLocation(File);
    if (!Artifact)
      return {};
    Changes.push_back(json::Object{{"artifactLocation", std::move(*Artifact)},
                                   {"replacements", std::move(List)}});
  }
  return json::Array{json::Object{
      {"description", json::Object{{"text", fixDescription(R.Check)}}},
      {"artifactChanges", std::move(Changes)}}};
}

static json::Array stringsToJson(const std::vector<std::string> &Strings) {
  json::Array Array;
  for (const std::string &S : Strings)
    Array.push_back(S);
  return Array;
}

/// "F:L:C: message", the file relative to the root when inside it.
static std::string placedMessage(const FindingRecord &R, RootRelative &Uris) {
  if (R.Where.File.empty())
    return R.Message;
  std::string Text = Uris.shown(R.Where.File);
  if (R.Where.Line)
    Text += ":" + std::to_string(R.Where.Line) + ":" +
            std::to_string(R.Where.Column);
  return Text + ": " + R.Message;
}

/// A notification of the invocation: a unit that did not parse, a bad
/// configuration, or a finding outside the root (which code scanning
/// cannot place in the repository).
static json::Object notificationOf(const FindingRecord &R, RootRelative &Uris,
                                   llvm::StringRef Level, llvm::StringRef Why) {
  std::string Text = placedMessage(R, Uris);
  if (!R.Configurations.empty() && !R.Configurations.front().empty())
    Text += " (configurations: " + llvm::join(R.Configurations, ", ") + ")";
  json::Object Notification{
      {"level", Level},
      {"message", json::Object{{"text", Why.str() + Text}}},
      {"descriptor", json::Object{{"id", R.Check}}},
      {"properties",
       json::Object{{"configurations", stringsToJson(R.Configurations)}}}};
  if (std::optional<json::Object> Where = Uris.physicalLocation(R.Where))
    Notification["locations"] =
        json::Array{json::Object{{"physicalLocation", std::move(*Where)}}};
  return Notification;
}

static json::Object resultOf(const FindingRecord &R, size_t RuleIndex,
                             json::Object Location, RootRelative &Uris) {
  json::Object Result{{"ruleId", R.Check},
                      {"ruleIndex", int64_t(RuleIndex)},
                      {"level", R.Level},
                      {"message", json::Object{{"text", R.Message}}}};
  Result["locations"] =
      json::Array{json::Object{{"physicalLocation", std::move(Location)}}};
  const std::string &File = *Uris.path(R.Where.File);
  Result["partialFingerprints"] = json::Object{
      {FingerprintKey, findingFingerprint(R, File)},
      {"primaryLocationLineHash", primaryLocationLineHash(R, File)}};
  json::Array Related;
  for (const NoteRecord &N : R.Notes) {
    if (!N.Where)
      continue;
    std::optional<json::Object> Where = Uris.physicalLocation(*N.Where);
    if (!Where)
      continue;
    Related.push_back(
        json::Object{{"id", int64_t(Related.size() + 1)},
                     {"physicalLocation", std::move(*Where)},
                     {"message", json::Object{{"text", N.Message}}}});
  }
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  json::Array Fixes = fixesOf(R, Uris);
  if (!Fixes.empty())
    Result["fixes"] = std::move(Fixes);
  json::Object Properties{{"configurations", stringsToJson(R.Configurations)}};
  if (!R.Context.Function.empty())
    Properties["function"] = R.Context.Function;
  if (!R.FixWithheld.empty())
    Properties["fixWithheld"] = R.FixWithheld;
  Result["properties"] = std::move(Properties);
  return Result;
}

json::Value findingsToSarif(const std::vector<FindingRecord> &Records,
                            llvm::StringRef Root) {
  RootRelative Uris(Root);
  // Every registered check is a rule, found or not; other checks (compiler
  // warnings) as their findings name them.
  std::map<std::string, size_t> RuleIndex;
  json::Array Rules;
  for (const CheckRule &Rule : checkRules()) {
    RuleIndex.emplace(Rule.Id.str(), Rules.size());
    Rules.push_back(registeredRule(Rule));
  }

  json::Array Results, Notifications;
  bool Failed = false;
  for (const FindingRecord &R : Records) {
    if (R.isToolError()) {
      Failed = true;
      Notifications.push_back(notificationOf(R, Uris, "error", ""));
      continue;
    }
    std::optional<json::Object> Location = Uris.physicalLocation(R.Where);
    if (!Location) {
      Notifications.push_back(notificationOf(
          R, Uris, "warning",
          "a finding outside the root, which code scanning cannot show: "));
      continue;
    }
    auto [It, New] = RuleIndex.emplace(R.Check, Rules.size());
    if (New)
      Rules.push_back(otherRule(R.Check));
    Results.push_back(resultOf(R, It->second, std::move(*Location), Uris));
  }

  json::Object Driver{{"name", "bpf-tidy"},
                      {"version", bpfTidyVersion()},
                      {"informationUri", HomepageUrl},
                      {"rules", std::move(Rules)}};
  json::Object Invocation{
      {"executionSuccessful", !Failed},
      {"toolExecutionNotifications", std::move(Notifications)}};
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{{SourceRoot, json::Object{{"uri", directoryUri(Root)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations", json::Array{std::move(Invocation)}},
      {"results", std::move(Results)}};
  return json::Object{{"$schema", SarifSchema},
                      {"version", "2.1.0"},
                      {"runs", json::Array{std::move(Run)}}};
}

} // namespace bpftidy
