#include "common.h"

/* The same program is attached on the way out in one configuration and on
 * the way in in the other: the fix of its drop differs between them. */
#ifdef ATTACH_EGRESS
__section("from-container")
#else
__section("to-container")
#endif
int handle(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return DROP_INVALID;
	return CTX_ACT_OK;
}
