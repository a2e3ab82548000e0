//===- VerifyOptions.h - the command line of bpf-tidy verify ----*- C++ -*-===//

#ifndef BPF_TIDY_VERIFY_VERIFYOPTIONS_H
#define BPF_TIDY_VERIFY_VERIFYOPTIONS_H

#include "verify/ProgramSections.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace bpftidy::verify {

struct VerifyOptions {
  enum class Mode { Help, Probe, Single, Differential } RunMode = Mode::Help;
  std::string Configs;
  std::string Before;
  std::string After;
  std::string Sites;
  /// Site kinds the tool fixes today; empty means all kinds.
  std::vector<std::string> FixedKinds;
  /// Where objects are built; empty: a temporary directory, removed after.
  std::string OutDir;
  /// Where the JSON report goes; "-" for stdout; empty for none.
  std::string JsonFile;
  std::string Clang;
  std::vector<ProgramTypeOverride> TypeOverrides;
  unsigned Jobs = 0;
  unsigned LogLines = 20;
  bool Verbose = false;
};

/// The clang used when --clang is not given.
llvm::StringRef defaultClang();

/// Parses \p Args (without the program name). Errors are usage errors.
llvm::Expected<VerifyOptions>
parseVerifyOptions(llvm::ArrayRef<const char *> Args);

void printVerifyHelp(llvm::raw_ostream &OS, llvm::StringRef ToolName);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_VERIFYOPTIONS_H
