//===- PreprocessorFootprint.h - names a translation unit depends on -*- C++
//-*-//
//
// Configurations of a datapath differ in -D flags, and many of those flags
// do not matter to a given source. The footprint of a translation unit is
// every name whose definition could change its preprocessed text: names in
// the token stream, names tested by #ifdef / defined() / #if, and macros
// expanded or defined. Another configuration that differs only in -D or -U
// flags of names outside the footprint preprocesses to the same text, so
// its analysis is the same and need not run again.
//
// Every bpf-* check asks for the footprint to be recorded (BpfCheck); it is
// recorded once, and only when the driver asks for it (a per-thread sink);
// under stock clang-tidy nothing is recorded.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_PREPROCESSORFOOTPRINT_H
#define BPF_TIDY_ANALYZER_CORE_PREPROCESSORFOOTPRINT_H

#include "llvm/ADT/StringSet.h"

namespace clang {
class Preprocessor;
} // namespace clang

namespace bpftidy {

/// Where the translation unit parsed next on this thread records its
/// footprint; null (the default) records nothing. Set it per unit.
void setFootprintSink(llvm::StringSet<> *Sink);
llvm::StringSet<> *footprintSink();

/// Starts recording \p PP's footprint into the current sink, if any and if
/// not already recording it. Call before preprocessing starts.
void recordFootprint(clang::Preprocessor &PP);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_PREPROCESSORFOOTPRINT_H
