// An SEC("xdp") program: XDP verdicts are valid, drop reasons are not.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

SEC("xdp")
int xdp_entry(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;

	if (data + 14 > data_end)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'xdp_entry' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}	if (data + 14 > data_end){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	if (data + 34 > data_end)
		return send_drop_notify_error(ctx, SECLABEL, DROP_UNKNOWN_L3,
					      XDP_DROP, METRIC_INGRESS);
	if (((unsigned char *)data)[0] == 0xff)
		return XDP_DROP;
	if (((unsigned char *)data)[0] == 0xfe)
		return XDP_ABORTED;
	return XDP_PASS;
}

char __license[] SEC("license") = "GPL";
