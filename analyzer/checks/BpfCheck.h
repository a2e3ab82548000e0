//===- BpfCheck.h - what every bpf-* check shares ----------------*- C++
//-*-===//
//
// The base of the bpf-* checks. It reads the conventions every check shares
// once, through one table (core/ConventionOptions.h): each option from the
// check's own name ("bpf-bare-drop-return.NotifyHelpers"), else from the
// prefix all bpf-* checks share ("bpf.NotifyHelpers"), else its default;
// like clang-tidy's getLocalOrGlobal, with "bpf." for the global name,
// since names like ExitCode or ColumnLimit are too generic to be global. A
// bad value is a configuration error naming the option and what was
// expected; a check with one reports nothing, so nothing is edited.
//
// It attaches the shared per-unit recorders (the preprocessor footprint)
// and gives notes a reason the driver reads (core/NoteReason.h).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_BPFCHECK_H
#define BPF_TIDY_ANALYZER_CHECKS_BPFCHECK_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/NoteReason.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/Tooling/Core/Replacement.h"

namespace clang::tidy::bpf {

class BpfCheck : public ClangTidyCheck {
public:
  BpfCheck(StringRef Name, ClangTidyContext *Context);

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return true;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) final;

protected:
  /// Called from registerPPCallbacks, only when the options are valid.
  virtual void onPreprocessor(Preprocessor &PP) {}

  const bpftidy::Conventions &conventions() const { return Config; }

  /// Whether every option had a valid value. A check whose options do not
  /// registers no matcher: the configuration error is all it reports.
  bool optionsValid() const { return OptionsValid; }

  /// Emits a note of the finding at \p Finding, at \p Where, with a reason
  /// for the driver.
  void note(SourceLocation Finding, SourceLocation Where,
            bpftidy::NoteReason Reason, std::string Text);

  /// Whether the header filters show a finding at \p Finding by its own
  /// location. clang-tidy also shows a header's finding when one of its
  /// notes lies in the main file: a note the check adds in another file
  /// (where the drop reaches the kernel) must not bring back a finding the
  /// user filtered out.
  bool shownByHeaderFilters(SourceLocation Finding) const;

  /// \p Edit (an offset in the file of \p Finding, as the fix planners
  /// write it) as a fix-it of the finding's diagnostic.
  FixItHint fixIt(SourceLocation Finding,
                  const clang::tooling::Replacement &Edit) const;

  /// The notes of a fix that writes a notification: where its direction
  /// and its other arguments were taken from (empty: nothing to say).
  void fixSourceNotes(SourceLocation Finding, StringRef DirectionSource,
                      StringRef SiblingArguments);

private:
  bpftidy::Conventions readConventions(ClangTidyContext *Context);

  ClangTidyContext *TidyContext;
  const SourceManager *SM = nullptr;
  bool OptionsValid = true;
  const bpftidy::Conventions Config;
};

} // namespace clang::tidy::bpf

#endif // BPF_TIDY_ANALYZER_CHECKS_BPFCHECK_H
