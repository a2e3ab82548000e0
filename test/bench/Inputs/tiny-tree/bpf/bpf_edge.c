#include "lib/drop.h"

__section("from-netdev")
int from_netdev(struct __sk_buff *ctx)
{
	unsigned int identity = ctx->mark;

	/* The tree's own notifications: one direction, two sources. */
	if (ctx->len < 14)
		return send_drop_notify_error(ctx, identity, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
	if (ctx->len < 20)
		return send_drop_notify_error(ctx, 0, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
#ifndef ENABLE_STRICT
	/* Only the permutation without ENABLE_STRICT has this drop. */
	if (ctx->len > 1500)
		return DROP_INVALID;
#endif
	if (ctx->mark == 7)
		return DROP_POLICY;
	return CTX_ACT_OK;
}

/* Nothing here or in its section name tells the direction: no fix. */
__section("from-somewhere")
int from_somewhere(struct __sk_buff *ctx)
{
	if (ctx->len == 0)
		return DROP_INVALID;
	return CTX_ACT_OK;
}
