//===- NotifyExpansions.cpp -----------------------------------------------===//

#include "analyzer/core/NotifyExpansions.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

using namespace clang;

namespace bpftidy {

namespace {
class Recorder : public PPCallbacks {
public:
  Recorder(const llvm::StringSet<> &Helpers,
           std::vector<NotifyExpansion> &Expansions)
      : Helpers(Helpers), Expansions(Expansions) {}

  void MacroExpands(const Token &Name, const MacroDefinition &MD, SourceRange,
                    const MacroArgs *) override {
    const IdentifierInfo *Id = Name.getIdentifierInfo();
    if (Id && Helpers.contains(Id->getName()))
      Expansions.push_back({Id->getName().str(), Name.getLocation(), {}});
  }

private:
  const llvm::StringSet<> &Helpers;
  std::vector<NotifyExpansion> &Expansions;
};
} // namespace

std::vector<const NotifyExpansion *>
NotifyExpansions::within(SourceLocation Begin, SourceLocation End,
                         const SourceManager &SM) const {
  if (Index.size() != Expansions.size()) {
    Index.clear();
    for (size_t I = 0; I < Expansions.size(); ++I) {
      auto [File, Offset] =
          SM.getDecomposedLoc(SM.getExpansionLoc(Expansions[I].NameLoc));
      Index.emplace_back(File.getHashValue(), Offset, I);
    }
    llvm::sort(Index);
  }
  auto [File, From] = SM.getDecomposedLoc(Begin);
  unsigned To = SM.getDecomposedLoc(End).second;
  std::vector<const NotifyExpansion *> Found;
  auto It =
      std::lower_bound(Index.begin(), Index.end(),
                       std::make_tuple(File.getHashValue(), From, size_t(0)));
  for (; It != Index.end() && std::get<0>(*It) == File.getHashValue() &&
         std::get<1>(*It) <= To;
       ++It)
    Found.push_back(&Expansions[std::get<2>(*It)]);
  return Found;
}

std::unique_ptr<PPCallbacks>
NotifyExpansions::recorder(const llvm::StringSet<> &Helpers) {
  return std::make_unique<Recorder>(Helpers, Expansions);
}

} // namespace bpftidy
