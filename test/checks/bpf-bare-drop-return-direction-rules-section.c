// DirectionRules matched on the section name: "from-container" programs
// drop egress traffic, "to-container" ones ingress traffic.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DirectionRules: 'from-container=METRIC_EGRESS;to-container=METRIC_INGRESS'}}"

#include "drop_2022.h"

#define SECLABEL	42

__section("from-container")
int handle_xgress(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle_xgress' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from section 'from-container'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	return CTX_ACT_OK;
}

__section("to-container")
int handle_to_container(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle_to_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from section 'to-container'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
