// NotifyPreset=custom with a helper whose direction is not its last
// argument: the direction of the program's other notifications must be read
// from the argument where NotifyTemplate puts ${direction}.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NotifyPreset: custom, bpf-bare-drop-return.NotifyTemplate: 'report_drop(${ctx}, ${reason}, ${direction}, ${src})', bpf-bare-drop-return.NotifyHelpers: report_drop, bpf-bare-drop-return.SourceExpression: MY_IDENTITY}}"

#include "common.h"

#define MY_IDENTITY	7

__u64 dropped;

static __always_inline int report_drop(struct __sk_buff *skb, int reason,
				       enum metric_dir dir, __u32 src)
{
	__sync_fetch_and_add(&dropped, reason + dir + src + skb->len);
	return TC_ACT_SHOT;
}

SEC("tc")
int lb_entry(struct __sk_buff *skb)
{
	if (!revalidate_data(skb))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES:      {{^}}		return report_drop(skb, DROP_INVALID, METRIC_INGRESS,{{$}}
// CHECK-FIXES-NEXT: {{^}}				   MY_IDENTITY);{{$}}
	if (skb->mark)
		return report_drop(skb, DROP_POLICY, METRIC_INGRESS, MY_IDENTITY);
	return TC_ACT_OK;
}

char __license[] SEC("license") = "GPL";
