//===- BpfCheck.cpp -------------------------------------------------------===//

#include "analyzer/checks/BpfCheck.h"
#include "analyzer/core/ConventionOptions.h"
#include "analyzer/core/PreprocessorFootprint.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::bpf {

/// The prefix of the options every bpf-* check shares.
static const char SharedPrefix[] = "bpf";

BpfCheck::BpfCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Config(readConventions(Context)) {}

bpftidy::Conventions BpfCheck::readConventions(ClangTidyContext *Context) {
  bpftidy::Conventions Read;
  OptionsView Shared(SharedPrefix, Context->getOptions().CheckOptions, Context);
  for (const bpftidy::ConventionOption &Option : bpftidy::conventionOptions()) {
    std::string Name = (getID() + "." + Option.Name).str();
    std::optional<StringRef> Text = Options.get(Option.Name);
    if (!Text) {
      Name = (Twine(SharedPrefix) + "." + Option.Name).str();
      Text = Shared.get(Option.Name);
    }
    if (!Text)
      continue;
    if (std::optional<std::string> Expected =
            bpftidy::readOption(Option, *Text, Read)) {
      configurationDiag("option '%0': %1", DiagnosticIDs::Error)
          << Name << *Expected;
      OptionsValid = false;
    }
  }
  return Read;
}

void BpfCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const bpftidy::ConventionOption &Option : bpftidy::conventionOptions())
    Options.store(Opts, Option.Name, bpftidy::printOption(Option, Config));
}

void BpfCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                   Preprocessor *) {
  this->SM = &SM;
  if (!OptionsValid)
    return;
  bpftidy::recordFootprint(*PP);
  onPreprocessor(*PP);
}

void BpfCheck::note(SourceLocation Finding, SourceLocation Where,
                    bpftidy::NoteReason Reason, std::string Text) {
  diag(Where, "%0", DiagnosticIDs::Note) << Text;
  if (!bpftidy::noteTagsWanted() || !SM)
    return;
  // Keyed as the driver sees the finding: the file as the diagnostic names
  // it, and the offset.
  bpftidy::recordNoteTag({getID().str(), SM->getFilename(Finding).str(),
                          SM->getFileOffset(Finding), std::move(Text), Reason});
}

} // namespace clang::tidy::bpf
