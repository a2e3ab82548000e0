//===- NoLint.cpp ---------------------------------------------------------===//

#include "audit/NoLint.h"
#include "clang-tidy/NoLintDirectiveHandler.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Diagnostic.h"

using namespace clang;

namespace bpftidy::audit {

/// A diagnostics consumer that asks clang-tidy's NOLINT reader about each
/// diagnostic it gets, as clang-tidy's own consumer does.
class NoLintReader::Impl : public DiagnosticConsumer {
public:
  Impl(const SourceManager &SM, llvm::StringRef CheckName)
      : CheckName(CheckName.str()),
        Engine(new DiagnosticIDs, new DiagnosticOptions, this,
               /*ShouldOwnClient=*/false) {
    Engine.setSourceManager(const_cast<SourceManager *>(&SM));
    Probe = Engine.getCustomDiagID(DiagnosticsEngine::Warning, "finding");
  }

  bool silences(SourceLocation Location) {
    Silenced = false;
    Engine.Report(Location, Probe);
    return Silenced;
  }

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    llvm::SmallVector<tooling::Diagnostic, 1> NoLintErrors;
    // As clang-tidy reads them by default: files may be read, NOLINTBEGIN
    // blocks count.
    Silenced = Handler.shouldSuppress(Level, Info, CheckName, NoLintErrors,
                                      /*AllowIO=*/true,
                                      /*EnableNoLintBlocks=*/true);
  }

private:
  std::string CheckName;
  tidy::NoLintDirectiveHandler Handler;
  DiagnosticsEngine Engine;
  unsigned Probe = 0;
  bool Silenced = false;
};

NoLintReader::NoLintReader(const SourceManager &SM, llvm::StringRef CheckName)
    : PImpl(std::make_unique<Impl>(SM, CheckName)) {}

NoLintReader::~NoLintReader() = default;

bool NoLintReader::silences(SourceLocation Location) {
  return Location.isValid() && PImpl->silences(Location);
}

} // namespace bpftidy::audit
