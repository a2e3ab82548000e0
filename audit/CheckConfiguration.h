//===- CheckConfiguration.h - the check's configuration per source -*- C++
//-*-===//
//
// The cross-check must see what bpf-bare-drop-return reports, so it reads
// the configuration the check reads: for each source, the .clang-tidy files
// above it (or --config / --config-file instead), over bpf-tidy's defaults
// (Checks: bpf-*). From it come the conventions (CheckOptions,
// "bpf-bare-drop-return.<Option>" then "bpf.<Option>"), with which the
// audit also finds programs and names drop reasons, and whether the check
// is enabled for the source at all.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_CHECKCONFIGURATION_H
#define BPF_TIDY_AUDIT_CHECKCONFIGURATION_H

#include "analyzer/core/Conventions.h"
#include "cli/AnalysisUnit.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::audit {

/// The check the cross-check stands for.
inline constexpr const char *CrossCheckedCheck = "bpf-bare-drop-return";

struct CheckConfiguration {
  /// Whether the configuration enables the check for the source.
  bool Enabled = true;
  Conventions Options;
};

/// The configuration in force for each source of \p Units, by its path.
/// \p ConfigText, \p ConfigFile: --config and --config-file, when given.
/// Fails as the analysis does: on both flags, a --config-file that cannot
/// be read, a configuration (file or flag) that does not parse, an option
/// with a value the check refuses.
llvm::Expected<std::map<std::string, CheckConfiguration>>
readCheckConfigurations(const std::vector<AnalysisUnit> &Units,
                        std::optional<std::string> ConfigText,
                        std::optional<std::string> ConfigFile);

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_CHECKCONFIGURATION_H
