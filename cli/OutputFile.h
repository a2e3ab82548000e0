//===- OutputFile.h - a file an option asks for ------------------*- C++
//-*-===//
//
// --output, --export-fixes, --write-baseline and migrate's --report name
// files bpf-tidy writes ("" or "-": standard output). Each is opened before
// anything is edited, so a path that cannot be written stops the run
// before the first edit, and is replaced atomically (support/AtomicFile),
// so a failure (disk full) leaves the previous file whole. The text report
// is clang-tidy's own printer, which writes to standard output, so for it
// standard output itself is pointed at the temporary file while it prints.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_OUTPUTFILE_H
#define BPF_TIDY_CLI_OUTPUTFILE_H

#include "support/AtomicFile.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>

namespace bpftidy {

class OutputFile {
public:
  /// Opens \p Path, named by \p Option (for messages).
  static llvm::Expected<OutputFile> open(llvm::StringRef Option,
                                         llvm::StringRef Path);

  bool isStdout() const { return !File; }
  const std::string &option() const { return Option; }
  const std::string &path() const { return Path; }
  /// The file that will be replaced (symlinks resolved); "" for standard
  /// output.
  std::string target() const { return File ? File->target() : ""; }

  /// Makes the file's new text \p Content. May be called again with a text
  /// no longer than before (it then needs no more space).
  llvm::Error write(llvm::StringRef Content);
  /// Calls \p Print, which prints on standard output, with standard output
  /// sent to the file.
  llvm::Error writeFromStdout(llvm::function_ref<void()> Print);
  /// Puts the new text in place of the file.
  llvm::Error commit();

private:
  OutputFile(llvm::StringRef Option, llvm::StringRef Path)
      : Option(Option.str()), Path(Path.str()) {}
  llvm::Error failed(llvm::Error E) const;

  std::string Option, Path;
  std::optional<AtomicFile> File;
};

/// Writes what \p Write prints to \p Path ("" or "-": standard output),
/// atomically. On failure returns false and says why in \p Error.
bool writeOutput(llvm::StringRef Option, llvm::StringRef Path,
                 llvm::function_ref<void(llvm::raw_ostream &)> Write,
                 std::string &Error);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_OUTPUTFILE_H
