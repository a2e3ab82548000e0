// An integer constant the function's own notifications pass as the source
// identity is taken like a name: it means the same at every site. Cilium's
// NAT and DSR tail calls of 2020-2021 notify with source 0, and upstream's
// later fixes of their bare returns (cc12cccda3, 96152dcbd5) jump to that
// notification. Notifications in that direction that disagree (0 and 2),
// or that pass an expression, leave SourceExpression (SECLABEL here).
// bpf-bare-drop-return-direction-run-time.c has the NAT tail call's shape
// (source 0, direction told at run time).
//
// RUN: %check_bpf_tidy --compile %s %t \
// RUN:   -- -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement -Wuninitialized

#include "drop_2022.h"

#define SECLABEL		42
#define CILIUM_CALL_DSR		21
#define CILIUM_CALL_REDIRECT	22
#define CILIUM_CALL_ENCAP	23

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_DSR)
int tail_nodeport_dsr(struct __sk_buff *ctx)
{
	int ret;

	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_nodeport_dsr' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: taken from the other drop notifications in that direction in the same function: ${src} 0U
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, 0U, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	ret = ctx->mark ? DROP_POLICY : 0;
	if (ret)
		return send_drop_notify_error(ctx, 0U, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return CTX_ACT_OK;
}

/* Two constants in one direction: which one the drop means is not told. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_REDIRECT)
int tail_nodeport_redirect(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_nodeport_redirect' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	if (ctx->mark)
		return send_drop_notify_error(ctx, 0, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->priority)
		return send_drop_notify_error(ctx, 2, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

/* A constant and an expression in one direction: SourceExpression. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_ENCAP)
int tail_nodeport_encap(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (ctx->mark)
		ret = send_drop_notify_error(ctx, ctx->mark >> 16, DROP_POLICY,
					     CTX_ACT_DROP, METRIC_INGRESS);
	else if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_nodeport_encap' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	else if (ctx->priority)
		ret = send_drop_notify_error(ctx, 0, DROP_UNKNOWN_L4,
					     CTX_ACT_DROP, METRIC_INGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
