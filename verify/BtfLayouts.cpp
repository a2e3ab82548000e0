//===- BtfLayouts.cpp - record layouts and enumerators from BTF -----------===//

#include "verify/BtfLayouts.h"

#include <bpf/btf.h>

using namespace llvm;

namespace bpftidy::verify {

/// Adds the scalar fields of the struct or union \p T, at \p BaseBits.
static void addFields(const struct btf *Btf, const struct btf_type *T,
                      uint32_t BaseBits, const std::string &Prefix,
                      RecordLayout &Layout, unsigned Depth) {
  if (Depth > 8) // a malformed, self-containing type
    return;
  const struct btf_member *M = btf_members(T);
  for (unsigned I = 0, N = btf_vlen(T); I < N; ++I, ++M) {
    std::string Name = Prefix + btf__name_by_offset(Btf, M->name_off);
    uint32_t Offset = BaseBits + btf_member_bit_offset(T, I);
    int Id = btf__resolve_type(Btf, M->type);
    const struct btf_type *Member = Id < 0 ? nullptr : btf__type_by_id(Btf, Id);
    if (!Member)
      continue;
    if (btf_is_composite(Member)) {
      // An anonymous member's fields are reached without its name, as in C.
      addFields(Btf, Member, Offset, M->name_off ? Name + "." : Prefix, Layout,
                Depth + 1);
      continue;
    }
    FieldLayout F;
    F.Name = Name;
    F.BitOffset = Offset;
    uint32_t Bitfield = btf_member_bitfield_size(T, I);
    if (btf_is_int(Member)) {
      F.Signed = btf_int_encoding(Member) & BTF_INT_SIGNED;
      F.BitSize = Bitfield ? Bitfield : Member->size * 8;
    } else if (btf_is_any_enum(Member)) {
      F.Signed = btf_kflag(Member);
      F.BitSize = Bitfield ? Bitfield : Member->size * 8;
    } else {
      continue; // arrays and pointers are not read
    }
    Layout.Fields.push_back(F);
  }
}

std::optional<RecordLayout> recordLayoutFromBtf(const struct btf *Btf,
                                                StringRef Name) {
  if (!Btf)
    return std::nullopt;
  std::string N = Name.str();
  for (int Kind : {BTF_KIND_STRUCT, BTF_KIND_UNION}) {
    int Id = btf__find_by_name_kind(Btf, N.c_str(), Kind);
    if (Id <= 0)
      continue;
    const struct btf_type *T = btf__type_by_id(Btf, Id);
    RecordLayout Layout;
    Layout.Name = N;
    Layout.ByteSize = T->size;
    addFields(Btf, T, 0, "", Layout, 0);
    return Layout;
  }
  return std::nullopt;
}

std::optional<int64_t> enumeratorFromBtf(const struct btf *Btf,
                                         StringRef Name) {
  if (!Btf)
    return std::nullopt;
  for (__u32 Id = 1, N = btf__type_cnt(Btf); Id < N; ++Id) {
    const struct btf_type *T = btf__type_by_id(Btf, Id);
    if (btf_is_enum(T)) {
      const struct btf_enum *E = btf_enum(T);
      for (unsigned I = 0, V = btf_vlen(T); I < V; ++I, ++E)
        if (Name == btf__name_by_offset(Btf, E->name_off))
          return btf_kflag(T) ? int64_t(E->val) : int64_t(uint32_t(E->val));
    } else if (btf_is_enum64(T)) {
      const struct btf_enum64 *E = btf_enum64(T);
      for (unsigned I = 0, V = btf_vlen(T); I < V; ++I, ++E)
        if (Name == btf__name_by_offset(Btf, E->name_off))
          return int64_t(btf_enum64_value(E));
    }
  }
  return std::nullopt;
}

} // namespace bpftidy::verify
