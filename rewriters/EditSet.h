//===- EditSet.h - merge edits and write them safely ------------*- C++ -*-===//
//
// Fixes come from many translation units and configurations. The same edit
// proposed twice is one edit; two different edits of the same text are a
// conflict, and neither is applied. Files are written only if they still
// are the files that were analysed and hold the text that was analysed,
// atomically (support/AtomicFile: temporary file in the same directory,
// owner, mode and extended attributes kept, symlinks followed, then
// rename). A file with other hard links is refused, or edited in place.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_REWRITERS_EDITSET_H
#define BPF_TIDY_REWRITERS_EDITSET_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include <map>
#include <string>
#include <vector>

namespace bpftidy::rewriters {

/// Hash of a file's contents, used to detect files changed since parsing.
uint64_t contentHash(llvm::StringRef Content);

class EditSet {
public:
  /// Records that the edits for \p FilePath were computed against a text
  /// whose contentHash() is \p Hash. A file with edits but no expectation is
  /// checked against the text it had when its first edit was added.
  /// Two different expectations for one file refuse it (RefusedChanged).
  void expectContent(llvm::StringRef FilePath, uint64_t Hash);

  /// Records that the file analysed at \p FilePath was \p ID (device and
  /// inode): another file found there when writing is refused
  /// (RefusedChanged), even if it holds the same text.
  void expectIdentity(llvm::StringRef FilePath, llvm::sys::fs::UniqueID ID);

  /// Adds \p R, proposed by \p Origin (a TU or configuration name, for
  /// messages). A replacement identical to one already held is merged.
  /// Paths are made absolute (without resolving symlinks) so that TUs naming
  /// a file differently agree; results and conflicts use that form.
  void add(const clang::tooling::Replacement &R, llvm::StringRef Origin);

  struct Conflict {
    clang::tooling::Replacement First, Second;
    std::string FirstOrigin, SecondOrigin;
  };
  /// Pairs of different edits that overlap. Neither is applied.
  std::vector<Conflict> conflicts() const;

  /// The edits that will be applied, per file (conflicting ones removed).
  std::map<std::string, clang::tooling::Replacements> mergedEdits() const;

  struct FileResult {
    enum Status {
      Written,         ///< edits applied and the file replaced atomically
      RefusedChanged,  ///< the file no longer holds the analysed text
      RefusedWrite,    ///< the file or its directory cannot be written
      RefusedConflict, ///< every edit of this file was in conflict
      RefusedLinked,   ///< the file has other hard links (HardLinks::Refuse)
    };
    std::string Path;
    Status State;
    unsigned EditsApplied = 0;
    std::string Message; ///< why, for refusals
  };
  /// What to do with a file that has more than one hard link. Replacing it
  /// would give the edited name a new inode and leave the other names with
  /// the old text.
  enum class HardLinks {
    Refuse,  ///< leave it alone (RefusedLinked)
    InPlace, ///< write the new text into the file itself (AtomicFile::
             ///< commitInPlace: not atomic against SIGKILL or a crash)
  };

  /// Applies mergedEdits() file by file. A refused file is left untouched;
  /// the others are still written.
  std::vector<FileResult> apply(HardLinks Links = HardLinks::Refuse) const;

private:
  struct Proposed {
    clang::tooling::Replacement R;
    std::string Origin;
  };
  /// One file's proposals split into the edits to apply and the conflicts.
  struct Resolution {
    std::vector<Proposed> Kept;
    std::vector<Conflict> Conflicts;
  };
  static Resolution resolve(const std::vector<Proposed> &Proposals);

  /// Keyed by absolute path (dots removed, symlinks kept).
  std::map<std::string, std::vector<Proposed>> Edits;
  llvm::StringMap<uint64_t> Expected;
  std::map<std::string, llvm::sys::fs::UniqueID> Identities;
  /// Files whose origins analysed different contents: never written.
  llvm::StringSet<> Inconsistent;
};

} // namespace bpftidy::rewriters

#endif // BPF_TIDY_REWRITERS_EDITSET_H
