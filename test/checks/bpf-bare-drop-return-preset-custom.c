// NotifyPreset=custom: the fix follows NotifyTemplate, for a codebase with a
// notification helper of its own.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NotifyPreset: custom, bpf-bare-drop-return.NotifyTemplate: 'report_drop(${ctx}, ${reason}, ${src}, ${direction})', bpf-bare-drop-return.NotifyHelpers: report_drop, bpf-bare-drop-return.SourceExpression: MY_IDENTITY}}"

#include "common.h"

#define MY_IDENTITY	7

__u64 dropped;

static __always_inline int report_drop(struct __sk_buff *skb, int reason,
				       __u32 src, enum metric_dir dir)
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
// CHECK-FIXES:      {{^}}		return report_drop(skb, DROP_INVALID, MY_IDENTITY,{{$}}
// CHECK-FIXES-NEXT: {{^}}				   METRIC_INGRESS);{{$}}
	if (skb->mark)
		return report_drop(skb, DROP_POLICY, MY_IDENTITY, METRIC_INGRESS);
	return TC_ACT_OK;
}

char __license[] SEC("license") = "GPL";
