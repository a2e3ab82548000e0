// A program whose own notifications tell the direction at run time, all
// with one expression (Cilium's NAT tail calls: `dir == NAT_DIR_INGRESS ?
// METRIC_INGRESS : METRIC_EGRESS`), gets the same expression where it
// holds at every return: it names constants, parameters and locals
// declared with their value before the body's first statement. Otherwise
// no fix, and never a direction from the programs tail-calling it.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42
#define NAT_DIR_EGRESS	0
#define NAT_DIR_INGRESS	1
#define CILIUM_CALL_NAT	20
#define CILIUM_CALL_NAT_LATE	21
#define CILIUM_CALL_NAT_MIXED	22

static long (*bpf_tail_call)(void *ctx, void *map, __u32 index) = (void *)12;

static __always_inline __u32 ctx_load_meta(const struct __sk_buff *ctx,
					   int off)
{
	return ctx->cb[off];
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_NAT)
int tail_nodeport_nat(struct __sk_buff *ctx)
{
	int ret, dir = ctx_load_meta(ctx, 0);

	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_nodeport_nat' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from other drop notifications in 'tail_nodeport_nat'
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: taken from the other drop notifications in that direction in the same function: ${src} 0
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, 0, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      dir == NAT_DIR_INGRESS ? METRIC_INGRESS : METRIC_EGRESS);{{$}}
	ret = ctx->mark ? DROP_POLICY : 0;
	if (ret)
		goto drop_err;
	return CTX_ACT_OK;
drop_err:
	return send_drop_notify_error(ctx, 0, ret, CTX_ACT_DROP,
				      dir == NAT_DIR_INGRESS ?
				      METRIC_INGRESS : METRIC_EGRESS);
}

/* 'dir' gets its value after a statement: not at every return. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_NAT_LATE)
int tail_nat_late(struct __sk_buff *ctx)
{
	int ret, dir;

	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_nat_late' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: 'tail_nat_late' notifies drops in a direction told at run time ('dir == NAT_DIR_INGRESS ? METRIC_INGRESS : METRIC_EGRESS', which does not hold at every return)
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	dir = ctx_load_meta(ctx, 0);
	ret = ctx->mark ? DROP_POLICY : 0;
	if (ret)
		return send_drop_notify_error(ctx, 0, ret, CTX_ACT_DROP,
					      dir == NAT_DIR_INGRESS ?
					      METRIC_INGRESS : METRIC_EGRESS);
	return CTX_ACT_OK;
}

/* Two expressions: nothing is sure. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_NAT_MIXED)
int tail_nat_mixed(struct __sk_buff *ctx)
{
	int dir = ctx_load_meta(ctx, 0);

	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_nat_mixed' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: 'tail_nat_mixed' notifies drops in a direction told at run time ('dir == NAT_DIR_INGRESS ? METRIC_INGRESS : METRIC_EGRESS', and others)
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	if (ctx->mark)
		return send_drop_notify_error(ctx, 0, DROP_POLICY, CTX_ACT_DROP,
					      dir == NAT_DIR_INGRESS ?
					      METRIC_INGRESS : METRIC_EGRESS);
	return send_drop_notify_error(ctx, 0, DROP_INVALID_SIP, CTX_ACT_DROP,
				      dir ? METRIC_EGRESS : METRIC_INGRESS);
}

/* Entering the three: its METRIC_EGRESS must not be taken by any. */
__section("from-netdev")
int from_netdev(struct __sk_buff *ctx)
{
	ctx->cb[0] = NAT_DIR_EGRESS;
	bpf_tail_call(ctx, 0, CILIUM_CALL_NAT);
	bpf_tail_call(ctx, 0, CILIUM_CALL_NAT_LATE);
	bpf_tail_call(ctx, 0, CILIUM_CALL_NAT_MIXED);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_EGRESS);
}

char __license[] SEC("license") = "GPL";
