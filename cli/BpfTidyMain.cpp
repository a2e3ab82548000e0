//===- BpfTidyMain.cpp - the bpf-tidy command -----------------------------===//
//
// Dispatches subcommands (verify, migrate, audit, merge-sarif); without one,
// bpf-tidy analyses (and fixes) sources like clang-tidy does.
//
//===----------------------------------------------------------------------===//

#include "audit/AuditCommand.h"
#include "cli/AnalyzeCommand.h"
#include "cli/MigrateCommand.h"
#include "cli/SarifMerge.h"
#include "config/Version.h"
#include "support/RemoveOnSignal.h"
#include "verify/VerifyCommand.h"
#include "verify/VerifyOptions.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/TargetSelect.h"
#include <cstring>

// Keeps the bpf clang-tidy module's registration in a static link.
extern volatile int BpfTidyModuleAnchorSource;
[[maybe_unused]] static int BpfTidyModuleAnchorDestination =
    BpfTidyModuleAnchorSource;

int main(int Argc, const char **Argv) {
  bpftidy::installRemoveOnSignal();
  llvm::InitLLVM X(Argc, Argv);
  bpftidy::usePrintVersionForCommandLine();
  // The subcommands exist before any parse, so --help lists them.
  bpftidy::verify::verifySubCommand();
  bpftidy::registerMigrateSubcommand();
  bpftidy::audit::registerAuditSubcommand();
  bpftidy::registerMergeSarifSubcommand();
  if (Argc > 1 && std::strcmp(Argv[1], "verify") == 0)
    return bpftidy::verify::verifySubcommandMain(Argc, Argv);
  if (Argc > 1 && std::strcmp(Argv[1], "merge-sarif") == 0)
    return bpftidy::mergeSarifMain(Argc, Argv);
  // Targets let the driver understand -target bpf and friends.
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  if (Argc > 1 && std::strcmp(Argv[1], "audit") == 0)
    return bpftidy::audit::auditMain(Argc, Argv);
  if (Argc > 1 && std::strcmp(Argv[1], "migrate") == 0)
    return bpftidy::migrateMain(Argc, Argv);
  return bpftidy::analyzeMain(Argc, Argv);
}
