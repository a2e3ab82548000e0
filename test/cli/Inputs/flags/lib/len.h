/* A helper whose drop reaches the kernel through the caller's return. */
#include "drop.h"

static inline __attribute__((always_inline)) int
check_len(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return DROP_INVALID;
	return CTX_ACT_OK;
}
