#include "common.h"

#define DROP_MISSED_TAIL_CALL	-169

int next_stage(struct __sk_buff *ctx);
void tail_call(struct __sk_buff *ctx, int slot);

/* A stage that either tail-calls the next one (ret is then the missed tail
 * call's drop) or calls it inline (ret is then its verdict): the same
 * `return ret;` text is a bare drop in one variant and a verdict in the
 * other, so wrapping it in a notification would drop every packet of the
 * inline variant. */
#define STAGE(NAME, TAIL)						\
__section("from-container")						\
int NAME(struct __sk_buff *ctx)						\
{									\
	int ret = CTX_ACT_OK;						\
									\
	if (ctx->mark)							\
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY, \
					      CTX_ACT_DROP, METRIC_EGRESS); \
	if (TAIL) {							\
		tail_call(ctx, 1);					\
		ret = DROP_MISSED_TAIL_CALL;				\
	} else {							\
		ret = next_stage(ctx) == 0 ? CTX_ACT_OK : CTX_ACT_DROP;	\
	}								\
	return ret;							\
}

#ifdef BOTH_VARIANTS
STAGE(stage_tail, 1)
STAGE(stage_inline, 0)
#else
STAGE(stage_tail, TAIL_VARIANT)
#endif
