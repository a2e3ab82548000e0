// An iproute2-style tail call, __section_tail(CILIUM_MAP_CALLS, ID): its
// section is "2/7"; its return value goes straight to the kernel.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_FROM_LXC)
int tail_handle_ipv4(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_handle_ipv4' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	if (ctx->mark)
		return send_drop_notify(ctx, SECLABEL, 0, 0, DROP_POLICY,
					CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
