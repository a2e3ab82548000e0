// A 2024-style tail call, __declare_tail(ID): section "tc/tail" plus the tag
// btf_decl_tag("tail:cilium_calls/ID").
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2025.h"

#define SECLABEL	42

__declare_tail(CILIUM_CALL_IPV6_FROM_LXC)
int tail_handle_ipv6(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_handle_ipv6' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      METRIC_EGRESS);
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
