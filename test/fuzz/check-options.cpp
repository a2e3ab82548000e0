//===- check-options.cpp - fuzz bpf-bare-drop-return's options ------------===//
//
// The check's options as a .clang-tidy file gives them (CheckOptions). The
// input is one "Name=value" line per option (Name without the check's
// prefix). The check is built from them as clang-tidy builds it. Invariants:
// every configuration error has a message; the options the check stores
// (what --dump-config prints) read back to the same options, and options that
// read without an error store back without one.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"
#include "analyzer/checks/BareDropReturnCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"

using namespace bpftidy;
using namespace clang::tidy;

static const char *const CheckName = "bpf-bare-drop-return";

struct Built {
  ClangTidyOptions::OptionMap Stored;
  size_t Errors = 0;
};

/// Builds the check from \p Options as clang-tidy does, and returns what it
/// stores and how many configuration errors it reported.
static Built build(const ClangTidyOptions::OptionMap &Options) {
  ClangTidyOptions Opts = ClangTidyOptions::getDefaults();
  Opts.Checks = std::string("-*,") + CheckName;
  Opts.CheckOptions = Options;
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), std::move(Opts)));
  ClangTidyDiagnosticConsumer Consumer(Context);
  clang::DiagnosticsEngine Engine(new clang::DiagnosticIDs(),
                                  new clang::DiagnosticOptions(), &Consumer,
                                  /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Engine);
  Context.setCurrentFile("fuzz.c");

  Built Result;
  bpf::BareDropReturnCheck Check(CheckName, &Context);
  Check.storeOptions(Result.Stored);
  for (const ClangTidyError &Error : Consumer.take()) {
    FUZZ_CHECK(!Error.Message.Message.empty(),
               "a configuration error without a message");
    ++Result.Errors;
  }
  return Result;
}

static std::map<std::string, std::string>
values(const ClangTidyOptions::OptionMap &Options) {
  std::map<std::string, std::string> Values;
  for (const auto &Entry : Options)
    Values[Entry.getKey().str()] = Entry.getValue().Value;
  return Values;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ClangTidyOptions::OptionMap Options;
  llvm::SmallVector<llvm::StringRef> Lines;
  fuzz::asText(Data, Size).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    auto [Name, Value] = Line.split('=');
    Options[(llvm::Twine(CheckName) + "." + Name).str()] = Value;
  }

  Built First = build(Options);
  Built Second = build(First.Stored);
  FUZZ_CHECK(values(First.Stored) == values(Second.Stored),
             "stored options do not read back the same");
  FUZZ_CHECK(First.Errors || !Second.Errors,
             "options that read cleanly store an invalid value");
  return 0;
}
