//===- CiliumSectionDirections.h - Cilium's hooks and their way -*- C++ -*-===//
//
// The default DirectionRules of the Cilium presets (auto, cilium-*), used
// when DirectionRules is not configured. Like any DirectionRules they give
// a program whose own notifications tell no direction its direction, for
// its own returns and for the tail calls it enters alike: a fix written
// from them is read back by a second run as the program's own
// notification, which then tells the same, so one --fix run gives what
// running --fix until nothing changes gives.
//
// Each rule was checked on bench/'s fix corpus (Cilium's bpf/ at each June
// 2017-2025 and 2026-01): in every tree where the program of that section
// (or, from 2024, of that function name) notifies a drop with a constant
// direction in its own body, it is this one (from-netdev also in bpf_xdp.c,
// whose programs notify METRIC_INGRESS). Left out because the trees
// disagree or never tell: from-host (METRIC_INGRESS through do_netdev in
// 2020, METRIC_EGRESS in its own body from 2025), from-network, masq,
// masq-pre, masq-post (attached either way, BPF_PKT_DIR). See
// docs/checks/bpf-bare-drop-return.md, "Direction".
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_CILIUMSECTIONDIRECTIONS_H
#define BPF_TIDY_ANALYZER_CORE_CILIUMSECTIONDIRECTIONS_H

#include "analyzer/core/Conventions.h"
#include <vector>

namespace bpftidy {

/// Whether \p Options use a Cilium preset and configure no DirectionRules.
bool usesCiliumSectionDirections(const Conventions &Options);

/// Section or function name regexes of Cilium's entry programs and the
/// metric direction their own notifications pass.
const std::vector<PatternRule> &ciliumSectionDirections();

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_CILIUMSECTIONDIRECTIONS_H
