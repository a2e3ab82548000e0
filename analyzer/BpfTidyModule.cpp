//===- BpfTidyModule.cpp - the "bpf" clang-tidy module --------------------===//
//
// Registers the bpf-* checks. Built into the bpf-tidy command and into the
// plugin that stock clang-tidy loads with --load.
//
//===----------------------------------------------------------------------===//

#include "analyzer/BareDropReturnCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::bpf {

class BpfModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BareDropReturnCheck>("bpf-bare-drop-return");
  }
};

static ClangTidyModuleRegistry::Add<BpfModule>
    X("bpf-module", "Checks for BPF datapaths: drops that reach the kernel "
                    "unreported.");

} // namespace clang::tidy::bpf

// Referenced by the bpf-tidy command so a static link keeps this module.
volatile int BpfTidyModuleAnchorSource = 0;
