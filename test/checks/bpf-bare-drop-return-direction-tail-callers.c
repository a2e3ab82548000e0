// A tail call whose own code says nothing of the drop direction takes the
// one every program entering it agrees on, as their own notifications tell
// it. A program enters a slot through the calls of TailCallHelpers with a
// constant slot (or a conditional of two) in its own body or in the
// functions it calls; a tail call that tells nothing itself passes on the
// direction of the programs entering it; a helper no program calls enters
// nothing. Programs that disagree, or one that tells nothing, give no fix
// and a note naming them.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define CILIUM_CALL_CHAIN	20
#define CILIUM_CALL_CHAIN_NEXT	21
#define CILIUM_CALL_PING	22
#define CILIUM_CALL_PONG	23
#define CILIUM_CALL_SILENT	24
#define CILIUM_CALL_FROM_HOST	25
#define CILIUM_CALL_FROM_NETDEV	26

/* As libbpf declares it: a function pointer, not a function. */
static long (*bpf_tail_call)(void *ctx, void *map, __u32 index) = (void *)12;
struct {
	int type;
} cilium_calls SEC(".maps");

#define tail_call(ctx, slot)	bpf_tail_call(ctx, &cilium_calls, slot)

/* Cilium's ep_tail_call: a function whose own call has no constant slot. */
static __always_inline void ep_tail_call(struct __sk_buff *ctx, __u32 slot)
{
	tail_call(ctx, slot);
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_FROM_LXC)
int tail_handle_ipv4(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_handle_ipv4' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the programs that tail-call slot 7 ('from_container')
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
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: the programs that tail-call 'tail_shared' (slot 10) do not agree on a direction ('from_container': METRIC_EGRESS; 'to_container': METRIC_INGRESS)
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

/* Entered from a tail call that tells nothing itself, which 'to_container'
 * enters: the direction is passed on along the chain.
 */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_CHAIN_NEXT)
int tail_chain_next(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_chain_next' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the programs that tail-call slot 21 ('to_container')
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return CTX_ACT_OK;
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_CHAIN)
int tail_chain(struct __sk_buff *ctx)
{
	ep_tail_call(ctx, CILIUM_CALL_CHAIN_NEXT);
	return DROP_MISSED_TAIL_CALL;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'tail_chain' returns drop reason 'DROP_MISSED_TAIL_CALL'
// CHECK-MESSAGES: :[[@LINE-2]]:2: note: drop direction taken from the programs that tail-call slot 20 ('to_container')
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
}

/* Two tail calls entering each other, one entered by 'to_container': the
 * cycle adds no direction of its own.
 */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_PING)
int tail_ping(struct __sk_buff *ctx)
{
	if (ctx->mark)
		tail_call(ctx, CILIUM_CALL_PONG);
	return DROP_MISSED_TAIL_CALL;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'tail_ping' returns drop reason 'DROP_MISSED_TAIL_CALL'
// CHECK-MESSAGES: :[[@LINE-2]]:2: note: drop direction taken from the programs that tail-call slot 22 ('to_container')
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_PONG)
int tail_pong(struct __sk_buff *ctx)
{
	if (ctx->mark)
		tail_call(ctx, CILIUM_CALL_PING);
	return DROP_MISSED_TAIL_CALL;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'tail_pong' returns drop reason 'DROP_MISSED_TAIL_CALL'
// CHECK-MESSAGES: :[[@LINE-2]]:2: note: drop direction taken from the programs that tail-call slot 23 ('to_container')
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
}

/* Entered by a program that notifies nothing: no fix, and it is named. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_SILENT)
int tail_silent(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_silent' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: the programs that tail-call 'tail_silent' (slot 24) do not agree on a direction ('from_container': METRIC_EGRESS; 'from_network': no direction of their own)
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

/* Entered through a conditional slot in a helper of 'to_container': both
 * slots count.
 */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_FROM_HOST)
int tail_from_host(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_from_host' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the programs that tail-call slot 25 ('to_container')
// CHECK-FIXES: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return CTX_ACT_OK;
}

/* Tail-calls 'tail_handle_ipv4''s slot, but no program calls it: it enters
 * nothing, and its direction counts for nothing.
 */
static __always_inline int unused_helper(struct __sk_buff *ctx)
{
	tail_call(ctx, CILIUM_CALL_IPV4_FROM_LXC);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_INGRESS);
}

static __always_inline void dispatch(struct __sk_buff *ctx, int from_host)
{
	tail_call(ctx, from_host ? CILIUM_CALL_FROM_HOST :
				   CILIUM_CALL_FROM_NETDEV);
}

__section("from-container")
int from_container(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->protocol)
		tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
	if (ctx->priority)
		tail_call(ctx, CILIUM_CALL_SILENT);
	ep_tail_call(ctx, CILIUM_CALL_IPV4_FROM_LXC);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_EGRESS);
}

__section("to-container")
int to_container(struct __sk_buff *ctx)
{
	if (ctx->mark)
		tail_call(ctx, CILIUM_CALL_CHAIN);
	if (ctx->priority)
		tail_call(ctx, CILIUM_CALL_PING);
	if (ctx->protocol)
		dispatch(ctx, ctx->hash);
	tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_INGRESS);
}

/* A section Cilium's table leaves out: its trees never tell. */
__section("from-network")
int from_network(struct __sk_buff *ctx)
{
	tail_call(ctx, CILIUM_CALL_SILENT);
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
