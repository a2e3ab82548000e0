// What is not a finding: an invocation whose value is assigned, a cast to
// void (the value is thrown away on purpose), bpf_tail_call() and
// ep_tail_call() as statements (their value says nothing:
// bpf-unnotified-missed-tail-call follows the path on), the
// tail_call_internal()-style helper's own body, a notification helper that
// is itself a tail call, functions no program reaches; and NOLINT.
//
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --compile %s %t -- -- -DENABLE_HOST_FIREWALL
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --compile %s %t

#include "tailcall_2023.h"

#define SECLABEL	42

declare_tailcall_if(is_defined(ENABLE_HOST_FIREWALL), CILIUM_CALL_IPV4_CT_INGRESS)
int tail_handle_ipv4_cont(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return CTX_ACT_OK;
}

/* A notification that is a tail call (Cilium 2023): its miss has nothing
 * left to notify with.
 */
static __always_inline int notify_by_tail_call(struct __sk_buff *ctx,
					       int reason)
{
	ctx->cb[0] = (__u32)reason;
	tail_call_internal(ctx, CILIUM_CALL_DROP_NOTIFY, 0);
	return CTX_ACT_DROP;
}

#undef send_drop_notify_error
#define send_drop_notify_error(ctx, src, reason, exitcode, direction)	\
	notify_by_tail_call(ctx, reason)

SEC("tc")
int assigned(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;
	__s8 ext_err = 0;

	if (ctx->mark == 1)
		ret = invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),
					 CILIUM_CALL_IPV4_CT_INGRESS,
					 tail_handle_ipv4_cont);
	else if (ctx->mark == 2)
		ret = tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC,
					 &ext_err);
	else if (ctx->mark == 3)
		(void)tail_call_internal(ctx, CILIUM_CALL_IPV6_FROM_LXC, 0);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);
	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_EGRESS);
	bpf_tail_call(ctx, &cilium_calls, CILIUM_CALL_IPV4_CT_EGRESS);
	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,
				      CTX_ACT_DROP, METRIC_INGRESS);
}

SEC("from-container")
int silenced(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (ctx->mark)
		tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC, 0); // NOLINT
	else
		// NOLINTNEXTLINE(bpf-ignored-tail-call-result)
		tail_call_internal(ctx, CILIUM_CALL_IPV6_FROM_LXC, 0);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return ret;
}

/* No program calls it. */
static __always_inline int unreached(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC, 0);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
