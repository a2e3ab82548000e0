// Nested macros: the drop reason in the generating macro's body is itself a
// macro (DROP_CT_FAIL, an alias of another DROP_ macro). The site is the
// return in TAIL_CT_LOOKUP4's body and the fix replaces the name as written
// there, not the innermost #define.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define DROP_CT_FAIL	DROP_CT_INVALID_HDR

#define TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID, TARGET_NAME) \
declare_tailcall_if(CONDITION, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (ctx->protocol == 0)						\
		return DROP_CT_FAIL;					\
	ctx->cb[0] = DIR;						\
	return CTX_ACT_OK;						\
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: functions expanded from 'TAIL_CT_LOOKUP4' return drop reason 'DROP_CT_FAIL' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}#define DROP_CT_FAIL	DROP_CT_INVALID_HDR{{$}}
// CHECK-FIXES:      {{^}}	if (ctx->protocol == 0)						\{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_CT_FAIL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      (DIR == CT_EGRESS ?	\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_EGRESS :		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_INGRESS));	\{{$}}
// CHECK-FIXES-NEXT: {{^}}	ctx->cb[0] = DIR;						\{{$}}

TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_INGRESS, tail_ipv4_ct_ingress, CT_INGRESS,
		1, CILIUM_CALL_IPV4_FROM_LXC, tail_handle_ipv4)
TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_EGRESS, tail_ipv4_ct_egress, CT_EGRESS,
		1, CILIUM_CALL_IPV4_FROM_LXC, tail_handle_ipv4)

char __license[] SEC("license") = "GPL";
