//===- CompileCommandsFile.h - check compile_commands.json ------*- C++ -*-===//
//
// clang's tooling reads compile_commands.json leniently: a file cut short
// still yields its first entries (a truncated command line then shows up as
// missing headers), and an entry whose directory is gone aborts the process
// when the tool changes into it. The file and its entries are checked
// before any of it is used.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_COMPILECOMMANDSFILE_H
#define BPF_TIDY_CLI_COMPILECOMMANDSFILE_H

#include "cli/AnalysisUnit.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace bpftidy {

/// The compile_commands.json clang's tooling would load for \p Directory:
/// in it or in the nearest parent holding a compilation database (none
/// when that one is a compile_flags.txt, or there is none).
std::optional<std::string> findCompileCommandsFile(llvm::StringRef Directory);

/// Fails, naming \p Path and the JSON error, unless \p Path holds a JSON
/// array of objects.
llvm::Error checkCompileCommandsFile(llvm::StringRef Path);

/// Fails, naming \p DatabaseFile and the entry, when a unit's compile
/// command runs in a directory that does not exist.
llvm::Error checkCommandDirectories(llvm::ArrayRef<AnalysisUnit> Units,
                                    llvm::StringRef DatabaseFile);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_COMPILECOMMANDSFILE_H
