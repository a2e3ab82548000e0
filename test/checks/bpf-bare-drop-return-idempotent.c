// Idempotence: code as the fix leaves it (notified drops, in and outside a
// macro body) has no finding, and --fix leaves it byte for byte. (The
// driver also runs --fix twice on every test's input.)
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID, TARGET_NAME) \
declare_tailcall_if(CONDITION, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (!revalidate_data(ctx))					\
		return send_drop_notify_error(ctx, SECLABEL,		\
					      DROP_INVALID,		\
					      CTX_ACT_DROP,		\
					      (DIR == CT_EGRESS ? METRIC_EGRESS : METRIC_INGRESS)); \
	ctx->cb[0] = DIR;						\
	return CTX_ACT_OK;						\
}

TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_INGRESS, tail_ipv4_ct_ingress, CT_INGRESS,
		1, CILIUM_CALL_IPV4_FROM_LXC, tail_handle_ipv4)
TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_EGRESS, tail_ipv4_ct_egress, CT_EGRESS,
		1, CILIUM_CALL_IPV4_FROM_LXC, tail_handle_ipv4)

SEC("tc")
int handle_egress(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark == 8) return send_drop_notify_error(ctx, SECLABEL,
							  DROP_FRAG_NOSUPPORT,
							  CTX_ACT_DROP,
							  METRIC_EGRESS);
	return CTX_ACT_OK;
}

// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_INVALID,		\{{$}}
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}

char __license[] SEC("license") = "GPL";
