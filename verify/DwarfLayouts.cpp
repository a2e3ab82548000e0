//===- DwarfLayouts.cpp - record layouts and enumerators from DWARF -------===//

#include "verify/DwarfLayouts.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/DebugInfo/DWARF/DWARFContext.h"
#include "llvm/DebugInfo/DWARF/DWARFDie.h"
#include "llvm/DebugInfo/DWARF/DWARFUnit.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace bpftidy::verify {

DwarfTypes::~DwarfTypes() = default;

Expected<std::unique_ptr<DwarfTypes>> DwarfTypes::open(StringRef ObjectPath) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(ObjectPath, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read '" + ObjectPath +
                                 "': " + Buffer.getError().message());
  Expected<std::unique_ptr<object::ObjectFile>> Object =
      object::ObjectFile::createObjectFile((*Buffer)->getMemBufferRef());
  if (!Object)
    return createStringError(inconvertibleErrorCode(),
                             "cannot read '" + ObjectPath + "' as an object: " +
                                 toString(Object.takeError()));
  std::unique_ptr<DwarfTypes> Types(new DwarfTypes());
  Types->Buffer = std::move(*Buffer);
  Types->Object = std::move(*Object);
  Types->Context = DWARFContext::create(
      *Types->Object, DWARFContext::ProcessDebugRelocations::Process, nullptr,
      "", [](Error E) { consumeError(std::move(E)); },
      [](Error E) { consumeError(std::move(E)); });
  return Types;
}

/// \p Type without typedefs and qualifiers.
static DWARFDie underlyingType(DWARFDie Type) {
  for (unsigned Steps = 0; Type && Steps < 16; ++Steps) {
    switch (Type.getTag()) {
    case dwarf::DW_TAG_typedef:
    case dwarf::DW_TAG_const_type:
    case dwarf::DW_TAG_volatile_type:
    case dwarf::DW_TAG_restrict_type:
    case dwarf::DW_TAG_atomic_type:
      Type = Type.getAttributeValueAsReferencedDie(dwarf::DW_AT_type);
      continue;
    default:
      return Type;
    }
  }
  return DWARFDie();
}

static bool isSignedScalar(DWARFDie Type) {
  if (Type.getTag() == dwarf::DW_TAG_enumeration_type) {
    DWARFDie Base = underlyingType(
        Type.getAttributeValueAsReferencedDie(dwarf::DW_AT_type));
    return Base && isSignedScalar(Base);
  }
  std::optional<uint64_t> Encoding =
      dwarf::toUnsigned(Type.find(dwarf::DW_AT_encoding));
  return Encoding && (*Encoding == dwarf::DW_ATE_signed ||
                      *Encoding == dwarf::DW_ATE_signed_char);
}

static bool isComposite(DWARFDie Type) {
  return Type.getTag() == dwarf::DW_TAG_structure_type ||
         Type.getTag() == dwarf::DW_TAG_union_type;
}

static void addFields(DWARFDie Record, uint32_t BaseBits,
                      const std::string &Prefix, RecordLayout &Layout,
                      unsigned Depth) {
  if (Depth > 8)
    return;
  for (DWARFDie Member : Record.children()) {
    if (Member.getTag() != dwarf::DW_TAG_member)
      continue;
    const char *MemberName = Member.getShortName();
    DWARFDie Type = underlyingType(
        Member.getAttributeValueAsReferencedDie(dwarf::DW_AT_type));
    if (!Type)
      continue;
    uint32_t Offset = BaseBits;
    if (std::optional<uint64_t> Bits =
            dwarf::toUnsigned(Member.find(dwarf::DW_AT_data_bit_offset)))
      Offset += *Bits;
    else if (std::optional<uint64_t> Bytes = dwarf::toUnsigned(
                 Member.find(dwarf::DW_AT_data_member_location)))
      Offset += *Bytes * 8;
    std::string Name = Prefix + (MemberName ? MemberName : "");
    if (isComposite(Type)) {
      addFields(Type, Offset, MemberName ? Name + "." : Prefix, Layout,
                Depth + 1);
      continue;
    }
    if (Type.getTag() != dwarf::DW_TAG_base_type &&
        Type.getTag() != dwarf::DW_TAG_enumeration_type)
      continue; // arrays and pointers are not read
    FieldLayout F;
    F.Name = Name;
    F.BitOffset = Offset;
    F.Signed = isSignedScalar(Type);
    if (std::optional<uint64_t> BitSize =
            dwarf::toUnsigned(Member.find(dwarf::DW_AT_bit_size)))
      F.BitSize = *BitSize;
    else
      F.BitSize =
          dwarf::toUnsigned(Type.find(dwarf::DW_AT_byte_size)).value_or(0) * 8;
    Layout.Fields.push_back(F);
  }
}

std::optional<RecordLayout> DwarfTypes::record(StringRef Name) const {
  for (const std::unique_ptr<DWARFUnit> &Unit : Context->info_section_units()) {
    for (const DWARFDebugInfoEntry &Entry : Unit->dies()) {
      DWARFDie Die(Unit.get(), &Entry);
      if (!isComposite(Die) || Die.find(dwarf::DW_AT_declaration))
        continue;
      const char *DieName = Die.getShortName();
      if (!DieName || Name != DieName)
        continue;
      RecordLayout Layout;
      Layout.Name = Name.str();
      Layout.ByteSize =
          dwarf::toUnsigned(Die.find(dwarf::DW_AT_byte_size)).value_or(0);
      addFields(Die, 0, "", Layout, 0);
      return Layout;
    }
  }
  return std::nullopt;
}

std::optional<int64_t> DwarfTypes::enumerator(StringRef Name) const {
  for (const std::unique_ptr<DWARFUnit> &Unit : Context->info_section_units()) {
    for (const DWARFDebugInfoEntry &Entry : Unit->dies()) {
      DWARFDie Die(Unit.get(), &Entry);
      if (Die.getTag() != dwarf::DW_TAG_enumerator)
        continue;
      const char *DieName = Die.getShortName();
      if (!DieName || Name != DieName)
        continue;
      std::optional<DWARFFormValue> Value = Die.find(dwarf::DW_AT_const_value);
      if (!Value)
        return std::nullopt;
      if (std::optional<int64_t> Signed = Value->getAsSignedConstant())
        return Signed;
      if (std::optional<uint64_t> Unsigned = Value->getAsUnsignedConstant())
        return int64_t(*Unsigned);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

} // namespace bpftidy::verify
