// Where the guard must spare -1 (TC_ACT_UNSPEC, a valid tc verdict) and the
// tree does not define TC_ACT_UNSPEC (no Cilium tree does: its
// linux/pkt_cls.h stops at TC_ACT_OK), the guard spells it -1, so that the
// fix still leaves every valid verdict as it was.
//
// RUN: %check_bpf_tidy --compile %s %t -- -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement

#include "drop_2022.h"

#undef TC_ACT_UNSPEC

#define SECLABEL	42

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
	if (ctx->priority)
		ret = bpf_redirect(ctx->ifindex, 0);
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'from_container' returns 'ret', which may hold a drop reason from 'forward'
// CHECK-MESSAGES: :[[@LINE-2]]:2: note: the value may also be a valid verdict: the fix notifies it only when 'ret < 0 && ret != -1' and returns every other value as it is
// CHECK-FIXES:      {{^}}	if (ret < 0 && ret != -1){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
}

char __license[] SEC("license") = "GPL";
