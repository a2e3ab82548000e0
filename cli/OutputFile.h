//===- OutputFile.h - where --output sends the report -----------*- C++ -*-===//
//
// --output FILE takes the findings report in any format. The JSON and SARIF
// reports are written to a stream; the text report is clang-tidy's own
// printer, which writes to standard output, so for it standard output
// itself is pointed at the file while it prints.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_OUTPUTFILE_H
#define BPF_TIDY_CLI_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace bpftidy {

/// Calls \p Write with a stream to \p Path ("" or "-": standard output).
/// On failure returns false and says why in \p Error.
bool writeOutput(llvm::StringRef Path,
                 llvm::function_ref<void(llvm::raw_ostream &)> Write,
                 std::string &Error);

/// Calls \p Print, which prints on standard output, with standard output
/// sent to \p Path ("" or "-": left alone).
bool withStdoutTo(llvm::StringRef Path, llvm::function_ref<void()> Print,
                  std::string &Error);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_OUTPUTFILE_H
