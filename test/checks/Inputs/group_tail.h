/* Tail calls in a header that a program includes before it defines its
 * own identity (SECLABEL), as a datapath's shared libraries are.
 */

#ifndef __TEST_GROUP_TAIL_H_
#define __TEST_GROUP_TAIL_H_

#include "drop_2022.h"

#define UNKNOWN_ID		0
#define CILIUM_CALL_GROUP_FANOUT	20
#define CILIUM_CALL_GROUP_JOIN		21

/* Its own notification names the source: the fix takes it. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_GROUP_FANOUT)
int tail_group_fanout(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
	if (ctx->mark)
		return send_drop_notify(ctx, UNKNOWN_ID, UNKNOWN_ID, 0,
					DROP_POLICY, CTX_ACT_DROP,
					METRIC_INGRESS);
	return CTX_ACT_OK;
}

/* Nothing names it here, and SECLABEL is not defined yet: no fix. */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_GROUP_JOIN)
int tail_group_join(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
	return CTX_ACT_OK;
}

#endif /* __TEST_GROUP_TAIL_H_ */
