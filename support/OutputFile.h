//===- OutputFile.h - a file an option asks for -------------*- C++ -*-===//
//
// --output, --export-fixes, --write-baseline, migrate's --report, verify's
// --json and audit's --output name files bpf-tidy writes ("" or "-":
// standard output). Each is opened before anything is edited, so a path
// that cannot be written stops the run before the first edit, and is
// replaced atomically (support/AtomicFile), so a failure (disk full) leaves
// the previous file whole. The text report is clang-tidy's own printer,
// which writes to standard output, so for it standard output itself is
// pointed at the temporary file while it prints. A path that is not a
// regular file but a character device or a pipe (/dev/null, /dev/stdout, a
// FIFO, a process substitution) cannot be renamed over: the text is written
// to it as it comes, as to standard output.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_SUPPORT_OUTPUTFILE_H
#define BPF_TIDY_SUPPORT_OUTPUTFILE_H

#include "support/AtomicFile.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>

namespace bpftidy {

class OutputFile {
public:
  /// Opens \p Path, named by \p Option (for messages).
  static llvm::Expected<OutputFile> open(llvm::StringRef Option,
                                         llvm::StringRef Path);

  bool isStdout() const { return !File && !Stream; }
  /// Whether the text goes out as it is written (standard output, a device,
  /// a pipe): it can be written only once, and replaces nothing.
  bool isStream() const { return !File; }
  const std::string &option() const { return Option; }
  const std::string &path() const { return Path; }
  /// The file that will be replaced (symlinks resolved); "" for a stream.
  std::string target() const { return File ? File->target() : ""; }

  /// Makes the file's new text \p Content. May be called again with a text
  /// no longer than before (it then needs no more space), but not on a
  /// stream.
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
  /// A device or pipe: written as it is; StreamFD is Stream's descriptor.
  std::unique_ptr<llvm::raw_fd_ostream> Stream;
  int StreamFD = -1;
};

/// Writes what \p Write prints to \p Path ("" or "-": standard output),
/// atomically. On failure returns false and says why in \p Error.
bool writeOutput(llvm::StringRef Option, llvm::StringRef Path,
                 llvm::function_ref<void(llvm::raw_ostream &)> Write,
                 std::string &Error);

} // namespace bpftidy

#endif // BPF_TIDY_SUPPORT_OUTPUTFILE_H
