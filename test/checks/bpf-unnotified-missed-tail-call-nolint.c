// NOLINT silences a missed tail call: on the line of the tail call, where
// the check reports it (// NOLINT, // NOLINT(check), // NOLINTNEXTLINE, a
// NOLINTBEGIN/NOLINTEND block, and /* NOLINT */ on a macro body line). A
// NOLINT on the `return` after it, or naming another check, does not.
// Silenced sites are not edited.
//
// RUN: %check_bpf_tidy --check=bpf-unnotified-missed-tail-call --compile %s %t

#include "tailcall_2022.h"

#define SECLABEL	42

#define TAIL_AND_PASS(ID)						\
	do {								\
		ep_tail_call(ctx, ID); /* NOLINT */			\
		return ret;						\
	} while (0)

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark == 1) {
		ep_tail_call(ctx, CILIUM_CALL_IPV4_FROM_LXC); // NOLINT
		return ret;
	}
	if (ctx->mark == 2) {
		ep_tail_call(ctx, CILIUM_CALL_IPV6_FROM_LXC); // NOLINT(bpf-unnotified-missed-tail-call)
		return ret;
	}
	if (ctx->mark == 3) {
		// NOLINTNEXTLINE(bpf-*)
		ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);
		return ret;
	}
	// NOLINTBEGIN(bpf-unnotified-missed-tail-call)
	if (ctx->mark == 4) {
		ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
		return ret;
	}
	// NOLINTEND(bpf-unnotified-missed-tail-call)
	if (ctx->mark == 5)
		TAIL_AND_PASS(CILIUM_CALL_IPV4_CT_INGRESS);
	if (ctx->mark == 6) {
		ep_tail_call(ctx, CILIUM_CALL_IPV4_FROM_LXC); // NOLINT(bpf-bare-drop-return)
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: when this tail call misses (empty slot), 'from_container' goes on and returns without notifying 'DROP_MISSED_TAIL_CALL'
		return ret;
	}
	ep_tail_call(ctx, CILIUM_CALL_IPV6_FROM_LXC);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: when this tail call misses (empty slot), 'from_container' goes on
	return CTX_ACT_OK; // NOLINT
}

// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, ID); /* NOLINT */			\{{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;						\{{$}}
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, CILIUM_CALL_IPV4_FROM_LXC); // NOLINT{{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, CILIUM_CALL_IPV6_FROM_LXC); // NOLINT(bpf-unnotified-missed-tail-call){{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, CILIUM_CALL_IPV4_FROM_LXC); // NOLINT(bpf-bare-drop-return){{$}}
// CHECK-FIXES-NEXT: {{^}}//{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-FIXES:      {{^}}	ep_tail_call(ctx, CILIUM_CALL_IPV6_FROM_LXC);{{$}}
// CHECK-FIXES-NEXT: {{^}}//{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_EGRESS); // NOLINT{{$}}

char __license[] SEC("license") = "GPL";
