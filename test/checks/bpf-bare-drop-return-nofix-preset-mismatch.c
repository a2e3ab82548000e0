// A preset whose helper shape does not match the helper in this translation
// unit (the 2025 preset on a 2022 header): no fix, and the note says so.
//
// RUN: %check_bpf_tidy %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NotifyPreset: cilium-2025}}"

#include "drop_2022.h"

#define SECLABEL	42

SEC("tc")
int from_container(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: 'send_drop_notify_error' takes 5 arguments here, but NotifyPreset 'cilium-2025' passes 4
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY, CTX_ACT_DROP,
				      METRIC_EGRESS);
}

char __license[] SEC("license") = "GPL";
