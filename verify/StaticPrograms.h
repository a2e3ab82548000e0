//===- StaticPrograms.h - static functions in program sections --*- C++ -*-===//
//
// Tail calls declared `static` (Cilium: `static __always_inline` under
// `__section_tail`) are local symbols in their own program section; libbpf
// 1.x refuses them ("program 'x' is static and not supported"). This pass
// makes them global with hidden visibility, which libbpf loads and still
// treats as static in BTF. ElfObject::write() then moves them after the
// local symbols and renumbers the relocations.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_STATICPROGRAMS_H
#define BPF_TIDY_VERIFY_STATICPROGRAMS_H

#include "verify/ElfObject.h"
#include <string>
#include <vector>

namespace bpftidy::verify {

/// Makes every static function in a program section (not .text) global;
/// returns their names.
std::vector<std::string> makeStaticProgramsGlobal(ElfObject &Object);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_STATICPROGRAMS_H
