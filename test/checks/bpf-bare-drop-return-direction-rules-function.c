// DirectionRules matched on the function name, for tail calls whose section
// ("2/ID") says nothing about the direction.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DirectionRules: '_ingress=METRIC_INGRESS;_egress=METRIC_EGRESS'}}"

#include "drop_2022.h"

#define SECLABEL	42

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_CT_INGRESS)
int tail_ipv4_policy_ingress(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_ipv4_policy_ingress' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the name 'tail_ipv4_policy_ingress'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return CTX_ACT_OK;
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4_CT_EGRESS)
int tail_ipv4_policy_egress(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tail_ipv4_policy_egress' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from the name 'tail_ipv4_policy_egress'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
