// Propagated drop reasons under a guard: a program tests a helper's value
// and hands it back to the kernel unreported. The helpers' callers use the
// value (a length, a test), so notifying inside them would be wrong: the
// site is the program's propagating return, and the fix wraps the value.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

/* A length or a drop reason; callers check the sign and use the length. */
static __always_inline int l3_hdrlen(struct __sk_buff *ctx)
{
	if (ctx->len < 20)
		return DROP_INVALID;
// The helpers' own returns are not findings: their callers use the value.
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return 20;
}

/* CTX_ACT_OK or a drop reason. */
static __always_inline int l4_check(struct __sk_buff *ctx)
{
	if (ctx->protocol == 47)
		return DROP_CT_UNKNOWN_PROTO;
// CHECK-FIXES: {{^}}		return DROP_CT_UNKNOWN_PROTO;{{$}}
	return CTX_ACT_OK;
}

/* 0 or a drop reason. */
static __always_inline int frag_check(struct __sk_buff *ctx)
{
	if (ctx->tc_index & 1)
		return DROP_FRAG_NOSUPPORT;
// CHECK-FIXES: {{^}}		return DROP_FRAG_NOSUPPORT;{{$}}
	return 0;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int hdrlen, ret;

	hdrlen = l3_hdrlen(ctx);
	if (hdrlen < 0)
		return hdrlen;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns 'hdrlen', which may hold a drop reason from 'l3_hdrlen', to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES: {{^}}		return send_drop_notify_error(ctx, SECLABEL, hdrlen,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	ctx->cb[0] = hdrlen;

	ret = frag_check(ctx);
	if (IS_ERR(ret))
		return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns 'ret', which may hold a drop reason from 'frag_check', to the kernel without a drop notification
// CHECK-FIXES: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}

	ret = l4_check(ctx);
	if (ret != CTX_ACT_OK)
		return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns 'ret', which may hold a drop reason from 'l4_check', to the kernel without a drop notification
// CHECK-FIXES: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}

	if ((ret = frag_check(ctx)) < 0)
		return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns 'ret', which may hold a drop reason from 'frag_check', to the kernel without a drop notification
// CHECK-FIXES: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}

	/* Already notified: not a finding. */
	ret = l4_check(ctx);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);

	/* The guard's other branch: ret is CTX_ACT_OK here. */
	return ret;
// CHECK-FIXES: {{^}}	return ret;{{$}}
}

char __license[] SEC("license") = "GPL";
