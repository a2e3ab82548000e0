//===- TailCallSlot.cpp - where a tail call sits in a program array -------===//

#include "tailcalls/TailCallSlot.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace bpftidy::tailcalls {

std::string TailCallSlot::describe() const {
  return Map + "/" + std::to_string(Key);
}

std::optional<uint32_t> parseSlotKey(StringRef Text) {
  unsigned Radix = 10;
  if (Text.consume_front_insensitive("0x"))
    Radix = 16;
  else if (Text.size() > 1 && Text.front() == '0')
    return std::nullopt; // octal to getAsInteger(0), a surprise here
  uint32_t Key;
  if (Text.empty() || !all_of(Text, [&](char C) {
        return Radix == 16 ? isHexDigit(C) : isDigit(C);
      }))
    return std::nullopt;
  if (Text.getAsInteger(Radix, Key))
    return std::nullopt;
  return Key;
}

static bool isMapName(StringRef Name) {
  return !Name.empty() && all_of(Name, [](char C) {
    return isAlnum(C) || C == '_' || C == '.';
  });
}

std::optional<TailCallSlot> parseTailCallSection(StringRef Section) {
  auto [Map, KeyText] = Section.split('/');
  std::optional<uint32_t> Key = parseSlotKey(KeyText);
  if (!isMapName(Map) || !Key)
    return std::nullopt;
  TailCallSlot Slot;
  Slot.MapIsLegacyId = all_of(Map, isDigit);
  if (Slot.MapIsLegacyId) {
    uint32_t Id;
    if (Map.getAsInteger(10, Id))
      return std::nullopt;
    Slot.Map = std::to_string(Id);
  } else {
    Slot.Map = Map.str();
  }
  Slot.Key = *Key;
  return Slot;
}

std::optional<TailCallSlot> parseTailCallTag(StringRef Tag) {
  if (!Tag.consume_front("tail:"))
    return std::nullopt;
  return parseTailCallSection(Tag);
}

StringRef undecoratedMapName(StringRef Name) {
  StringRef Bare = Name;
  Bare.consume_front("test_");
  size_t Underscore = Bare.rfind('_');
  if (Underscore != StringRef::npos && Underscore + 1 < Bare.size() &&
      all_of(Bare.drop_front(Underscore + 1), isDigit))
    Bare = Bare.take_front(Underscore);
  return Bare.empty() ? Name : Bare;
}

int mapNameMatch(StringRef MapName, StringRef Wanted) {
  if (MapName == Wanted)
    return 2;
  return undecoratedMapName(MapName) == undecoratedMapName(Wanted) ? 1 : 0;
}

} // namespace bpftidy::tailcalls
