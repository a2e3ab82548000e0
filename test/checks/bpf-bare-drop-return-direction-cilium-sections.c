// The Cilium presets' default DirectionRules (CiliumSectionDirections): an
// entry program whose own notifications tell nothing takes the direction
// its section, or from 2024 its function name, has in every Cilium tree
// that tells it. from-host is left out (Cilium's trees disagree).
//
// The table is a program's direction everywhere in the same run: for its
// own returns and for the tail calls it enters. A second --fix run reads
// the fix written into 'from_netdev' as its own METRIC_INGRESS
// notification; had the first run not counted the table for
// 'tail_handle_ipv4', the second would fix it (the driver's --idempotent
// run fails then).
//
// The shape is Cilium 2019-2020's bpf_netdev.c/bpf_host.c: from-netdev and
// from-host share a handler that tail-calls per protocol, and the DSR tail
// call is entered through the IPv6 handler, also from a reverse-NAT tail
// call that notifies METRIC_EGRESS.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define CILIUM_CALL_IPV6_NODEPORT_DSR		21
#define CILIUM_CALL_IPV6_NODEPORT_REVNAT	18
#define CILIUM_CALL_IPV6_FROM_HOST		23

static long (*bpf_tail_call)(void *ctx, void *map, __u32 index) = (void *)12;

static __always_inline int do_netdev(struct __sk_buff *ctx, int from_host)
{
	bpf_tail_call(ctx, 0, from_host ? CILIUM_CALL_IPV6_FROM_HOST :
					  CILIUM_CALL_IPV6_FROM_LXC);
	return CTX_ACT_OK;
}

__section("from-netdev")
int from_netdev(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_netdev' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from section 'from-netdev' (Cilium's section table)
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	if (ctx->protocol == 0x0800)
		bpf_tail_call(ctx, 0, CILIUM_CALL_IPV4_FROM_LXC);
	return do_netdev(ctx, 0);
}

__section("from-host")
int from_host(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_host' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: nothing tells the direction of drops in 'from_host'
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return do_netdev(ctx, 1);
}

/* 2024 and later: the section is "tc/entry", the name tells. */
__section_entry
int cil_to_netdev(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cil_to_netdev' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the name 'cil_to_netdev' (Cilium's section table)
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	return CTX_ACT_OK;
}

/* Entered by from-netdev only: the table is its direction here too. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_FROM_LXC)
int tail_handle_ipv4(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_handle_ipv4' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the programs that tail-call slot 7 ('from_netdev')
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return CTX_ACT_OK;
}

static __always_inline int nodeport_lb6(struct __sk_buff *ctx)
{
	if (ctx->mark)
		bpf_tail_call(ctx, 0, CILIUM_CALL_IPV6_NODEPORT_DSR);
	return CTX_ACT_OK;
}

/* The notification is in a helper: it tells nothing of the tail calls. */
static __always_inline int tail_handle_ipv6(struct __sk_buff *ctx)
{
	int ret = nodeport_lb6(ctx);

	if (ret < 0)
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);
	return ret;
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV6_FROM_HOST)
int tail_handle_ipv6_from_host(struct __sk_buff *ctx)
{
	return tail_handle_ipv6(ctx);
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV6_FROM_LXC)
int tail_handle_ipv6_from_netdev(struct __sk_buff *ctx)
{
	return tail_handle_ipv6(ctx);
}

/* Recirculates to the from-netdev handler. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV6_NODEPORT_REVNAT)
int tail_rev_nodeport_lb6(struct __sk_buff *ctx)
{
	bpf_tail_call(ctx, 0, CILIUM_CALL_IPV6_FROM_LXC);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_EGRESS);
}

/* Cilium 2020's DSR tail call: upstream's fix notifies METRIC_EGRESS, the
 * handlers entering it notify METRIC_INGRESS in a helper, from-netdev is
 * ingress and from-host tells nothing: no fix, and the tail calls between
 * are named.
 */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV6_NODEPORT_DSR)
int tail_nodeport_ipv6_dsr(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_nodeport_ipv6_dsr' returns drop reason 'DROP_INVALID'
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: the programs that tail-call 'tail_nodeport_ipv6_dsr' (slot 21), directly or through 'tail_handle_ipv6_from_host' (slot 23), 'tail_handle_ipv6_from_netdev' (slot 12), which tell no single constant direction of their own, do not agree on a direction ('tail_rev_nodeport_lb6': METRIC_EGRESS; 'from_netdev': METRIC_INGRESS; 'from_host': no direction of their own)
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
