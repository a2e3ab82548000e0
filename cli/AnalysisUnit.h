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
#include <string>
#include <vector>

namespace bpftidy {

struct AnalysisUnit {
  /// Absolute path of the source.
  std::string File;
  /// The configuration's name: from the configuration list, else made
  /// from the command's -D flags ("default" when it has none).
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

/// A name for a command's configuration: its -D and -U flags, joined.
std::string configurationNameOf(const std::vector<std::string> &CommandLine);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_ANALYSISUNIT_H
