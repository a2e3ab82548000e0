// Sites at a helper's source that get no fix, and say why: the programs
// returning the helper's value drop in different directions, or no
// parameter of the helper receives the program's context.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

static __always_inline int l4_check(struct __sk_buff *ctx)
{
	if (ctx->protocol == 47)
		return DROP_UNKNOWN_L4;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'l4_check' returns drop reason 'DROP_UNKNOWN_L4' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: the value of 'l4_check' is returned to the kernel by entry program 'from_container', entry program 'to_container', so the drop is notified where it is made
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: no fix offered: cannot tell the drop direction: the programs returning the value of 'l4_check' drop in different directions ('from_container': METRIC_EGRESS, 'to_container': METRIC_INGRESS)
// CHECK-FIXES: {{^}}		return DROP_UNKNOWN_L4;{{$}}
	return CTX_ACT_OK;
}

static __always_inline int ttl_check(__u32 ttl)
{
	if (ttl <= 1)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ttl_check' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: no parameter of 'ttl_check' receives the program's context in every call
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark)
		return ttl_check(ctx->mark);
	return l4_check(ctx);
}

SEC("to-container")
int to_container(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return l4_check(ctx);
}

char __license[] SEC("license") = "GPL";
