//===- Conventions.h - how a datapath spells what checks look for -*- C++ -*-//
//
// Every convention the analysis relies on is an option, so the tool works on
// datapaths that spell things differently from Cilium: drop reasons,
// notification helpers and their shape, programs and tail calls, directions,
// the layout of fixes. Every bpf-* check shares them; they are read from
// CheckOptions through one table (ConventionOptions.h). Defaults cover the
// Cilium eras described in docs/checks/bpf-bare-drop-return.md and plain
// libbpf code.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_CONVENTIONS_H
#define BPF_TIDY_ANALYZER_CORE_CONVENTIONS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace bpftidy {

/// A "PATTERN=VALUE" rule, e.g. "to-container|ingress=METRIC_INGRESS".
struct PatternRule {
  std::string Pattern;
  std::string Value;
};

struct Conventions {
  /// Names of macros and enumerators that are drop reasons.
  std::string DropReasonPattern = "^DROP_";
  /// Whether an integer constant below -1 is a drop reason whatever its
  /// name (-1 is TC_ACT_UNSPEC, a valid verdict).
  bool NegativeConstantsAreDrops = true;
  /// Calls (functions or macros) that report a drop and yield a verdict:
  /// a name, or a call of placeholders saying where the helper takes the
  /// direction and source (NotifyHelperShape.h). Cilium's
  /// drop_for_direction (2023+) takes a conntrack direction.
  std::vector<std::string> NotifyHelpers = {
      "send_drop_notify",
      "send_drop_notify_error",
      "send_drop_notify_ext",
      "send_drop_notify_error_ext",
      "drop_for_direction(${ctx}, ${direction}, ${reason})",
      "drop_for_direction(${ctx}, ${direction}, ${reason}, ${ext_err})"};
  /// Section names of tail calls: iproute2 "2/7", "cilium_calls/7", and
  /// __declare_tail's "<type>/tail".
  std::string TailCallSections =
      "^[0-9]+/[0-9A-Za-z_]+$|^[A-Za-z_][A-Za-z0-9_]*/[0-9]+$|/tail$";
  /// btf_decl_tag values that mark a tail call (__declare_tail).
  std::string TailCallTags = "^tail:";
  /// Sections whose functions are not packet programs (their return value
  /// is not a verdict), or not programs at all.
  std::string IgnoredSections =
      "^(kprobe|kretprobe|uprobe|uretprobe|usdt|tracepoint|tp|tp_btf|"
      "raw_tp|raw_tracepoint|fentry|fexit|fmod_ret|lsm|iter|perf_event|"
      "ksyscall|kretsyscall|struct_ops)([/.]|$)|^\\.|^license$|^maps$|"
      "^version$";

  /// Fix: the helper shape ("auto", a preset name, or "custom").
  std::string NotifyPreset = "auto";
  /// Fix: the template used by the "custom" preset.
  std::string NotifyTemplate;
  /// Fix: ${src}, ${exitcode}, ${ext_err}, ${dst}, ${dst_id}.
  std::string SourceExpression = "SECLABEL";
  std::string ExitCode = "CTX_ACT_DROP";
  std::string ExtError = "0";
  std::string Destination = "0";
  std::string DestinationId = "0";

  /// Direction: constants that name a metric direction.
  std::string DirectionPattern = "^METRIC_(INGRESS|EGRESS|SERVICE)$";
  /// Direction: other constants and the metric direction they stand for
  /// (conntrack directions do not share the metric enum's values).
  std::vector<PatternRule> DirectionMapping = {
      {"CT_EGRESS", "METRIC_EGRESS"}, {"CT_INGRESS", "METRIC_INGRESS"}};
  /// Direction: a helper turning a macro parameter into a metric direction,
  /// e.g. "ct_to_metric_dir(${arg})"; used instead of a generated ternary.
  std::string DirectionDispatch;
  /// Direction: section or function name regexes and their direction.
  std::vector<PatternRule> DirectionRules;
  /// Direction: calls that enter a tail call by a constant slot; a tail
  /// call whose own code tells no direction takes the one every function
  /// tail-calling its slot agrees on.
  std::vector<std::string> TailCallHelpers = {
      "bpf_tail_call",     "tail_call",          "tail_call_static",
      "tail_call_dynamic", "tail_call_internal", "ep_tail_call"};
  /// Macros that are a tail call in some configurations and call their
  /// function inline in others: their value is the tail call's result.
  std::vector<std::string> TailCallMacros = {"invoke_tailcall_if",
                                             "invoke_traced_tailcall_if"};
  /// The drop reason that notifies a missed tail call.
  std::string MissedTailCallReason = "DROP_MISSED_TAIL_CALL";
  /// Direction: used when nothing else tells; empty means "no fix".
  std::string DefaultDirection;

  /// Layout of fixes.
  unsigned ColumnLimit = 80;
  unsigned TabWidth = 8;
};

/// Splits "a;b; c" into {"a", "b", "c"}, dropping empty items.
std::vector<std::string> splitOptionList(llvm::StringRef List);
/// Joins with ";" (the inverse of splitOptionList).
std::string joinOptionList(const std::vector<std::string> &Items);

/// Parses "P1=V1;P2=V2" (the value is after the last '=' of an item).
/// Returns false and sets \p Error on an item without '='.
bool parsePatternRules(llvm::StringRef Text, std::vector<PatternRule> &Rules,
                       std::string &Error);
std::string printPatternRules(const std::vector<PatternRule> &Rules);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_CONVENTIONS_H
