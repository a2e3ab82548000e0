/* A second program: its own bare drop, and the header's macro unused. */
#include "lib/drop.h"

__section("to-container")
int to_container(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return DROP_INVALID;
	return send_drop_notify_error(ctx, SECLABEL, DROP_UNKNOWN_L3,
				      CTX_ACT_DROP, METRIC_INGRESS);
}

char __license[] __section("license") = "GPL";
