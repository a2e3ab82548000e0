// Cilium's tail_call_static() from 2024 on is a macro whose body is inline
// assembly: no call. A statement that is all of one expansion of a
// TailCallHelpers macro is a tail call as a call of a helper is: reported
// at the invocation, fixed after it. tail_call_dynamic() is a function
// around the tail_call() helper. tail_call_internal(), whose body holds
// tail_call_static(), hands the miss on as DROP_MISSED_TAIL_CALL: no
// finding, nor for a miss counted by the statement after it.
//
// RUN: %check_bpf_tidy --check=bpf-unnotified-missed-tail-call --compile %s %t

#include "tailcall_2024.h"

#define SECLABEL	42

#define CUSTOM_SLOT	3

static __always_inline void count_missed_custom_call(__u32 reason)
{
	__sync_fetch_and_add(&drop_events[reason & 3], 1);
}

#define REASON_MISSED_CUSTOM_CALL	2

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	__s8 ext_err = 0;
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark == 1) {
		tail_call_static(ctx, cilium_calls, CILIUM_CALL_IPV4_FROM_LXC);
		return CTX_ACT_OK;
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: when this tail call misses (empty slot), 'from_container' goes on and returns without notifying 'DROP_MISSED_TAIL_CALL'
// CHECK-FIXES:      {{^}}		tail_call_static(ctx, cilium_calls, CILIUM_CALL_IPV4_FROM_LXC);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	}
	if (ctx->mark == 2) {
		tail_call_static(ctx, cilium_calls, CILIUM_CALL_IPV4_CT_EGRESS);
		if (ctx->priority)
			return ret;
		ctx->cb[1] = 1;
		return ret;
// CHECK-MESSAGES: :[[@LINE-5]]:3: warning: when this tail call misses (empty slot), 'from_container' goes on
// CHECK-FIXES:      {{^}}		tail_call_static(ctx, cilium_calls, CILIUM_CALL_IPV4_CT_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}		if (ctx->priority){{$}}
	}
	if (ctx->mark == 3) {
		tail_call_dynamic(ctx, &cilium_calls, ctx->priority);
		return ret;
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: when this tail call misses (empty slot), 'from_container' goes on
// CHECK-FIXES:      {{^}}		tail_call_dynamic(ctx, &cilium_calls, ctx->priority);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,{{$}}
	}
	if (ctx->mark == 4) {
		/* An optional program whose miss is expected and counted. */
		tail_call_static(ctx, cilium_calls, CUSTOM_SLOT);
		count_missed_custom_call(REASON_MISSED_CUSTOM_CALL);
		return ret;
	}
	ret = tail_call_internal(ctx, CILIUM_CALL_IPV4_CT_INGRESS, &ext_err);
	if (IS_ERR(ret))
		return send_drop_notify_error_ext(ctx, SECLABEL, ret, ext_err,
						  CTX_ACT_DROP, METRIC_EGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
