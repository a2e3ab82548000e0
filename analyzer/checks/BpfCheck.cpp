//===- BpfCheck.cpp -------------------------------------------------------===//

#include "analyzer/checks/BpfCheck.h"
#include "analyzer/core/ConventionOptions.h"
#include "analyzer/core/PreprocessorFootprint.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::bpf {

BpfCheck::BpfCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      Config(readConventions(Context)) {}

bpftidy::Conventions BpfCheck::readConventions(ClangTidyContext *Context) {
  OptionsView Shared(bpftidy::SharedOptionPrefix,
                     Context->getOptions().CheckOptions, Context);
  return bpftidy::readConventions(
      getID(), [&](StringRef Option) { return Options.get(Option); },
      [&](StringRef Option) { return Shared.get(Option); },
      [&](const std::string &Name, const std::string &Expected) {
        configurationDiag("option '%0': %1", DiagnosticIDs::Error)
            << Name << Expected;
        OptionsValid = false;
      });
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

FixItHint BpfCheck::fixIt(SourceLocation Finding,
                          const clang::tooling::Replacement &Edit) const {
  SourceLocation Begin = SM->getLocForStartOfFile(SM->getFileID(Finding))
                             .getLocWithOffset(Edit.getOffset());
  return FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(Begin,
                                    Begin.getLocWithOffset(Edit.getLength())),
      Edit.getReplacementText());
}

void BpfCheck::fixSourceNotes(SourceLocation Finding, StringRef DirectionSource,
                              StringRef SiblingArguments) {
  if (!DirectionSource.empty())
    note(Finding, Finding, bpftidy::NoteReason::FixDetail,
         "drop direction taken from " + DirectionSource.str());
  if (!SiblingArguments.empty())
    note(Finding, Finding, bpftidy::NoteReason::FixDetail,
         "taken from the other drop notifications in that direction in the "
         "same function: " +
             SiblingArguments.str());
}

bool BpfCheck::shownByHeaderFilters(SourceLocation Finding) const {
  if (!SM || Finding.isInvalid())
    return true;
  SourceLocation File = SM->getFileLoc(Finding);
  if (SM->isInMainFile(File))
    return true;
  // As clang-tidy reads the filters: an unset or empty regex matches
  // nothing.
  auto Matches = [&](const std::optional<std::string> &Pattern) {
    if (!Pattern || Pattern->empty())
      return false;
    llvm::Regex Regex(*Pattern);
    return Regex.isValid() && Regex.match(SM->getFilename(File));
  };
  const ClangTidyOptions &Options = TidyContext->getOptions();
  return Matches(Options.HeaderFilterRegex) &&
         !Matches(Options.ExcludeHeaderFilterRegex);
}

} // namespace clang::tidy::bpf
