//===- BpfTidyModule.cpp - the "bpf" clang-tidy module --------------------===//
//
// Registers the bpf-* checks, each with its rule (CheckRule.h): adding a
// check is one line in the table below (docs/contributing.md). Built into
// the bpf-tidy command and into the plugin that stock clang-tidy loads with
// --load.
//
//===----------------------------------------------------------------------===//

#include "analyzer/CheckRule.h"
#include "analyzer/checks/BareDropReturnCheck.h"
#include "analyzer/checks/IgnoredTailCallResultCheck.h"
#include "analyzer/checks/UnnotifiedMissedTailCallCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::bpf {

namespace {
struct RegisteredCheck {
  const bpftidy::CheckRule &Rule;
  void (*Register)(ClangTidyCheckFactories &, StringRef Id);
};

template <typename CheckType> RegisteredCheck check() {
  return {CheckType::Rule,
          [](ClangTidyCheckFactories &Factories, StringRef Id) {
            Factories.registerCheck<CheckType>(Id);
          }};
}

const RegisteredCheck Checks[] = {
    check<BareDropReturnCheck>(),
    check<UnnotifiedMissedTailCallCheck>(),
    check<IgnoredTailCallResultCheck>(),
};
} // namespace

class BpfModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    for (const RegisteredCheck &Check : Checks)
      Check.Register(Factories, Check.Rule.Id);
  }
};

static ClangTidyModuleRegistry::Add<BpfModule>
    X("bpf-module", "Checks for BPF datapaths: drops that reach the kernel "
                    "unreported.");

} // namespace clang::tidy::bpf

llvm::ArrayRef<bpftidy::CheckRule> bpftidy::checkRules() {
  static const std::vector<CheckRule> Rules = [] {
    std::vector<CheckRule> All;
    for (const clang::tidy::bpf::RegisteredCheck &Check :
         clang::tidy::bpf::Checks)
      All.push_back(Check.Rule);
    return All;
  }();
  return Rules;
}

// Referenced by the bpf-tidy command so a static link keeps this module.
volatile int BpfTidyModuleAnchorSource = 0;
