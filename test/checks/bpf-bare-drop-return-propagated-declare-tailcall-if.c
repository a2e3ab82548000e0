// declare_tailcall_if(COND, ID) with its inline variant: when COND is 0
// the function is a static always-inline helper that the caller returns
// with `return FUNC(ctx)` (invoke_tailcall_if), so its drops reach the
// kernel through the caller. The site and the fix are the same in both
// configurations: at the function's own returns, with the direction of the
// program (ON: the tail call's own notifications; OFF: the entry program's).
//
// RUN: %check_bpf_tidy --check-suffixes=ON --compile %s %t -- -- -DENABLE_CT_TAILCALLS
// RUN: %check_bpf_tidy --check-suffixes=OFF --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define __invoke_tailcall_if_0(ID, FUNC)	return FUNC(ctx)
#define __invoke_tailcall_if_1(ID, FUNC)				\
	do {								\
		(void)(ID);						\
		return send_drop_notify_error(ctx, SECLABEL,		\
					      DROP_MISSED_TAIL_CALL,	\
					      CTX_ACT_DROP, METRIC_EGRESS); \
	} while (0)
#define __invoke_tailcall_if_2(COND, ID, FUNC)	\
	__invoke_tailcall_if_ ## COND(ID, FUNC)
#define invoke_tailcall_if(COND, ID, FUNC)	\
	__invoke_tailcall_if_2(COND, ID, FUNC)

/* A length or a drop reason; the caller tests it. */
static __always_inline int ipv4_hdrlen(struct __sk_buff *ctx)
{
	return ctx->len < 34 ? DROP_INVALID : 20;
}

declare_tailcall_if(is_defined(ENABLE_CT_TAILCALLS), CILIUM_CALL_IPV4_CT_EGRESS)
int tail_ipv4_ct_egress(struct __sk_buff *ctx)
{
	int hdrlen;

	if (ctx->mark == 1)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	hdrlen = ipv4_hdrlen(ctx);
	if (hdrlen < 0)
		return hdrlen;
// CHECK-MESSAGES-ON: :[[@LINE-1]]:3: warning: 'tail_ipv4_ct_egress' returns 'hdrlen', which may hold a drop reason from 'ipv4_hdrlen', to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:3: warning: 'tail_ipv4_ct_egress' returns 'hdrlen', which may hold a drop reason from 'ipv4_hdrlen', to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES-ON: {{^}}		return send_drop_notify_error(ctx, SECLABEL, hdrlen,{{$}}
// CHECK-FIXES-ON-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-FIXES-OFF: {{^}}		return send_drop_notify_error(ctx, SECLABEL, hdrlen,{{$}}
// CHECK-FIXES-OFF-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	ctx->cb[0] = hdrlen;
	return CTX_ACT_OK;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	invoke_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
			   CILIUM_CALL_IPV4_CT_EGRESS, tail_ipv4_ct_egress);
}

char __license[] SEC("license") = "GPL";
