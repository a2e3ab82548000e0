/* invoke_tailcall_if() in its expression form, its value discarded: the
 * missed tail call inside the macro body is the value thrown away, one
 * mistake with one finding and one fix (bpf-ignored-tail-call-result).
 */
#include "tailcall_2023.h"

#define SECLABEL	42

static __always_inline int tail_handle_ct(struct __sk_buff *ctx)
{
	return ctx->mark ? DROP_POLICY : CTX_ACT_OK;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	invoke_tailcall_if(1, CILIUM_CALL_IPV4_CT_EGRESS, tail_handle_ct);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
