// Nested macros: a DROP_ macro inside the generating macro's body. Its
// spelling location is its own #define; the fix must edit the name as
// written in TAIL_CT_LOOKUP6's body and leave the DROP_ #define alone.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define DROP_CT_NO_ENTRY	-160
// CHECK-FIXES: {{^}}#define DROP_CT_NO_ENTRY	-160{{$}}

#define TAIL_CT_LOOKUP6(ID, NAME, DIR)					\
__section_tail(CILIUM_MAP_CALLS, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (ctx->mark == 0)						\
		return DROP_CT_NO_ENTRY;				\
	ctx->cb[0] = DIR;						\
	return CTX_ACT_OK;						\
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: functions expanded from 'TAIL_CT_LOOKUP6' return drop reason 'DROP_CT_NO_ENTRY' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}	if (ctx->mark == 0)						\{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_CT_NO_ENTRY,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      (DIR == CT_EGRESS ?	\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_EGRESS :		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_INGRESS));	\{{$}}
// CHECK-FIXES-NEXT: {{^}}	ctx->cb[0] = DIR;						\{{$}}

TAIL_CT_LOOKUP6(CILIUM_CALL_IPV4_CT_INGRESS, tail_ipv6_ct_ingress, CT_INGRESS)
TAIL_CT_LOOKUP6(CILIUM_CALL_IPV4_CT_EGRESS, tail_ipv6_ct_egress, CT_EGRESS)

char __license[] SEC("license") = "GPL";
