//===- Shard.h - split the units across CI jobs -----------------*- C++ -*-===//
//
// --shard K/N lets N CI jobs share one tree: the units (source x
// configuration) are put in a fixed order (by file, then configuration) and
// job K takes every N-th from the K-th on. Every unit lands in exactly one
// shard, whatever order the compilation database lists them in.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_SHARD_H
#define BPF_TIDY_CLI_SHARD_H

#include "cli/AnalysisUnit.h"
#include "llvm/Support/Error.h"

namespace bpftidy {

struct Shard {
  /// 1-based.
  unsigned Index = 1;
  unsigned Count = 1;

  /// Parses "K/N" with 1 <= K <= N.
  static llvm::Expected<Shard> parse(llvm::StringRef Text);

  /// The units of this shard, in the fixed order.
  std::vector<AnalysisUnit> select(std::vector<AnalysisUnit> Units) const;
};

} // namespace bpftidy

#endif // BPF_TIDY_CLI_SHARD_H
