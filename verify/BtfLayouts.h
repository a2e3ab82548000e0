//===- BtfLayouts.h - record layouts and enumerators from BTF ---*- C++ -*-===//
//
// BTF holds the types a program's maps and functions use (map keys and
// values, ring buffer records passed to a typed helper); a struct that is
// only a local variable is not there, and DwarfLayouts reads it instead.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_BTFLAYOUTS_H
#define BPF_TIDY_VERIFY_BTFLAYOUTS_H

#include "verify/RecordLayout.h"
#include <optional>

struct btf;

namespace bpftidy::verify {

/// The struct (or union) named \p Name in \p Btf, its scalar fields
/// flattened; std::nullopt when \p Btf has no such type.
std::optional<RecordLayout> recordLayoutFromBtf(const struct btf *Btf,
                                                llvm::StringRef Name);

/// The value of the enumerator \p Name in any enum of \p Btf.
std::optional<int64_t> enumeratorFromBtf(const struct btf *Btf,
                                         llvm::StringRef Name);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_BTFLAYOUTS_H
