//===- RecordLayout.h - where a C struct's fields are, by name --*- C++ -*-===//
//
// A notification or metrics record is read by field name, never by a fixed
// offset: the layout comes from the object's BTF or DWARF (BtfLayouts,
// DwarfLayouts), so field order, bitfields and padding never matter. Nested
// structs and unions are flattened into dotted names ("hdr.type").
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_RECORDLAYOUT_H
#define BPF_TIDY_VERIFY_RECORDLAYOUT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

/// One scalar field (integer, enum or bitfield) of a record.
struct FieldLayout {
  std::string Name;
  /// From the record's start, in the target's (little-endian) bit order.
  uint32_t BitOffset = 0;
  uint32_t BitSize = 0;
  bool Signed = false;
};

struct RecordLayout {
  std::string Name;
  uint32_t ByteSize = 0;
  std::vector<FieldLayout> Fields;

  const FieldLayout *find(llvm::StringRef Field) const;
};

/// Reads \p Field from \p Record (little-endian), sign-extended when the
/// field is signed; std::nullopt when the record is too short for it.
std::optional<int64_t> readField(llvm::ArrayRef<uint8_t> Record,
                                 const FieldLayout &Field);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_RECORDLAYOUT_H
