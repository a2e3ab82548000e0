/* A stage that is a tail call in one configuration and inline in the
 * other: tail_or_inline() tail-calls slot ID (and goes on when it misses),
 * or calls FUNC and keeps its verdict in ret; to_container() spells the
 * same with #if.
 */
#include "tailcall_2022.h"

#define SECLABEL	42

#define __tail_or_inline_0(ID, FUNC)	ret = FUNC(ctx)
#define __tail_or_inline_1(ID, FUNC)	ep_tail_call(ctx, ID)
#define __tail_or_inline(COND, ID, FUNC)	__tail_or_inline_ ## COND(ID, FUNC)
#define tail_or_inline(COND, ID, FUNC)	__tail_or_inline(COND, ID, FUNC)

#if TAIL_VARIANT
SEC("2/11")
#else
static __always_inline
#endif
int handle_policy(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	tail_or_inline(TAIL_VARIANT, CILIUM_CALL_IPV4_CT_EGRESS, handle_policy);
	return ret;
}

SEC("to-container")
int to_container(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
#if TAIL_VARIANT
	ep_tail_call(ctx, CILIUM_CALL_IPV4_CT_INGRESS);
#else
	ret = handle_policy(ctx);
#endif
	return ret;
}

char __license[] SEC("license") = "GPL";
