// Not findings: a missed tail call notified on every way on, handed on as
// DROP_MISSED_TAIL_CALL in `ret` to a notify block (the statement form of
// invoke_tailcall_if()), returned bare (bpf-bare-drop-return's finding), or
// returned by a helper to its caller (tail_call_internal()); a tail call
// inside the notification helpers (Cilium 2023 notifies by a tail call);
// a miss that a later statement counts by a constant named for it (Cilium's
// optional custom programs), and a tail call no program reaches.
//
// RUN: %check_bpf_tidy --check=bpf-unnotified-missed-tail-call %s %t -- \
// RUN:   --config="{CheckOptions: {bpf.NotifyHelpers: 'send_drop_notify_error;send_drop_notify_tail'}}" \
// RUN:   -- -DENABLE_CT_TAIL
// RUN: %check_bpf_tidy --check=bpf-unnotified-missed-tail-call %s %t -- \
// RUN:   --config="{CheckOptions: {bpf.NotifyHelpers: 'send_drop_notify_error;send_drop_notify_tail'}}"

#include "tailcall_2022.h"

#define SECLABEL	42

#define CILIUM_CALL_POLICY	13

/* A notification that is itself a tail call, as in Cilium 2023. */
static __always_inline int notify_by_tail_call(struct __sk_buff *ctx,
					       int reason, int exitcode)
{
	ctx->cb[0] = reason;
	ep_tail_call(ctx, CILIUM_CALL_DROP_NOTIFY);
	return exitcode;
}
#define send_drop_notify_tail(ctx, reason)				\
	notify_by_tail_call(ctx, reason, CTX_ACT_DROP)

/* tail_call_internal(): the miss is its value. */
static __always_inline int tail_call_internal(struct __sk_buff *ctx, __u32 id)
{
	bpf_tail_call(ctx, &cilium_calls, id);
	return DROP_MISSED_TAIL_CALL;
}

SEC("tc")
int notified_after(struct __sk_buff *ctx)
{
	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_EGRESS);
}

SEC("tc")
int handed_to_notify_block(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_tail(ctx, DROP_INVALID);
	switch (ctx->protocol) {
	case 8:
		ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
		ret = DROP_MISSED_TAIL_CALL;
		break;
	default:
		ret = DROP_UNKNOWN_L3;
		break;
	}
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);
	return ret;
}

declare_tailcall_if(is_defined(ENABLE_CT_TAIL), CILIUM_CALL_IPV4_FROM_LXC)
int tail_handle_ipv4(struct __sk_buff *ctx)
{
	return CTX_ACT_OK;
}

SEC("tc")
int statement_macro(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (ctx->mark == 1)
		invoke_tailcall_if(is_defined(ENABLE_CT_TAIL),
				   CILIUM_CALL_IPV4_FROM_LXC, tail_handle_ipv4);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return ret;
}

SEC("tc")
int bare_drop_is_the_other_check(struct __sk_buff *ctx)
{
	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);
	return DROP_MISSED_TAIL_CALL;
}

SEC("tc")
int through_internal(struct __sk_buff *ctx)
{
	int ret = tail_call_internal(ctx, CILIUM_CALL_POLICY);

	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return ret;
}

/* An optional program: its miss is expected, and counted. */
static __always_inline void update_metrics(__u32 reason) { (void)reason; }
#define REASON_MISSED_CUSTOM_CALL	180

SEC("tc")
int custom_call_counted(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (ctx->mark == 7) {
		bpf_tail_call(ctx, &cilium_calls, CILIUM_CALL_POLICY);
		update_metrics(REASON_MISSED_CUSTOM_CALL);
	}
	return ret;
}

/* No program calls it. */
static __always_inline int unused_helper(struct __sk_buff *ctx)
{
	ep_tail_call(ctx, CILIUM_CALL_POLICY);
	return CTX_ACT_OK;
}
