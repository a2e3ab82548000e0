// A notification written in a macro body that takes its direction from the
// macro's parameter (Cilium's TAIL_CT_LOOKUP4 from June 2023 calls
// drop_for_direction(ctx, DIR, ...)) tells the direction by the argument
// each invocation passes, not by the macro's name: the bare drop in the
// same body gets the parameter's direction.
//
// RUN: %check_bpf_tidy --compile %s %t -- -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement

#include "drop_2022.h"

#define SECLABEL	42

static __always_inline int drop_for_direction(struct __sk_buff *ctx,
					      enum ct_dir dir, int reason,
					      __s8 ext_err)
{
	return send_drop_notify_ext(ctx, SECLABEL, 0, 0, reason, ext_err,
				    CTX_ACT_DROP,
				    dir == CT_INGRESS ? METRIC_INGRESS :
							METRIC_EGRESS);
}

#define TAIL_LOOKUP(ID, NAME, DIR)					\
__section_tail(CILIUM_MAP_CALLS, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (!revalidate_data(ctx))					\
		return DROP_INVALID;					\
	if (ctx->mark)							\
		return drop_for_direction(ctx, DIR, DROP_POLICY, 0);	\
	return CTX_ACT_OK;						\
}

// CHECK-MESSAGES: :[[@LINE-6]]:3: warning: functions expanded from 'TAIL_LOOKUP' return drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: drop direction taken from macro parameter 'DIR' of 'TAIL_LOOKUP'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_INVALID,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      (DIR == CT_EGRESS ?	\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_EGRESS :		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					       METRIC_INGRESS));	\{{$}}

TAIL_LOOKUP(CILIUM_CALL_IPV4_CT_INGRESS, tail_lookup_ingress, CT_INGRESS)
TAIL_LOOKUP(CILIUM_CALL_IPV4_CT_EGRESS, tail_lookup_egress, CT_EGRESS)

char __license[] SEC("license") = "GPL";
