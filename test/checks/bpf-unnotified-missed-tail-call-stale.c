// A path that goes on after a missed tail call and returns a verdict or a
// stale `ret` is a finding at the tail call; the fix returns the
// notification of DROP_MISSED_TAIL_CALL: in place of the `return` right
// after the call, or as a new `return` after the call when the `return`
// is shared with other paths.
//
// RUN: %check_bpf_tidy --check=bpf-unnotified-missed-tail-call --compile %s %t

#include "tailcall_2022.h"

#define SECLABEL	42

SEC("from-container")
int stale_ret(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);
	return ret;
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: when this tail call misses (empty slot), 'stale_ret' goes on and returns without notifying 'DROP_MISSED_TAIL_CALL': the missed tail call is silent, and the packet may pass [bpf-unnotified-missed-tail-call]
// CHECK-FIXES:      {{^}}	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
}

SEC("to-container")
int shared_return(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (ctx->protocol == 8) {
		ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: when this tail call misses (empty slot), 'shared_return' goes on
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	}
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return ret;
}

SEC("from-netdev")
int verdict_after(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
	bpf_tail_call(ctx, &cilium_calls, CILIUM_CALL_IPV4_FROM_LXC);
	return CTX_ACT_OK;
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: when this tail call misses (empty slot), 'verdict_after' goes on
// CHECK-FIXES:      {{^}}	bpf_tail_call(ctx, &cilium_calls, CILIUM_CALL_IPV4_FROM_LXC);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
}
