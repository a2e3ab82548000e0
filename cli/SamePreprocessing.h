//===- SamePreprocessing.h - configurations that parse alike ----*- C++ -*-===//
//
// Two units of one source whose compile commands differ only in -D / -U
// flags of names outside the first unit's preprocessor footprint
// (analyzer/core/PreprocessorFootprint.h) preprocess to the same text: the
// second need not be parsed, its findings are the first's.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_SAMEPREPROCESSING_H
#define BPF_TIDY_CLI_SAMEPREPROCESSING_H

#include "cli/AnalysisUnit.h"
#include "llvm/ADT/StringSet.h"

namespace bpftidy {

/// Whether \p Other preprocesses like \p Analysed, whose footprint is
/// \p Footprint.
bool preprocessesAlike(const AnalysisUnit &Analysed,
                       const llvm::StringSet<> &Footprint,
                       const AnalysisUnit &Other);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_SAMEPREPROCESSING_H
