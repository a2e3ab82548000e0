//===- EditSet.cpp - merge edits and write them safely --------------------===//

#include "rewriters/EditSet.h"
#include "support/AtomicFile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <optional>
#include <unistd.h>

using namespace llvm;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace bpftidy::rewriters {

uint64_t contentHash(StringRef Content) { return xxh3_64bits(Content); }

namespace {

// One spelling for each file, so that edits from TUs that name it
// differently ("./lib/x.h", "/src/lib/x.h") meet. Symlinks are resolved only
// when writing: the user's name is the one reported.
std::string normalizePath(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/false);
  return std::string(P);
}

ErrorOr<std::unique_ptr<MemoryBuffer>> readFile(StringRef Path) {
  return MemoryBuffer::getFile(Path, /*IsText=*/false,
                               /*RequiresNullTerminator=*/false);
}

/// A file's text and the file it was read from.
struct ReadFile {
  std::unique_ptr<MemoryBuffer> Text;
  sys::fs::file_status Status;
};

/// Reads \p Path once, and says which file (device, inode, link count)
/// that text came from.
ErrorOr<ReadFile> readWithStatus(StringRef Path) {
  Expected<sys::fs::file_t> FD = sys::fs::openNativeFileForRead(Path);
  if (!FD)
    return errorToErrorCode(FD.takeError());
  auto Close = make_scope_exit([&] { sys::fs::closeFile(*FD); });
  ReadFile Result;
  if (std::error_code EC = sys::fs::status(*FD, Result.Status))
    return EC;
  auto Text = MemoryBuffer::getOpenFile(*FD, Path, /*FileSize=*/-1,
                                        /*RequiresNullTerminator=*/false);
  if (!Text)
    return Text.getError();
  Result.Text = std::move(*Text);
  return std::move(Result);
}

bool sameEdit(const Replacement &A, const Replacement &B) {
  return A.getOffset() == B.getOffset() && A.getLength() == B.getLength() &&
         A.getReplacementText() == B.getReplacementText();
}

// Stricter than tooling::Replacements::add, which accepts some overlaps
// whose result depends on nothing but their order: edits from different
// configurations that touch the same text disagree, and guessing which one
// wins could produce code no configuration asked for.
bool overlaps(const Replacement &A, const Replacement &B) {
  unsigned AOff = A.getOffset(), AEnd = AOff + A.getLength();
  unsigned BOff = B.getOffset(), BEnd = BOff + B.getLength();
  if (A.getLength() == 0 && B.getLength() == 0)
    return AOff == BOff;
  if (A.getLength() == 0)
    return BOff < AOff && AOff < BEnd;
  if (B.getLength() == 0)
    return AOff < BOff && BOff < AEnd;
  return AOff < BEnd && BOff < AEnd;
}

EditSet::FileResult refused(StringRef Path, EditSet::FileResult::Status S,
                            const Twine &Message) {
  EditSet::FileResult R;
  R.Path = Path.str();
  R.State = S;
  R.Message = Message.str();
  return R;
}

/// Replaces \p File, which must still be \p ID and hold \p OldCode, with
/// \p NewCode: atomically, or in place for a file with other hard links.
Error write(StringRef File, sys::fs::UniqueID ID, StringRef NewCode,
            StringRef OldCode, bool InPlace) {
  Expected<AtomicFile> Out = AtomicFile::begin(File, ID);
  Error E = Out ? Out->write(NewCode) : Out.takeError();
  if (!E)
    E = InPlace ? Out->commitInPlace(NewCode, OldCode) : Out->commit();
  return prefixError("cannot write '" + File + "': ", std::move(E));
}

} // namespace

void EditSet::expectContent(StringRef FilePath, uint64_t Hash) {
  std::string Key = normalizePath(FilePath);
  auto [It, Inserted] = Expected.try_emplace(Key, Hash);
  if (!Inserted && It->second != Hash)
    Inconsistent.insert(Key);
}

void EditSet::expectIdentity(StringRef FilePath, sys::fs::UniqueID ID) {
  Identities.try_emplace(normalizePath(FilePath), ID);
}

void EditSet::add(const Replacement &R, StringRef Origin) {
  std::string Key = normalizePath(R.getFilePath());
  std::vector<Proposed> &List = Edits[Key];
  // The baseline for files nobody vouched for: their text now, before
  // anything else can change it.
  if (List.empty() && !Expected.count(Key))
    if (auto Buf = readFile(Key))
      Expected[Key] = contentHash((*Buf)->getBuffer());
  Replacement Normal(Key, R.getOffset(), R.getLength(), R.getReplacementText());
  for (const Proposed &P : List)
    if (sameEdit(P.R, Normal))
      return;
  List.push_back({std::move(Normal), Origin.str()});
}

EditSet::Resolution EditSet::resolve(const std::vector<Proposed> &Proposals) {
  std::vector<const Proposed *> Sorted;
  for (const Proposed &P : Proposals)
    Sorted.push_back(&P);
  // By offset, then in the order proposed (pointers into one vector).
  llvm::sort(Sorted, [](const Proposed *A, const Proposed *B) {
    return std::make_pair(A->R.getOffset(), A) <
           std::make_pair(B->R.getOffset(), B);
  });
  Resolution Res;
  std::vector<bool> InConflict(Sorted.size());
  for (size_t I = 0; I < Sorted.size(); ++I) {
    const Replacement &A = Sorted[I]->R;
    unsigned AEnd = A.getOffset() + A.getLength();
    for (size_t J = I + 1; J < Sorted.size(); ++J) {
      const Replacement &B = Sorted[J]->R;
      if (B.getOffset() > AEnd)
        break;
      if (!overlaps(A, B))
        continue;
      InConflict[I] = InConflict[J] = true;
      Res.Conflicts.push_back({A, B, Sorted[I]->Origin, Sorted[J]->Origin});
    }
  }
  for (size_t I = 0; I < Sorted.size(); ++I)
    if (!InConflict[I])
      Res.Kept.push_back(*Sorted[I]);
  return Res;
}

std::vector<EditSet::Conflict> EditSet::conflicts() const {
  std::vector<Conflict> All;
  for (const auto &[File, Proposals] : Edits) {
    Resolution Res = resolve(Proposals);
    All.insert(All.end(), Res.Conflicts.begin(), Res.Conflicts.end());
  }
  return All;
}

std::map<std::string, Replacements> EditSet::mergedEdits() const {
  std::map<std::string, Replacements> Merged;
  for (const auto &[File, Proposals] : Edits) {
    Resolution Res = resolve(Proposals);
    if (Res.Kept.empty())
      continue;
    Replacements &Out = Merged[File];
    for (const Proposed &P : Res.Kept)
      // resolve() removed every overlap, so this cannot fail.
      cantFail(Out.add(P.R));
  }
  return Merged;
}

std::vector<EditSet::FileResult> EditSet::apply(HardLinks Links) const {
  using Status = FileResult::Status;
  std::vector<FileResult> Results;
  for (const auto &[File, Proposals] : Edits) {
    Resolution Res = resolve(Proposals);
    if (Res.Kept.empty()) {
      Results.push_back(refused(File, FileResult::RefusedConflict,
                                "every edit of this file conflicts with "
                                "another edit"));
      continue;
    }
    if (Inconsistent.contains(File)) {
      Results.push_back(refused(File, FileResult::RefusedChanged,
                                "file changed while it was being analysed "
                                "(its edits were computed against different "
                                "contents)"));
      continue;
    }
    auto Want = Expected.find(File);
    if (Want == Expected.end()) {
      Results.push_back(refused(File, FileResult::RefusedChanged,
                                "file could not be read when it was analysed"));
      continue;
    }
    auto Read = readWithStatus(File);
    if (!Read) {
      std::error_code EC = Read.getError();
      Status S = EC == errc::no_such_file_or_directory
                     ? FileResult::RefusedChanged
                     : FileResult::RefusedWrite;
      Results.push_back(
          refused(File, S, "cannot read file: " + Twine(EC.message())));
      continue;
    }
    sys::fs::UniqueID ReadID = Read->Status.getUniqueID();
    auto Analysed = Identities.find(File);
    if (Analysed != Identities.end() && Analysed->second != ReadID) {
      Results.push_back(refused(File, FileResult::RefusedChanged,
                                "another file is at its path now (it was "
                                "replaced since it was analysed)"));
      continue;
    }
    StringRef Code = Read->Text->getBuffer();
    if (contentHash(Code) != Want->second) {
      Results.push_back(refused(File, FileResult::RefusedChanged,
                                "file changed since it was analysed"));
      continue;
    }
    unsigned LinkCount = Read->Status.getLinkCount();
    if (LinkCount > 1 && Links == HardLinks::Refuse) {
      Results.push_back(refused(
          File, FileResult::RefusedLinked,
          "it has " + Twine(LinkCount) +
              " hard links, and replacing it would split them (the other "
              "names would keep the old text)"));
      continue;
    }

    Replacements Merged;
    std::optional<FileResult> Bad;
    for (const Proposed &P : Res.Kept) {
      if (P.R.getOffset() + P.R.getLength() > Code.size()) {
        Bad = refused(File, FileResult::RefusedChanged,
                      "edit at offset " + Twine(P.R.getOffset()) +
                          " lies past the end of the file");
        break;
      }
      cantFail(Merged.add(P.R));
    }
    if (Bad) {
      Results.push_back(std::move(*Bad));
      continue;
    }
    llvm::Expected<std::string> NewCode =
        clang::tooling::applyAllReplacements(Code, Merged);
    if (!NewCode) {
      Results.push_back(refused(File, FileResult::RefusedConflict,
                                toString(NewCode.takeError())));
      continue;
    }
    if (*NewCode != Code)
      if (Error E = write(File, ReadID, *NewCode, Code, LinkCount > 1)) {
        std::error_code EC;
        std::string Why;
        handleAllErrors(std::move(E), [&](const ErrorInfoBase &Info) {
          EC = Info.convertToErrorCode();
          Why = Info.message();
        });
        // The file was swapped at the last moment: as good as changed.
        Status S = EC == errc::device_or_resource_busy
                       ? FileResult::RefusedChanged
                       : FileResult::RefusedWrite;
        Results.push_back(refused(File, S, Why));
        continue;
      }
    FileResult Done;
    Done.Path = File;
    Done.State = FileResult::Written;
    Done.EditsApplied = Res.Kept.size();
    if (!Res.Conflicts.empty())
      Done.Message = std::to_string(Res.Conflicts.size()) +
                     " conflicting edit pair(s) not applied";
    Results.push_back(std::move(Done));
  }
  return Results;
}

} // namespace bpftidy::rewriters
