// No direction derivable: no other notification in the program, no
// DirectionRules, no DefaultDirection, a section Cilium's table leaves out
// (its trees never tell the direction of from-network). The site is reported without a fix,
// and the note says why; a wrong direction would be worse than none.
//
// RUN: %check_bpf_tidy %s %t

#include "drop_2022.h"

#define SECLABEL	42

__section("from-network")
int from_network(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_network' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: nothing tells the direction of drops in 'from_network' (no notification with a constant direction, no DirectionRules match)
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

/* Notifications in two directions: which one a new one needs is unclear. */
__section("from-host")
int from_host(struct __sk_buff *ctx)
{
	if (ctx->mark == 1)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	if (ctx->mark == 2)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_host' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: cannot tell the drop direction: 'from_host' notifies drops in more than one direction
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
