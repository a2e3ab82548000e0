//===- FindingsJson.h - --format=json ---------------------------*- C++ -*-===//
//
// The findings as one JSON document for scripts and CI (docs/usage.md,
// "JSON output"): every finding with its location, the enclosing function
// and statement, notes, fix edits and configurations, the units analysed,
// and a summary.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_FINDINGSJSON_H
#define BPF_TIDY_CLI_FINDINGSJSON_H

#include "cli/AnalysisUnit.h"
#include "cli/FindingRecord.h"
#include "llvm/Support/JSON.h"

namespace bpftidy {

/// Paths are written relative to \p BaseDirectory when below it.
llvm::json::Value findingsToJson(const std::vector<FindingRecord> &Records,
                                 const std::vector<AnalysisUnit> &Units,
                                 const std::vector<std::string> &Configurations,
                                 llvm::StringRef BaseDirectory);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_FINDINGSJSON_H
