//===- HelperModel.h - what a BPF helper call can return --------*- C++ -*-===//
//
// In compiled BPF code a helper call is a call of a constant address, the
// helper's id (`call i64 inttoptr (i64 23 to ptr)(...)` is bpf_redirect).
// Most helpers return data or 0 / a negative errno, which the audit counts
// as unknown. The redirect family returns verdicts, which a program hands
// to the kernel as they are: those values are known.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_HELPERMODEL_H
#define BPF_TIDY_AUDIT_HELPERMODEL_H

#include "audit/Programs.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
} // namespace llvm

namespace bpftidy::audit {

/// The helper id \p Call calls, if it calls one.
std::optional<uint64_t> helperIdOf(const llvm::CallBase &Call);

/// "bpf_redirect" for 23; "helper N" for an id this build does not know.
std::string helperName(uint64_t Id);

/// The values a call of helper \p Id returns in a program of \p Type, when
/// they are all known; std::nullopt otherwise.
std::optional<std::vector<int64_t>> helperReturnValues(uint64_t Id,
                                                       ProgramType Type);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_HELPERMODEL_H
