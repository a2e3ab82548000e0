/* A tail call defined in a header, as Cilium's lib/nodeport.h does. */

#ifndef __TEST_NAT_TAIL_H_
#define __TEST_NAT_TAIL_H_

#include "drop_2022.h"

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_DROP_NOTIFY)
int tail_nat_fwd(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

#endif /* __TEST_NAT_TAIL_H_ */
