#include "tailcall_2023.h"

#define SECLABEL	42

declare_tailcall_if(is_defined(ENABLE_HOST_FIREWALL), CILIUM_CALL_IPV4_CT_INGRESS)
int tail_handle_ipv4_cont(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return DROP_POLICY;
	return CTX_ACT_OK;
}

SEC("tc")
int from_netdev(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (revalidate_data(ctx))
		invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),
				   CILIUM_CALL_IPV4_CT_INGRESS,
				   tail_handle_ipv4_cont);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
