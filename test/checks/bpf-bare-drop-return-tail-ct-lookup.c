// A TAIL_CT_LOOKUP4-style macro generating one tail call per conntrack
// direction: the site is reported once, in the #define body, with a note per
// expansion, and fixed once with a direction right for both expansions
// (CT_EGRESS is 0 and CT_INGRESS 1, METRIC_INGRESS 1 and METRIC_EGRESS 2, so
// DIR itself would be wrong). The edited lines keep the \ column.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID, TARGET_NAME) \
declare_tailcall_if(CONDITION, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (!revalidate_data(ctx))					\
		return DROP_INVALID;					\
	if (ctx->protocol == 0)						\
		return DROP_CT_UNKNOWN_PROTO;				\
	ctx->cb[0] = DIR;						\
	return CTX_ACT_OK;						\
}

TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_INGRESS, tail_ipv4_ct_ingress, CT_INGRESS,
		1, CILIUM_CALL_IPV4_FROM_LXC, tail_handle_ipv4)
TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_EGRESS, tail_ipv4_ct_egress, CT_EGRESS,
		1, CILIUM_CALL_IPV4_FROM_LXC, tail_handle_ipv4)

// CHECK-NOTES: :[[@LINE-12]]:3: warning: functions expanded from 'TAIL_CT_LOOKUP4' return drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-NOTES: :[[@LINE-6]]:1: note: tail call 'tail_ipv4_ct_ingress' is expanded here
// CHECK-NOTES: :[[@LINE-5]]:1: note: tail call 'tail_ipv4_ct_egress' is expanded here
// CHECK-NOTES: :[[@LINE-15]]:3: note: drop direction taken from macro parameter 'DIR' of 'TAIL_CT_LOOKUP4'
// CHECK-NOTES: :[[@LINE-14]]:3: warning: functions expanded from 'TAIL_CT_LOOKUP4' return drop reason 'DROP_CT_UNKNOWN_PROTO' to the kernel without a drop notification
// CHECK-NOTES: :[[@LINE-10]]:1: note: tail call 'tail_ipv4_ct_ingress' is expanded here
// CHECK-NOTES: :[[@LINE-9]]:1: note: tail call 'tail_ipv4_ct_egress' is expanded here
// CHECK-NOTES: :[[@LINE-17]]:3: note: drop direction taken from macro parameter 'DIR' of 'TAIL_CT_LOOKUP4'

// CHECK-FIXES:      {{^}}#define TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID, TARGET_NAME) \{{$}}
// CHECK-FIXES-NEXT: {{^}}declare_tailcall_if(CONDITION, ID)					\{{$}}
// CHECK-FIXES-NEXT: {{^}}int NAME(struct __sk_buff *ctx)						\{{$}}
// CHECK-FIXES-NEXT: {{^}}{									\{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (!revalidate_data(ctx))					\{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_INVALID,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      (DIR == CT_EGRESS ?	\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_EGRESS :		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_INGRESS));	\{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (ctx->protocol == 0)						\{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_CT_UNKNOWN_PROTO,	\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      (DIR == CT_EGRESS ?	\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_EGRESS :		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_INGRESS));	\{{$}}
// CHECK-FIXES-NEXT: {{^}}	ctx->cb[0] = DIR;						\{{$}}
// CHECK-FIXES-NEXT: {{^}}	return CTX_ACT_OK;						\{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
// CHECK-FIXES:      {{^}}TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_INGRESS, tail_ipv4_ct_ingress, CT_INGRESS,{{$}}

char __license[] SEC("license") = "GPL";
