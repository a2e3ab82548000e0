//===- BtfCopy.cpp - rebuild an object's BTF, ids and strings kept --------===//

#include "verify/BtfCopy.h"

#include "llvm/ADT/Twine.h"
#include <bpf/btf.h>
#include <cerrno>
#include <cstring>
#include <linux/btf.h>

using namespace llvm;

namespace bpftidy::verify {

void BtfDeleter::operator()(btf *B) const { btf__free(B); }

static Error btfError(const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), "BTF: " + Why);
}

Expected<BtfPtr> parseBtf(ArrayRef<uint8_t> Raw) {
  btf *B = btf__new(Raw.data(), Raw.size());
  if (!B)
    return btfError(Twine("cannot parse .BTF: ") + strerror(errno));
  return BtfPtr(B);
}

std::optional<uint32_t> findDatasec(const btf *B, StringRef Name) {
  for (uint32_t Id = 1, N = btf__type_cnt(B); Id < N; ++Id) {
    const btf_type *T = btf__type_by_id(B, Id);
    if (btf_is_datasec(T) && Name == btf__name_by_offset(B, T->name_off))
      return Id;
  }
  return std::nullopt;
}

Expected<BtfCopy> BtfCopy::start(const btf *Source,
                                 ArrayRef<uint8_t> SourceRaw) {
  btf_header Header;
  if (SourceRaw.size() < sizeof(Header))
    return btfError("truncated header");
  std::memcpy(&Header, SourceRaw.data(), sizeof(Header));
  uint64_t Begin = uint64_t(Header.hdr_len) + Header.str_off;
  if (Begin + Header.str_len > SourceRaw.size())
    return btfError("string section out of bounds");
  BtfPtr Target(btf__new_empty());
  if (!Target)
    return btfError("cannot create a BTF object");
  // Re-adding the strings in their order gives each its old offset, as long
  // as the original stores each string once (LLVM does); checked.
  StringRef Strings(reinterpret_cast<const char *>(SourceRaw.data()) + Begin,
                    Header.str_len);
  for (size_t Offset = 1; Offset < Strings.size();) {
    size_t End = Strings.find('\0', Offset);
    if (End == StringRef::npos)
      return btfError("unterminated string");
    std::string S = Strings.slice(Offset, End).str();
    int Got = btf__add_str(Target.get(), S.c_str());
    if (Got < 0 || size_t(Got) != Offset)
      return btfError("string '" + S +
                      "' is stored twice; its offsets "
                      "cannot be kept");
    Offset = End + 1;
  }
  return BtfCopy(Source, std::move(Target));
}

uint32_t BtfCopy::nextId() const { return btf__type_cnt(Target.get()); }

Error BtfCopy::copyUpTo(uint32_t Id) {
  for (; NextSourceId < Id; ++NextSourceId) {
    int Got = btf__add_type(Target.get(), Source,
                            btf__type_by_id(Source, NextSourceId));
    if (Got < 0 || uint32_t(Got) != NextSourceId)
      return btfError("cannot copy type " + Twine(NextSourceId));
  }
  return Error::success();
}

Error BtfCopy::replaced(uint32_t Id) {
  if (NextSourceId != Id || nextId() != Id + 1)
    return btfError("type " + Twine(Id) + " replaced out of order");
  ++NextSourceId;
  return Error::success();
}

Error BtfCopy::copyRest() { return copyUpTo(btf__type_cnt(Source)); }

std::vector<uint8_t> BtfCopy::raw() const {
  __u32 Size = 0;
  const auto *Data =
      static_cast<const uint8_t *>(btf__raw_data(Target.get(), &Size));
  return std::vector<uint8_t>(Data, Data + Size);
}

} // namespace bpftidy::verify
