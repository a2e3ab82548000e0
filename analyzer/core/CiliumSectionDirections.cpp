//===- CiliumSectionDirections.cpp ----------------------------------------===//

#include "analyzer/core/CiliumSectionDirections.h"
#include "llvm/ADT/StringRef.h"

namespace bpftidy {

bool usesCiliumSectionDirections(const Conventions &Options) {
  llvm::StringRef Preset = Options.NotifyPreset;
  return Options.DirectionRules.empty() &&
         (Preset == "auto" || Preset.starts_with("cilium-"));
}

const std::vector<PatternRule> &ciliumSectionDirections() {
  static const std::vector<PatternRule> Table = {
      {"^(from-container|cil_from_container)$", "METRIC_EGRESS"},
      {"^(to-container|cil_to_container)$", "METRIC_INGRESS"},
      {"^(from-netdev|cil_from_netdev)$", "METRIC_INGRESS"},
      {"^(to-netdev|cil_to_netdev)$", "METRIC_EGRESS"},
      {"^(to-host|cil_to_host)$", "METRIC_INGRESS"},
      {"^(from-overlay|cil_from_overlay)$", "METRIC_INGRESS"},
      {"^(to-overlay|cil_to_overlay)$", "METRIC_EGRESS"},
      {"^cil_lxc_policy$", "METRIC_INGRESS"},
      {"^cil_lxc_policy_egress$", "METRIC_EGRESS"},
      {"^cil_from_wireguard$", "METRIC_INGRESS"},
      {"^cil_to_wireguard$", "METRIC_EGRESS"},
  };
  return Table;
}

} // namespace bpftidy
