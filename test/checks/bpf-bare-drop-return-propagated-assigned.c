// Values that carry a drop reason along some path: a variable assigned a
// drop reason, a struct field holding a helper's result, and a `return ret;`
// that passes valid verdicts on other paths. The last one gets a guarded
// fix: wrapping the whole value would turn its verdicts into drops, so only
// its negative values are notified (sparing -1, TC_ACT_UNSPEC, where the
// value may be -1).
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

struct ct_buffer {
	int ret;
	int l4_off;
};

/* CT_NEW (0), CT_ESTABLISHED (1) or a drop reason. */
static __always_inline int ct_lookup(struct __sk_buff *ctx)
{
	if (ctx->protocol == 47)
		return DROP_CT_UNKNOWN_PROTO;
	return ctx->mark ? 1 : 0;
}

SEC("to-container")
int to_container(struct __sk_buff *ctx)
{
	struct ct_buffer ct_buffer = {};
	int ret = CTX_ACT_OK;

	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);

	ct_buffer.ret = ct_lookup(ctx);
	if (ct_buffer.ret < 0)
		return ct_buffer.ret;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'to_container' returns 'ct_buffer.ret', which may hold a drop reason from 'ct_lookup', to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ct_buffer.ret,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}

	if (ctx->tc_index == 1) {
		ret = DROP_INVALID;
		goto out;
	}
	if (ctx->tc_index == 2)
		ret = DROP_POLICY;
	else if (ctx->tc_index == 3)
		ret = CTX_ACT_REDIRECT;
	ctx->cb[0] = ct_buffer.ret;
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'to_container' returns 'ret', which may hold drop reason 'DROP_POLICY', to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:2: note: the value may also be a valid verdict: the fix notifies it only when 'ret < 0' and returns every other value as it is
// CHECK-FIXES: {{^}}	ctx->cb[0] = ct_buffer.ret;{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret < 0){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_INGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
out:
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'to_container' returns 'ret', which may hold drop reason 'DROP_INVALID', to the kernel without a drop notification
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      METRIC_INGRESS);{{$}}
}

SEC("to-container")
int to_container_verdicts(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
	if (ctx->mark == 1)
		ret = DROP_INVALID;
	else if (ctx->mark == 2)
		ret = TC_ACT_UNSPEC;
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'to_container_verdicts' returns 'ret', which may hold drop reason 'DROP_INVALID', to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-MESSAGES: :[[@LINE-2]]:2: note: drop reasons it may carry here: DROP_INVALID
// CHECK-MESSAGES: :[[@LINE-3]]:2: note: the value may also be a valid verdict: the fix notifies it only when 'ret < 0 && ret != TC_ACT_UNSPEC' and returns every other value as it is
// CHECK-FIXES: {{^}}		ret = TC_ACT_UNSPEC;{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ret < 0 && ret != TC_ACT_UNSPEC){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_INGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return ret;{{$}}
}

char __license[] SEC("license") = "GPL";
