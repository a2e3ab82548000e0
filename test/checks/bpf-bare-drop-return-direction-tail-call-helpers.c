// The programs entering a tail call are found through each era's way of
// entering a slot: tail_call_internal(ctx, ID, &ext_err) (2024), and
// invoke_tailcall_if(COND, ID, FUNC) as the GNU statement expression
// `({ ep_tail_call(ctx, ID); DROP_MISSED_TAIL_CALL; })` (August 2023).
// Tail calls whose own code tells no direction take the one of the program
// entering them, along the chain entry -> slot 30 -> slot 31; the value of
// the statement expression, returned bare, is a drop too.
//
// RUN: %check_bpf_tidy --compile %s %t \
// RUN:   -- -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement

#include "tailcall_2023.h"

#define SECLABEL		42
#define CILIUM_CALL_POLICY	30
#define CILIUM_CALL_DELIVER	31

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_DELIVER)
int tail_deliver(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_deliver' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the programs that tail-call slot 31 ('cil_to_container')
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return CTX_ACT_OK;
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_POLICY)
int tail_policy(struct __sk_buff *ctx)
{
	int ret;

	if (ctx->len < 20)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_policy' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the programs that tail-call slot 30 ('cil_to_container')
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	ret = invoke_tailcall_if(1, CILIUM_CALL_DELIVER, tail_deliver);
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'tail_policy' returns 'ret', which may hold drop reason 'DROP_MISSED_TAIL_CALL', to the kernel
// CHECK-FIXES:      {{^}}	return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      METRIC_INGRESS);{{$}}
}

__section("to-container")
int cil_to_container(struct __sk_buff *ctx)
{
	__s8 ext_err = 0;
	int ret;

	if (ctx->protocol == 0)
		return send_drop_notify_error(ctx, SECLABEL, DROP_UNKNOWN_L3,
					      CTX_ACT_DROP, METRIC_INGRESS);
	ret = tail_call_internal(ctx, CILIUM_CALL_POLICY, &ext_err);
	return send_drop_notify_error_ext(ctx, SECLABEL, ret, ext_err,
					  CTX_ACT_DROP, METRIC_INGRESS);
}

char __license[] SEC("license") = "GPL";
