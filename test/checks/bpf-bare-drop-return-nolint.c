// NOLINT silences a site: // NOLINT and // NOLINTNEXTLINE on plain code,
// and /* NOLINT */ on a macro body line (a // comment before the \ would
// swallow the next line). Silenced sites are not edited.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define TAIL_CT(ID, NAME, DIR)						\
__section_tail(CILIUM_MAP_CALLS, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (!revalidate_data(ctx))					\
		return DROP_INVALID; /* NOLINT */			\
	ctx->cb[0] = DIR;						\
	return CTX_ACT_OK;						\
}

TAIL_CT(CILIUM_CALL_IPV4_CT_INGRESS, tail_ct_ingress, CT_INGRESS)
TAIL_CT(CILIUM_CALL_IPV4_CT_EGRESS, tail_ct_egress, CT_EGRESS)

SEC("tc")
int from_container(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID; // NOLINT
	if (ctx->mark == 1)
		return DROP_POLICY; // NOLINT(bpf-bare-drop-return)
	// NOLINTNEXTLINE(bpf-bare-drop-return)
	if (ctx->mark == 2) return DROP_UNKNOWN_L3;
	// NOLINTNEXTLINE(bpf-*)
	if (ctx->mark == 3) return DROP_UNKNOWN_L4;
	if (ctx->mark == 4)
		return DROP_FRAG_NOSUPPORT; // NOLINT(readability-braces-around-statements)
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns drop reason 'DROP_FRAG_NOSUPPORT' to the kernel without a drop notification
	return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY, CTX_ACT_DROP,
				      METRIC_EGRESS);
}

// CHECK-FIXES:      {{^}}		return DROP_INVALID; /* NOLINT */			\{{$}}
// CHECK-FIXES:      {{^}}		return DROP_INVALID; // NOLINT{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ctx->mark == 1){{$}}
// CHECK-FIXES-NEXT: {{^}}		return DROP_POLICY; // NOLINT(bpf-bare-drop-return){{$}}
// CHECK-FIXES-NEXT: {{^}}	// NOLINTNEXTLINE(bpf-bare-drop-return){{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ctx->mark == 2) return DROP_UNKNOWN_L3;{{$}}
// CHECK-FIXES-NEXT: {{^}}	// NOLINTNEXTLINE(bpf-*){{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ctx->mark == 3) return DROP_UNKNOWN_L4;{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ctx->mark == 4){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_FRAG_NOSUPPORT, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS); // NOLINT(readability-braces-around-statements){{$}}

char __license[] SEC("license") = "GPL";
