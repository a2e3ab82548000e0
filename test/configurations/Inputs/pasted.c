#include "common.h"

/* The kconfig IS_ENABLED trick, as Cilium's is_defined(): the flag's name is
 * pasted, never expanded, yet it decides whether stage() is a tail call. */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define is_defined(x) ___is_defined(x)

#define __eval(x, ...) x ## __VA_ARGS__
#define __declare_if_0 static __always_inline
#define __declare_if_1 __section("2/7")
#define declare_if(COND) __eval(__declare_if_, COND)

declare_if(is_defined(AS_TAIL_CALL))
int stage(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return DROP_INVALID;
	return CTX_ACT_OK;
}

__section("from-container")
int entry(struct __sk_buff *ctx)
{
	int ret = stage(ctx);

	if (ret != CTX_ACT_OK)
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return CTX_ACT_OK;
}
