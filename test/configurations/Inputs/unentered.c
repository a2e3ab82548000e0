#include "common.h"

#define CILIUM_CALL_NAT_FWD	19

static long (*tail_call)(void *ctx, void *map, __u32 index) = (void *)12;

/* Cilium 2021's tail_handle_nat_fwd_ipv4, built into every object that
 * includes the NodePort code; only the host object's to-netdev enters it.
 * Elsewhere nothing tells its direction.
 */
__section("2/19")
int tail_handle_nat_fwd(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return DROP_INVALID;
	return CTX_ACT_OK;
}

#ifdef IS_HOST
__section("to-netdev")
int to_netdev(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	tail_call(ctx, 0, CILIUM_CALL_NAT_FWD);
	return CTX_ACT_OK;
}
#endif
