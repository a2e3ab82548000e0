// invoke_tailcall_if() as an expression (Cilium from August 2023): used as
// a statement its value is thrown away, in both its forms: the tail-call
// form's DROP_MISSED_TAIL_CALL and the inline form's FUNC(ctx). The error
// block after it never sees it; the fix assigns it to the variable that
// block notifies. The same finding and fix in the configuration where it
// is a tail call (TAIL) and where it calls inline (INLINE).
//
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --check-suffixes=TAIL,ALL --compile %s %t -- -- -DENABLE_HOST_FIREWALL
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --check-suffixes=INLINE,ALL --compile %s %t

#include "tailcall_2023.h"

#define SECLABEL	42

declare_tailcall_if(is_defined(ENABLE_HOST_FIREWALL), CILIUM_CALL_IPV4_CT_INGRESS)
int tail_handle_ipv4_cont(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return DROP_POLICY;
	return CTX_ACT_OK;
}

static __always_inline int handle_ipv4(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
	return CTX_ACT_OK;
}

SEC("tc")
int from_netdev(struct __sk_buff *ctx)
{
	int ret;

	ret = handle_ipv4(ctx);
	if (ret == CTX_ACT_OK)
		invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),
				   CILIUM_CALL_IPV4_CT_INGRESS,
				   tail_handle_ipv4_cont);
// CHECK-MESSAGES-ALL: :[[@LINE-3]]:3: warning: the value of tail-call invocation 'invoke_tailcall_if' is discarded: a missed tail call ('DROP_MISSED_TAIL_CALL'), or the error of the function it calls inline, is never notified [bpf-ignored-tail-call-result]
// CHECK-FIXES-ALL:      {{^}}		ret = invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),{{$}}
// CHECK-FIXES-ALL-NEXT: {{^}}					 CILIUM_CALL_IPV4_CT_INGRESS,{{$}}
// CHECK-FIXES-ALL-NEXT: {{^}}					 tail_handle_ipv4_cont);{{$}}

	/* Catch errors from both handle_ipv4 and invoke_tailcall_if here. */
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);
	return ret;
}

/* Cilium's handle_policy(): a case of a switch, the error block after the
 * switch behind a label.
 */
SEC("to-container")
int handle_policy(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx)) {
		ret = DROP_INVALID;
		goto out;
	}
	switch (ctx->protocol) {
	case 8:
		invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),
				   CILIUM_CALL_IPV4_CT_INGRESS, tail_handle_ipv4_cont);
// CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: the value of tail-call invocation 'invoke_tailcall_if' is discarded
// CHECK-FIXES-ALL:      {{^}}		ret = invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),{{$}}
// CHECK-FIXES-ALL-NEXT: {{^}}					 CILIUM_CALL_IPV4_CT_INGRESS, tail_handle_ipv4_cont);{{$}}
		break;
	default:
		ret = DROP_UNKNOWN_L3;
		break;
	}

out:
	if (IS_ERR(ret))
		return send_drop_notify(ctx, 0, SECLABEL, 0, ret, CTX_ACT_DROP,
					METRIC_INGRESS);
	return ret;
}

/* tail_call_internal() returns DROP_MISSED_TAIL_CALL when the slot is
 * empty: thrown away, the stale ret (CTX_ACT_OK) lets the packet pass.
 */
SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	__s8 ext_err = 0;
	int ret = CTX_ACT_OK;

	if (ctx->mark)
		tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC, &ext_err);
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: the value of tail-call invocation 'tail_call_internal' is discarded: a missed tail call ('DROP_MISSED_TAIL_CALL') is never notified [bpf-ignored-tail-call-result]
// CHECK-FIXES-ALL: {{^}}		ret = tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC, &ext_err);{{$}}
	if (ret < 0)
		return send_drop_notify_error_ext(ctx, SECLABEL, ret, ext_err,
						  CTX_ACT_DROP, METRIC_EGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
