// A tail call whose own code says nothing of the drop direction takes the
// one every function tail-calling its slot agrees on (TailCallHelpers:
// calls with a constant slot). Callers that disagree, or a slot nobody
// tail-calls, give no fix.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

/* As libbpf declares it: a function pointer, not a function. */
static long (*bpf_tail_call)(void *ctx, void *map, __u32 index) = (void *)12;
struct {
	int type;
} cilium_calls SEC(".maps");

#define tail_call(ctx, slot)	bpf_tail_call(ctx, &cilium_calls, slot)

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_FROM_LXC)
int tail_handle_ipv4(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_handle_ipv4' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the functions that tail-call slot 7 ('from_container')
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	return CTX_ACT_OK;
}

/* Tail-called from both directions: nothing is sure. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_CT_INGRESS)
int tail_shared(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_shared' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: nothing tells the direction of drops in 'tail_shared'
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

__section("from-container")
int from_container(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->protocol)
		tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
	tail_call(ctx, CILIUM_CALL_IPV4_FROM_LXC);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_EGRESS);
}

__section("to-container")
int to_container(struct __sk_buff *ctx)
{
	tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_INGRESS);
}

char __license[] SEC("license") = "GPL";
