// The notification helper the preset needs is not defined in this
// translation unit: no fix (it would not compile), and the note says so.
//
// RUN: %check_bpf_tidy --check-suffixes=PRESET %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NotifyPreset: cilium-2022, bpf-bare-drop-return.DefaultDirection: METRIC_EGRESS}}"
// RUN: %check_bpf_tidy --check-suffixes=AUTO %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DefaultDirection: METRIC_EGRESS}}"

#include "common.h"

#define SECLABEL	42

SEC("tc")
int from_container(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES-PRESET: :[[@LINE-1]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES-PRESET: :[[@LINE-2]]:3: note: no fix offered: the notification helper 'send_drop_notify_error' is not defined in this translation unit
// CHECK-MESSAGES-AUTO: :[[@LINE-3]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES-AUTO: :[[@LINE-4]]:3: note: no fix offered: no notification helper 'send_drop_notify_error' is defined in this translation unit; set NotifyPreset or NotifyTemplate
// CHECK-FIXES-PRESET: {{^}}		return DROP_INVALID;{{$}}
// CHECK-FIXES-AUTO: {{^}}		return DROP_INVALID;{{$}}
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
