// NotifyPreset=cilium-2025: send_drop_notify_error(ctx, src, reason, direction), the exit
// code implied
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NotifyPreset: cilium-2025}}"

#include "drop_2025.h"

#define SECLABEL	42

SEC("tc")
int from_container(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      METRIC_EGRESS);
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
