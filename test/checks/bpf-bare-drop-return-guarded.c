// A value that may be a drop reason or a valid verdict gets a guarded fix:
// only its negative values are notified, every verdict is returned as it
// was. A variable in a block: `if (ret < 0) return notify; return ret;`; in
// an unbraced `if` or a macro body: `ret < 0 ? notify : ret`; a call (its
// value must be evaluated once): a statement expression with a temporary
// no name in the unit can shadow. Where the value may be -1
// (TC_ACT_UNSPEC, a valid tc verdict) the guard spares it; in XDP no valid
// verdict is negative. The fixed file builds with the tree's own warnings.
//
// RUN: %check_bpf_tidy --compile %s %t -- -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement

#include "drop_2022.h"

#define SECLABEL	42

/* A valid verdict or a drop reason. */
static __always_inline int forward(struct __sk_buff *ctx)
{
	if (ctx->protocol == 47)
		return DROP_UNKNOWN_L4;
	return ctx->mark ? CTX_ACT_REDIRECT : CTX_ACT_OK;
}

/* Whatever the kernel says: nothing is known of its sign. */
static long (*bpf_redirect)(__u32 ifindex, __u64 flags) = (void *)23;

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int ret;

	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	ret = forward(ctx);
	if (ctx->mark == 1)
		return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns 'ret', which may hold a drop reason from 'forward', to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: the value may also be a valid verdict: the fix notifies it only when 'ret < 0' and returns every other value as it is
// CHECK-FIXES: {{^}}		return ret < 0 ? send_drop_notify_error(ctx, SECLABEL, ret,{{$}}
// CHECK-FIXES-NEXT: {{^}}							CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}							METRIC_EGRESS) : ret;{{$}}
	if (ctx->mark == 2)
		return forward(ctx);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns the value of 'forward', which may hold a drop reason from 'forward'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: the value may also be a valid verdict: the fix notifies it only when '__ret < 0' and returns every other value as it is
// CHECK-FIXES: {{^}}		return ({ int __ret = forward(ctx);{{$}}
// CHECK-FIXES-NEXT: {{^}}			__ret < 0 ? send_drop_notify_error(ctx, SECLABEL, __ret,{{$}}
// CHECK-FIXES-NEXT: {{^}}				CTX_ACT_DROP, METRIC_EGRESS) : __ret; });{{$}}
	if (ctx->mark == 3) {
		ret = ctx->priority ? bpf_redirect(ctx->ifindex, 0) : ret;
		return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns 'ret', which may hold a drop reason from 'forward'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: the value may also be a valid verdict: the fix notifies it only when 'ret < 0 && ret != TC_ACT_UNSPEC' and returns every other value as it is
// CHECK-FIXES: {{^}}		if (ret < 0 && ret != TC_ACT_UNSPEC){{$}}
// CHECK-FIXES-NEXT: {{^}}			return send_drop_notify_error(ctx, SECLABEL, ret,{{$}}
// CHECK-FIXES-NEXT: {{^}}						      CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}						      METRIC_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
	}
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'from_container' returns 'ret', which may hold a drop reason from 'forward'
// CHECK-FIXES: {{^}}	if (ret < 0){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
}

#define TAIL_STAGE(NAME, DIR)						\
SEC("2/7")								\
int NAME(struct __sk_buff *ctx)						\
{									\
	int ret = forward(ctx);						\
									\
	return ret;							\
}
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: functions expanded from 'TAIL_STAGE' return 'ret', which may hold a drop reason from 'forward'
// CHECK-FIXES: {{^}}	return ret < 0 ? send_drop_notify_error(ctx, SECLABEL, ret,	\{{$}}
// CHECK-FIXES-NEXT: {{^}}						CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}						DIR) : ret;		\{{$}}

TAIL_STAGE(stage_egress, METRIC_EGRESS)

SEC("xdp")
int xdp_entry(struct xdp_md *ctx)
{
	int ret = ctx->ingress_ifindex ? bpf_redirect(1, 0) : DROP_INVALID;

	if (ctx->data_end - ctx->data < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'xdp_entry' returns 'ret', which may hold drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:2: note: the value may also be a valid verdict: the fix notifies it only when 'ret < 0' and returns every other value as it is
// CHECK-FIXES: {{^}}	if (ret < 0){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_INGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
}

char __license[] SEC("license") = "GPL";
