//===- AnalysisUnit.h - one source in one configuration ---------*- C++ -*-===//
//
// The analysis runs per unit: a source file compiled with one set of flags
// (a configuration). Units come from the flags after '--', from a
// compilation database (several entries for one file are several
// configurations, as `bear -- make` of a permutation build records them),
// or from a configuration list (docs/formats.md, section 1).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_ANALYSISUNIT_H
#define BPF_TIDY_CLI_ANALYSISUNIT_H

#include "config/ConfigurationList.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace bpftidy {

struct AnalysisUnit {
  /// Absolute path of the source.
  std::string File;
  /// The configuration's name: from the configuration list, else made
  /// from the command's -D and -U flags that not every command of the
  /// database has ("default" when it has none of its own).
  std::string Configuration;
  clang::tooling::CompileCommand Command;
};

/// One unit per compile command of each of \p Files.
std::vector<AnalysisUnit>
unitsFromDatabase(const clang::tooling::CompilationDatabase &Database,
                  const std::vector<std::string> &Files);

/// One unit per source and configuration of \p List, compiled as
/// `<Compiler> -target bpf <common flags> <configuration flags> -c SOURCE`.
std::vector<AnalysisUnit>
unitsFromConfigurationList(const ConfigurationList &List,
                           llvm::StringRef Compiler);

/// The -D and -U flags of \p CommandLine as a name spells them:
/// "NAME[=VALUE]" for -D, "!NAME" for -U, in command-line order.
std::vector<std::string> definesOf(const std::vector<std::string> &CommandLine);

/// The defines (as definesOf spells them) that all of \p CommandLines have.
llvm::StringSet<>
commonDefinesOf(const std::vector<std::vector<std::string>> &CommandLines);

/// A short name for a command's configuration: its defines that are not in
/// \p Common, joined by ','; "default" when none is left. The flags every
/// configuration shares (often dozens) say nothing about which one it is.
std::string configurationNameOf(const std::vector<std::string> &CommandLine,
                                const llvm::StringSet<> &Common = {});

} // namespace bpftidy

#endif // BPF_TIDY_CLI_ANALYSISUNIT_H
