//===- ClangTidyConfiguration.cpp -----------------------------------------===//

#include "cli/ClangTidyConfiguration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/YAMLParser.h"

using namespace clang::tidy;

namespace bpftidy {

namespace {

// The top-level keys clang-tidy 19 reads (ClangTidyOptions' YAML mapping).
const llvm::StringRef KnownKeys[] = {"Checks",
                                     "WarningsAsErrors",
                                     "HeaderFileExtensions",
                                     "ImplementationFileExtensions",
                                     "HeaderFilterRegex",
                                     "ExcludeHeaderFilterRegex",
                                     "SystemHeaders",
                                     "FormatStyle",
                                     "User",
                                     "CheckOptions",
                                     "ExtraArgs",
                                     "ExtraArgsBefore",
                                     "InheritParentConfig",
                                     "UseColor"};

std::string unknownKeyWarning(llvm::StringRef Key) {
  std::string Message = "unknown key '" + Key.str() + "' ignored";
  llvm::StringRef Nearest;
  unsigned Best = ~0u;
  for (llvm::StringRef Known : KnownKeys) {
    unsigned Distance = Known.edit_distance(Key, /*AllowReplacements=*/true);
    if (Distance < Best) {
      Best = Distance;
      Nearest = Known;
    }
  }
  if (Best <= std::max<size_t>(2, Key.size() / 3))
    Message += " (did you mean '" + Nearest.str() + "'?)";
  Message += "; known keys: ";
  for (llvm::StringRef Known : KnownKeys)
    Message += (Known == KnownKeys[0] ? "" : ", ") + Known.str();
  return Message;
}

/// A part of the text to leave out: an unknown key and its value.
struct Cut {
  size_t Begin, End;
};

/// Finds the unknown top-level keys of \p Text, the warnings about them and
/// what to cut to leave them out. A text that does not parse is left to
/// clang-tidy's parser, which says why.
std::vector<Cut> unknownKeys(llvm::MemoryBufferRef Text,
                             std::vector<std::string> &Warnings) {
  llvm::SourceMgr SM;
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::StringRef Buffer = Text.getBuffer();
  llvm::yaml::Stream Stream(Buffer, SM);
  auto Offset = [&](const char *P) { return size_t(P - Buffer.data()); };
  std::vector<Cut> Cuts;
  llvm::yaml::document_iterator Document = Stream.begin();
  if (Document == Stream.end())
    return Cuts;
  auto *Root =
      llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Document->getRoot());
  if (!Root)
    return Cuts;
  // Each entry runs from its key to the next key (block mappings: whole
  // lines, flow mappings: the comma too).
  std::vector<std::pair<size_t, bool>> Starts; // key offset, unknown
  for (llvm::yaml::KeyValueNode &Entry : *Root) {
    auto *Key = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(Entry.getKey());
    if (!Key || Stream.failed())
      return {};
    llvm::SmallString<32> Storage;
    llvm::StringRef Name = Key->getValue(Storage);
    bool Unknown = !llvm::is_contained(KnownKeys, Name);
    Starts.emplace_back(Offset(Key->getSourceRange().Start.getPointer()),
                        Unknown);
    if (Unknown) {
      auto [Line, Column] = SM.getLineAndColumn(Key->getSourceRange().Start);
      Warnings.push_back((Text.getBufferIdentifier() + ":" + llvm::Twine(Line) +
                          ":" + llvm::Twine(Column) + ": " +
                          unknownKeyWarning(Name))
                             .str());
    }
    if (Entry.getValue())
      Entry.skip();
  }
  if (Stream.failed())
    return {};
  bool Flow = Buffer.ltrim().starts_with("{");
  size_t MappingEnd = Flow ? Buffer.rfind('}') : Buffer.size();
  for (size_t I = 0; I < Starts.size(); ++I) {
    if (!Starts[I].second)
      continue;
    size_t Begin = Starts[I].first;
    size_t End = I + 1 < Starts.size() ? Starts[I + 1].first : MappingEnd;
    if (I + 1 == Starts.size() && Flow && I > 0) {
      // The last entry of a flow mapping: take the comma before it.
      size_t Comma = Buffer.rfind(',', Begin);
      if (Comma != llvm::StringRef::npos && Comma > Starts[I - 1].first)
        Begin = Comma;
    }
    Cuts.push_back({Begin, End});
  }
  return Cuts;
}

} // namespace

llvm::Expected<ParsedConfiguration>
parseConfigurationText(llvm::MemoryBufferRef Text) {
  ParsedConfiguration Result;
  std::vector<Cut> Cuts = unknownKeys(Text, Result.Warnings);
  std::string Kept;
  size_t From = 0;
  for (const Cut &C : Cuts) {
    Kept += Text.getBuffer().slice(From, C.Begin);
    // Keep the line structure, so that clang-tidy's messages point at the
    // lines of the file.
    Kept += std::string(
        llvm::count(Text.getBuffer().slice(C.Begin, C.End), '\n'), '\n');
    From = C.End;
  }
  Kept += Text.getBuffer().substr(From);

  std::string Diagnostics;
  auto Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Kept, Text.getBufferIdentifier()),
      [&](const llvm::SMDiagnostic &D) {
        if (D.getKind() != llvm::SourceMgr::DK_Error)
          return;
        if (!Diagnostics.empty())
          Diagnostics += "; ";
        Diagnostics +=
            (D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" +
             llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                .str();
      });
  llvm::StringRef Name = Text.getBufferIdentifier();
  std::string What = Name.starts_with("-")
                         ? "the " + Name.str() + " configuration"
                         : "configuration file '" + Name.str() + "'";
  if (!Parsed)
    return llvm::createStringError(
        Parsed.getError(),
        What + " does not parse: " +
            (Diagnostics.empty() ? Parsed.getError().message() : Diagnostics));
  Result.Options = std::move(*Parsed);
  return Result;
}

void ConfigurationProblems::warn(llvm::StringRef File,
                                 llvm::ArrayRef<std::string> Warnings) {
  llvm::sys::ScopedLock Guard(Lock);
  if (Warnings.empty() || !Warned.insert(File).second)
    return;
  for (const std::string &Warning : Warnings)
    llvm::WithColor::warning(llvm::errs(), "bpf-tidy") << Warning << "\n";
}

void ConfigurationProblems::error(std::string Message) {
  llvm::sys::ScopedLock Guard(Lock);
  if (!llvm::is_contained(Errors, Message))
    Errors.push_back(std::move(Message));
}

std::vector<std::string> ConfigurationProblems::errors() const {
  llvm::sys::ScopedLock Guard(Lock);
  return Errors;
}

namespace {
/// A clang-tidy provider whose .clang-tidy files are read by
/// parseConfigurationText. A file that does not parse is skipped silently
/// here (clang-tidy would print and ignore it): the error goes to the
/// problems, and the caller stops before using any options.
template <typename Provider> class CheckedProvider : public Provider {
public:
  template <typename... Args>
  CheckedProvider(std::shared_ptr<ConfigurationProblems> Problems, Args &&...A)
      : Provider(std::forward<Args>(A)...) {
    this->ConfigHandlers.clear();
    this->ConfigHandlers.emplace_back(
        ".clang-tidy",
        [Problems](
            llvm::MemoryBufferRef Text) -> llvm::ErrorOr<ClangTidyOptions> {
          auto Parsed = parseConfigurationText(Text);
          if (!Parsed) {
            Problems->error(llvm::toString(Parsed.takeError()));
            return std::error_code();
          }
          Problems->warn(Text.getBufferIdentifier(), Parsed->Warnings);
          return std::move(Parsed->Options);
        });
  }
};
} // namespace

llvm::Expected<std::optional<ClangTidyOptions>>
readConfigurationFlags(std::optional<std::string> ConfigText,
                       std::optional<std::string> ConfigFile,
                       ConfigurationProblems &Problems) {
  auto Fail = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  if (ConfigText && ConfigFile)
    return Fail("--config and --config-file are mutually exclusive");
  std::string Source = "--config";
  if (ConfigFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(*ConfigFile);
    if (!Buffer)
      return Fail("cannot read --config-file '" + *ConfigFile +
                  "': " + Buffer.getError().message());
    ConfigText = (*Buffer)->getBuffer().str();
    Source = *ConfigFile;
  }
  // An empty --config is no configuration, as in clang-tidy; an empty
  // file is one (with nothing set).
  if (!ConfigFile && (!ConfigText || ConfigText->empty()))
    return std::nullopt;
  auto Parsed =
      parseConfigurationText(llvm::MemoryBufferRef(*ConfigText, Source));
  if (!Parsed)
    return Parsed.takeError();
  Problems.warn(Source, Parsed->Warnings);
  return std::move(Parsed->Options);
}

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(ClangTidyOptions Defaults,
                    std::optional<ClangTidyOptions> Config,
                    ClangTidyOptions Overrides,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                    std::shared_ptr<ConfigurationProblems> Problems) {
  if (Config)
    return std::make_unique<CheckedProvider<ConfigOptionsProvider>>(
        std::move(Problems), ClangTidyGlobalOptions(), std::move(Defaults),
        std::move(*Config), std::move(Overrides), std::move(FS));
  return std::make_unique<CheckedProvider<FileOptionsProvider>>(
      std::move(Problems), ClangTidyGlobalOptions(), std::move(Defaults),
      std::move(Overrides), std::move(FS));
}

llvm::Error
checkHeaderFilters(ClangTidyOptionsProvider &Provider, llvm::StringRef File,
                   llvm::function_ref<std::string(llvm::StringRef)> Describe) {
  std::vector<ClangTidyOptionsProvider::OptionsSource> Sources =
      Provider.getRawOptions(File);
  for (auto Field : {&ClangTidyOptions::HeaderFilterRegex,
                     &ClangTidyOptions::ExcludeHeaderFilterRegex}) {
    // The last source that sets it wins, as in ClangTidyOptions::mergeWith.
    for (auto It = Sources.rbegin(); It != Sources.rend(); ++It) {
      const std::optional<std::string> &Regex = It->first.*Field;
      if (!Regex)
        continue;
      std::string Error;
      if (!llvm::Regex(*Regex).isValid(Error))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "invalid " +
                llvm::StringRef(Field == &ClangTidyOptions::HeaderFilterRegex
                                    ? "header filter"
                                    : "exclude header filter") +
                " regex '" + *Regex + "' (from " + Describe(It->second) +
                "): " + Error);
      break;
    }
  }
  return llvm::Error::success();
}

} // namespace bpftidy
