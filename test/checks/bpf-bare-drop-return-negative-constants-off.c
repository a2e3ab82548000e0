// NegativeConstantsAreDrops=false: only names matching DropReasonPattern are
// drop reasons; a bare -22 is left alone. A drop reason name in parentheses
// or behind a cast is still that drop reason.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NegativeConstantsAreDrops: false, bpf-bare-drop-return.DefaultDirection: METRIC_INGRESS}}"

#include "drop_2022.h"

#define SECLABEL	42

SEC("tc")
int lb_entry(struct __sk_buff *ctx)
{
	if (ctx->mark == 1)
		return -22;
// CHECK-FIXES: {{^}}		return -22;{{$}}
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	if (ctx->mark == 2)
		return (DROP_UNKNOWN_L3);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason 'DROP_UNKNOWN_L3' to the kernel without a drop notification
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, (DROP_UNKNOWN_L3),{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	if (ctx->mark == 3)
		return (int)DROP_POLICY;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason 'DROP_POLICY' to the kernel without a drop notification
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, (int)DROP_POLICY,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
