#include "common.h"

/* Every caller returns its value to the kernel... */
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

#ifdef WITH_POLICY
/* ...except in this configuration, where a caller tests it: notifying
 * inside check_len would make this test pass a dropped packet. */
__section("to-container")
int to_container(struct __sk_buff *ctx)
{
	int ret = check_len(ctx);

	if (ret < 0)
		return ret;
	return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
				      CTX_ACT_DROP, METRIC_INGRESS);
}
#endif
