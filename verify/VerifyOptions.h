//===- VerifyOptions.h - the command line of bpf-tidy verify ----*- C++ -*-===//
//
// verify's options on llvm::cl, like bpf-tidy's own: a "verify" subcommand
// of bpf-tidy, or the top level of bpf-tidy-verify (which links no Clang).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_VERIFYOPTIONS_H
#define BPF_TIDY_VERIFY_VERIFYOPTIONS_H

#include "verify/AgentConstants.h"
#include "verify/ProgramSections.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

struct VerifyOptions {
  enum class Mode { Probe, Single, Differential } RunMode = Mode::Single;
  std::string Configs;
  std::string Before;
  std::string After;
  std::string Sites;
  /// --fixed-sites: where the fix wrote its notifications (differential).
  std::string FixedSites;
  /// Site kinds the tool fixes today; empty means all kinds.
  std::vector<std::string> FixedKinds;
  /// Where objects are built; empty: a temporary directory, removed after.
  std::string OutDir;
  /// Where the JSON report goes; "-" for stdout; empty for none.
  std::string JsonFile;
  std::string Clang;
  /// --profile: a built-in profile's name or a JSON profile file; empty:
  /// detected from each object.
  std::string Profile;
  std::vector<ProgramTypeOverride> TypeOverrides;
  /// --map-id ID=NAME: legacy map id -> map name, for "ID/KEY" sections.
  std::map<uint32_t, std::string> LegacyMapIds;
  /// --endpoint-id: where template tail calls are also wired.
  std::optional<uint32_t> EndpointId;
  unsigned Jobs = 0;
  unsigned LogLines = 20;
  bool Verbose = false;
  /// CONFIG()-style constants set for the run (--set-constant).
  AgentConstantValues Constants;
  /// Pin maps that ask for it in a private bpffs (--pin-maps).
  bool PinMaps = false;
};

/// The clang used when --clang is not given.
llvm::StringRef defaultClang();

/// bpf-tidy's "verify" subcommand, registered on first use (so that
/// bpf-tidy-verify, whose options sit at the top level, has none).
llvm::cl::SubCommand &verifySubCommand();

/// Parses a whole command line: \p Argv[0] is the program and, when \p Sub
/// is not the top level, \p Argv[1] the subcommand's name. The options are
/// registered under \p Sub on the first call; every later call must pass the
/// same \p Sub. --help (or -h) prints the help and exits 0, as llvm::cl
/// does. Errors are usage errors, llvm::cl's own messages included.
llvm::Expected<VerifyOptions>
parseVerifyOptions(llvm::ArrayRef<const char *> Argv,
                   llvm::cl::SubCommand &Sub);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_VERIFYOPTIONS_H
