// The reporting rule for a helper's `return DROP_X`: at the helper's own
// return when every call of it is returned directly by a program (or by a
// helper for which the same holds), with the helper's own context parameter
// and the direction of the programs returning it; otherwise at the
// program's propagating return. A helper's drop is never a finding by
// itself.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

/* B: returned directly by A only. */
static __always_inline int l3_egress(struct __sk_buff *skb, int ttl)
{
	if (ttl <= 1)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'l3_egress' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: the value of 'l3_egress' is returned to the kernel by entry program 'from_container', so the drop is notified where it is made
// CHECK-FIXES: {{^}}		return send_drop_notify_error(skb, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	skb->priority = ttl;
	return CTX_ACT_OK;
}

/* A: returned directly by the program only; returns B directly. */
static __always_inline int handle_ipv4(struct __sk_buff *skb)
{
	if (skb->protocol == 0)
		return DROP_UNKNOWN_L3;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle_ipv4' returns drop reason 'DROP_UNKNOWN_L3' to the kernel without a drop notification
// CHECK-FIXES: {{^}}		return send_drop_notify_error(skb, SECLABEL, DROP_UNKNOWN_L3,{{$}}
	return l3_egress(skb, skb->mark);
// CHECK-FIXES: {{^}}	return l3_egress(skb, skb->mark);{{$}}
}

/* Called once returned directly, once tested: fixed where the program
 * returns it, never inside.
 */
static __always_inline int policy_check(struct __sk_buff *ctx)
{
	if (ctx->mark == 23)
		return DROP_POLICY;
// CHECK-FIXES: {{^}}		return DROP_POLICY;{{$}}
	return CTX_ACT_OK;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int ret;

	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	ret = policy_check(ctx);
	if (ret < 0)
		return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns 'ret', which may hold a drop reason from 'policy_check', to the kernel without a drop notification
// CHECK-FIXES: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
	if (ctx->tc_index)
		return policy_check(ctx);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns the value of 'policy_check', which may hold a drop reason from 'policy_check', to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: the value may also be a valid verdict: the fix notifies it only when '__ret < 0' and returns every other value as it is
// CHECK-FIXES: {{^}}		return ({ int __ret = policy_check(ctx);{{$}}
// CHECK-FIXES-NEXT: {{^}}			__ret < 0 ? send_drop_notify_error(ctx, SECLABEL, __ret,{{$}}
// CHECK-FIXES-NEXT: {{^}}				CTX_ACT_DROP, METRIC_EGRESS) : __ret; });{{$}}
	return handle_ipv4(ctx);
// CHECK-FIXES: {{^}}	return handle_ipv4(ctx);{{$}}
}

char __license[] SEC("license") = "GPL";
