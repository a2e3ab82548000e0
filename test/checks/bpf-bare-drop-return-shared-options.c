// Options shared by every bpf-* check ("bpf.<Option>") apply to this check,
// and the check's own ("bpf-bare-drop-return.<Option>") win over them.
//
// Shared: nothing is a drop reason here, so no finding.
// RUN: %check_bpf_tidy %s %t.shared -- --config='{CheckOptions: {bpf.DropReasonPattern: "^NOPE_", bpf.NegativeConstantsAreDrops: false}}'
// The check's own option over the shared one: DROP_* is a drop reason again.
// RUN: %check_bpf_tidy --check-suffixes=OWN %s %t.own -- --config='{CheckOptions: {bpf.DropReasonPattern: "^NOPE_", bpf.NegativeConstantsAreDrops: false, bpf-bare-drop-return.DropReasonPattern: "^DROP_"}}'

#include "drop_2022.h"

#define SECLABEL	42

SEC("tc")
int handle_egress(struct __sk_buff *ctx)
{
	if (ctx->mark == 7)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->protocol == 0)
		return DROP_UNKNOWN_L3;
// CHECK-MESSAGES-OWN: :[[@LINE-1]]:3: warning: 'handle_egress' returns drop reason 'DROP_UNKNOWN_L3' to the kernel without
// CHECK-FIXES-OWN:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_UNKNOWN_L3,{{$}}
// CHECK-FIXES-OWN-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
