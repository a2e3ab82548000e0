// DefaultDirection: used when nothing else tells the direction; the program's
// own notifications still win over it.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DefaultDirection: METRIC_SERVICE}}"

#include "drop_2022.h"

#define SECLABEL	42

__section("lb-entry")
int lb_entry(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from DefaultDirection
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_SERVICE);{{$}}
	return CTX_ACT_OK;
}

__section("to-container")
int to_container(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'to_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: drop direction taken from other drop notifications in 'to_container'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY, CTX_ACT_DROP,
				      METRIC_INGRESS);
}

char __license[] SEC("license") = "GPL";
