//===- SourceFinding.h - what the source analysis says, per unit -*- C++ -*-=//
//
// The audit compares its bare exits with the findings of bpf-bare-drop-return
// by program, configuration and reason. This is one occurrence of a source
// finding reduced to those keys, with where it is (its site).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_SOURCEFINDING_H
#define BPF_TIDY_AUDIT_SOURCEFINDING_H

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace bpftidy::audit {

struct SourceFinding {
  /// The site: the spelling location of the `return`.
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// The function holding the `return`.
  std::string Function;
  /// NOLINT silences it: the check does not report it, although the
  /// analysis finds it.
  bool Silenced = false;
  /// The programs returning the value to the kernel.
  std::vector<std::string> Programs;
  /// The drop reasons it may carry, by value; names whose value the unit
  /// does not define are in UnresolvedReasons.
  std::set<int64_t> Reasons;
  std::vector<std::string> UnresolvedReasons;
};

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_SOURCEFINDING_H
