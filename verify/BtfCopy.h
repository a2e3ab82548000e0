//===- BtfCopy.h - rebuild an object's BTF, ids and strings kept -*- C++
//-*-===//
//
// libbpf's BTF writer only appends. To replace a type (a DATASEC the ELF
// pre-pass changes), the pre-pass copies the object's BTF type by type into
// a new one, emitting its own type at the replaced ids. The copy keeps every
// type id and every string offset of the original, so .BTF.ext (which names
// both) stays valid unchanged; new types and strings are appended.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_BTFCOPY_H
#define BPF_TIDY_VERIFY_BTFCOPY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

struct btf;

namespace bpftidy::verify {

struct BtfDeleter {
  void operator()(btf *B) const;
};
using BtfPtr = std::unique_ptr<btf, BtfDeleter>;

/// Parses raw .BTF section bytes.
llvm::Expected<BtfPtr> parseBtf(llvm::ArrayRef<uint8_t> Raw);

/// The id of the DATASEC named \p Name, if any.
std::optional<uint32_t> findDatasec(const btf *B, llvm::StringRef Name);

class BtfCopy {
public:
  /// A new BTF holding \p Source's strings at their offsets, no types yet.
  static llvm::Expected<BtfCopy> start(const btf *Source,
                                       llvm::ArrayRef<uint8_t> SourceRaw);

  btf *target() { return Target.get(); }
  /// The id the next type added to target() gets.
  uint32_t nextId() const;
  /// Copies the source's types up to (not including) \p Id.
  llvm::Error copyUpTo(uint32_t Id);
  /// Skips source type \p Id: the caller has just added the one type that
  /// takes its place.
  llvm::Error replaced(uint32_t Id);
  /// Copies the remaining source types.
  llvm::Error copyRest();
  /// The raw bytes of the new BTF.
  std::vector<uint8_t> raw() const;

private:
  BtfCopy(const btf *Source, BtfPtr Target)
      : Source(Source), Target(std::move(Target)) {}
  const btf *Source;
  BtfPtr Target;
  uint32_t NextSourceId = 1;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_BTFCOPY_H
