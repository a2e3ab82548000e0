#include "common.h"

/* Every caller returns its value to the kernel: its drop is notified here,
 * and each program's return that hands it to the kernel is named. */
static __always_inline int check_len(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return DROP_INVALID;
	return CTX_ACT_OK;
}

__section("from-container")
int from_container(struct __sk_buff *ctx)
{
	if (ctx->mark == 1)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return check_len(ctx);
}

#ifdef WITH_HOST
/* A second program only in this configuration, of the same direction. */
__section("from-host")
int from_host(struct __sk_buff *ctx)
{
	if (ctx->mark == 2)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return check_len(ctx);
}
#endif
