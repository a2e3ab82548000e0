//===- RecordLayout.cpp - where a C struct's fields are, by name ----------===//

#include "verify/RecordLayout.h"

using namespace llvm;

namespace bpftidy::verify {

const FieldLayout *RecordLayout::find(StringRef Field) const {
  for (const FieldLayout &F : Fields)
    if (F.Name == Field)
      return &F;
  return nullptr;
}

std::optional<int64_t> readField(ArrayRef<uint8_t> Record,
                                 const FieldLayout &Field) {
  if (Field.BitSize == 0 || Field.BitSize > 64)
    return std::nullopt;
  uint64_t End = uint64_t(Field.BitOffset) + Field.BitSize;
  if ((End + 7) / 8 > Record.size())
    return std::nullopt;
  uint64_t Value = 0;
  for (uint32_t Bit = 0; Bit < Field.BitSize; ++Bit) {
    uint64_t At = uint64_t(Field.BitOffset) + Bit;
    if (Record[At / 8] >> (At % 8) & 1)
      Value |= uint64_t(1) << Bit;
  }
  if (Field.Signed && Field.BitSize < 64 && (Value >> (Field.BitSize - 1) & 1))
    Value |= ~uint64_t(0) << Field.BitSize;
  return static_cast<int64_t>(Value);
}

} // namespace bpftidy::verify
