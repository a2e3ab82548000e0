// declare_tailcall_if(COND, ID): with COND 1 (here -DENABLE_IPV4_FRAG) the
// function is a tail call and its bare drop is a finding; with COND 0 it is
// a static always-inline helper whose caller handles the value: no finding,
// no edit.
//
// RUN: %check_bpf_tidy --check-suffixes=ON --compile %s %t -- -- -DENABLE_IPV4_FRAG
// RUN: %check_bpf_tidy --check-suffixes=OFF --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

declare_tailcall_if(is_defined(ENABLE_IPV4_FRAG), CILIUM_CALL_IPV4_FROM_LXC)
int tail_ipv4_frag(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_FRAG_NOSUPPORT;
// CHECK-MESSAGES-ON: :[[@LINE-1]]:3: warning: 'tail_ipv4_frag' returns drop reason 'DROP_FRAG_NOSUPPORT' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-FIXES-ON:      {{^}}		return send_drop_notify_error(ctx, SECLABEL,{{$}}
// CHECK-FIXES-ON-NEXT: {{^}}					      DROP_FRAG_NOSUPPORT, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-ON-NEXT: {{^}}					      METRIC_INGRESS);{{$}}
// CHECK-FIXES-OFF:     {{^}}		return DROP_FRAG_NOSUPPORT;{{$}}
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return CTX_ACT_OK;
}

SEC("tc")
int from_netdev(struct __sk_buff *ctx)
{
	int ret = tail_ipv4_frag(ctx);

	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
