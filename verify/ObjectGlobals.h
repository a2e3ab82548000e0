//===- ObjectGlobals.h - a global variable's value in a BPF object -*- C++ -*-//
//
// Test builds of Cilium's datapath define the endpoint's configuration as
// globals (DEFINE_U16(LXC_ID, 0x2A) in ep_config.h: a variable in .data).
// The loader reads such a value from the opened object, by the variable's
// BTF name, to wire the tail calls the way the datapath looks them up.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_OBJECTGLOBALS_H
#define BPF_TIDY_VERIFY_OBJECTGLOBALS_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

struct bpf_object;

namespace bpftidy::verify {

/// The initial value of the integer global \p Name (1, 2, 4 or 8 bytes) in a
/// data section of \p Object; std::nullopt if there is none.
std::optional<uint64_t> globalIntegerValue(bpf_object *Object,
                                           llvm::StringRef Name);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_OBJECTGLOBALS_H
