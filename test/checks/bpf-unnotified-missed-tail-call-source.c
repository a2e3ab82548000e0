// ${src} of the fix comes from the function's own notifications in the
// fix's direction, where they agree, as bpf-bare-drop-return takes it: an
// ingress program that notifies with the remote identity notifies its
// missed tail call with it too; where its notifications disagree, the fix
// writes SourceExpression (SECLABEL).
//
// RUN: %check_bpf_tidy --check=bpf-unnotified-missed-tail-call --compile %s %t

#include "tailcall_2022.h"

#define SECLABEL	42

SEC("to-container")
int to_container(struct __sk_buff *ctx)
{
	__u32 src_identity = ctx->mark >> 16;
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, src_identity, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
	if (ctx->priority)
		return send_drop_notify_error(ctx, src_identity, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
	return ret;
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: when this tail call misses (empty slot), 'to_container' goes on
// CHECK-MESSAGES: :[[@LINE-3]]:2: note: taken from the other drop notifications in that direction in the same function: ${src} src_identity
// CHECK-FIXES:      {{^}}	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, src_identity, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	__u32 dst_identity = ctx->mark >> 16;
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->priority)
		return send_drop_notify_error(ctx, dst_identity, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);
	return ret;
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: when this tail call misses (empty slot), 'from_container' goes on
// CHECK-FIXES:      {{^}}	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
}

char __license[] SEC("license") = "GPL";
