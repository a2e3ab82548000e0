//===- SamePreprocessing.cpp ----------------------------------------------===//

#include "cli/SamePreprocessing.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace bpftidy {

namespace {
/// A command line split into its macro definitions (the state each name is
/// left in, in order of the flags) and everything else that can change the
/// preprocessed text.
struct SplitCommand {
  llvm::StringMap<std::optional<std::string>> Macros; // nullopt: -U
  std::vector<std::string> Rest;
};

SplitCommand split(const std::vector<std::string> &Line) {
  SplitCommand Out;
  auto Define = [&](llvm::StringRef Body, bool Undefine) {
    auto [Name, Value] = Body.split('=');
    if (Undefine)
      Out.Macros[Name] = std::nullopt;
    else
      Out.Macros[Name] = Body.contains('=') ? Value.str() : std::string("1");
  };
  for (size_t I = 0; I < Line.size(); ++I) {
    llvm::StringRef Arg = Line[I];
    bool HasNext = I + 1 < Line.size();
    if ((Arg == "-D" || Arg == "-U") && HasNext) {
      Define(Line[++I], Arg == "-U");
      continue;
    }
    if (Arg.starts_with("-D") || Arg.starts_with("-U")) {
      Define(Arg.drop_front(2), Arg.starts_with("-U"));
      continue;
    }
    // Outputs and dependency files do not change what is parsed.
    if ((Arg == "-o" || Arg == "-MF" || Arg == "-MT" || Arg == "-MQ") &&
        HasNext) {
      ++I;
      continue;
    }
    if (Arg.starts_with("-o") || Arg == "-MD" || Arg == "-MMD" ||
        Arg.starts_with("-MF") || Arg.starts_with("-MT"))
      continue;
    Out.Rest.push_back(Arg.str());
  }
  return Out;
}
} // namespace

bool preprocessesAlike(const AnalysisUnit &Analysed,
                       const llvm::StringSet<> &Footprint,
                       const AnalysisUnit &Other) {
  if (Analysed.File != Other.File ||
      Analysed.Command.Directory != Other.Command.Directory ||
      Footprint.empty())
    return false;
  SplitCommand A = split(Analysed.Command.CommandLine);
  SplitCommand B = split(Other.Command.CommandLine);
  if (A.Rest != B.Rest)
    return false;
  auto DiffersOnlyOutside = [&](const SplitCommand &X, const SplitCommand &Y) {
    for (const auto &Entry : X.Macros) {
      auto It = Y.Macros.find(Entry.first());
      bool Same = It != Y.Macros.end() && It->second == Entry.second;
      // -UNAME on one side and nothing on the other leave NAME alike.
      if (!Same && It == Y.Macros.end() && !Entry.second)
        Same = true;
      if (!Same && Footprint.contains(Entry.first()))
        return false;
    }
    return true;
  };
  return DiffersOnlyOutside(A, B) && DiffersOnlyOutside(B, A);
}

} // namespace bpftidy
