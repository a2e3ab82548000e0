// A notification wrapper such as Cilium's drop_for_direction(ctx, dir,
// reason, ext_err) (2023+) is a notification by default: a return of its
// value is no finding, and its direction, a conntrack CT_* value mapped
// through DirectionMapping, tells the direction of the function's other
// drops. Without it in NotifyHelpers (the second run) nothing tells the
// direction and no fix is offered.
//
// RUN: %check_bpf_tidy --compile %s %t -- -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement
// RUN: %check_bpf_tidy --check-suffix=NAMES %s %t.names -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NotifyHelpers: 'send_drop_notify;send_drop_notify_error;send_drop_notify_ext'}}"

#include "drop_2022.h"

#define SECLABEL	42
#define LXC_ID		7

/* The source and destination follow from the conntrack direction. */
static __always_inline int drop_for_direction(struct __sk_buff *ctx,
					      enum ct_dir dir, int reason,
					      __s8 ext_err)
{
	if (dir == CT_INGRESS)
		return send_drop_notify_ext(ctx, ctx->mark, SECLABEL, LXC_ID,
					    reason, ext_err, CTX_ACT_DROP,
					    METRIC_INGRESS);
	return send_drop_notify_ext(ctx, SECLABEL, 0, 0, reason, ext_err,
				    CTX_ACT_DROP, METRIC_EGRESS);
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_CT_INGRESS)
int tail_ipv4_policy(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_ipv4_policy' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from other drop notifications in 'tail_ipv4_policy'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
// CHECK-MESSAGES-NAMES: :[[@LINE-5]]:3: warning: 'tail_ipv4_policy' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES-NAMES: :[[@LINE-6]]:3: note: no fix offered: cannot tell the drop direction
	if (ctx->mark)
		return drop_for_direction(ctx, CT_INGRESS, DROP_POLICY, 0);
	return CTX_ACT_OK;
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_CT_EGRESS)
int tail_ipv4_to_lxc(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_ipv4_to_lxc' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-MESSAGES-NAMES: :[[@LINE-4]]:3: warning: 'tail_ipv4_to_lxc' returns drop reason 'DROP_INVALID' to the kernel
	if (ctx->mark)
		return drop_for_direction(ctx, CT_EGRESS, DROP_POLICY, 0);
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
