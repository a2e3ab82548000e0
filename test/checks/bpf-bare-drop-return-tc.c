// A plain SEC("tc") program: literal drop reasons returned bare are reported
// at the return and replaced by a notification in the direction the
// program's other notifications use. A fix that does not fit in 80 columns
// is wrapped, one argument a line under the first.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

SEC("tc")
int handle_egress(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle_egress' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}	if (!revalidate_data(ctx)){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	if (ctx->protocol == 0)
		return DROP_UNKNOWN_L3;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'handle_egress' returns drop reason 'DROP_UNKNOWN_L3' to the kernel without
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_UNKNOWN_L3,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
	if (ctx->mark == 7)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark == 8) return DROP_FRAG_NOSUPPORT;
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'handle_egress' returns drop reason 'DROP_FRAG_NOSUPPORT'
// CHECK-FIXES:      {{^}}	if (ctx->mark == 8) return send_drop_notify_error(ctx, SECLABEL,{{$}}
// CHECK-FIXES-NEXT: {{^}}							  DROP_FRAG_NOSUPPORT,{{$}}
// CHECK-FIXES-NEXT: {{^}}							  CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}							  METRIC_EGRESS);{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
