//===- ReturnValues.h - the values a program's returns can take -*- C++ -*-===//
//
// After -O2 a program is one function: its helpers inlined, its macros and
// configuration resolved. Each `ret` takes a value; the values it can take
// are followed back through phi (each incoming edge), select (each arm),
// casts (trunc, zext, sext, freeze) and calls of functions the module
// defines, to constants, to helper calls whose results are modelled
// (HelperModel.h), and to anything else, which is unknown: a load, an
// argument, arithmetic, an unmodelled helper. An edge guarded by a switch
// or an equality on the value itself (`switch %ret ... case -134:`) gives
// the value the case's constants. An edge out of a branch (or switch) on
// a constant, seen through the BPF target's passthrough wrappers, freeze
// and casts, is taken or never taken: values on an edge never taken are
// not returned. A `range` attribute on the function is not used: it bounds
// values, it names none.
//
// Each value keeps where it reaches the return: the debug location of the
// edge (the incoming block's branch, or the select, or the call), innermost
// first, then its inlinedAt chain up to the program. At -O2 identical
// returns are merged, so a location is best effort.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_RETURNVALUES_H
#define BPF_TIDY_AUDIT_RETURNVALUES_H

#include "audit/Programs.h"
#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class DILocation;
class Function;
} // namespace llvm

namespace bpftidy::audit {

/// One frame of a source location: the innermost, or an inlinedAt.
struct SourceFrame {
  /// Absolute path, as debug info records it.
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// The function the location is in (after inlining: the inlined one).
  std::string Function;

  bool operator==(const SourceFrame &Other) const {
    return File == Other.File && Line == Other.Line && Column == Other.Column &&
           Function == Other.Function;
  }
};

/// Innermost first, then where each function was inlined, up to the
/// program. Empty when debug info keeps no location.
using SourceChain = std::vector<SourceFrame>;

SourceChain sourceChainOf(const llvm::DILocation *Location);

struct ReturnedValue {
  /// Whether Value is known.
  bool Known = false;
  int64_t Value = 0;
  /// Known: the helper whose modelled result it is ("" for a constant).
  /// Unknown: what it is ("a load", "a call of bpf_map_lookup_elem").
  std::string Detail;
  SourceChain Where;
};

/// Every value each `ret` of \p F can take (one entry per incoming edge,
/// so a constant may appear more than once, from different places).
std::vector<ReturnedValue> returnValues(const llvm::Function &F,
                                        ProgramType Type);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_RETURNVALUES_H
