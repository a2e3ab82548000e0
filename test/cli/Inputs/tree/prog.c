/* Bare drops on purpose: one in a macro expanded twice, one in every
 * configuration, one only with ENABLE_IPV4.
 */
#include "lib/drop.h"

TAIL_LOOKUP(tail_lookup_ingress, 1, METRIC_INGRESS)
TAIL_LOOKUP(tail_lookup_egress, 2, METRIC_EGRESS)

__section("from-container")
int from_container(struct __sk_buff *ctx)
{
	if (ctx->protocol == 0)
		return DROP_UNKNOWN_L3;
#ifdef ENABLE_IPV4
	if (ctx->protocol == 8)
		return DROP_INVALID;
#endif
	return send_drop_notify_error(ctx, SECLABEL, DROP_UNKNOWN_L3,
				      CTX_ACT_DROP, METRIC_EGRESS);
}

char __license[] __section("license") = "GPL";
