/* The fixed tree: both drops notified (see ../sites.json). */
#include "notify.h"

static __always_inline int handle_ipv4(struct __sk_buff *ctx, struct iphdr *ip4)
{
	if (ip4->ttl <= 1)
		return send_drop_notify_error(ctx, 0, DROP_INVALID, TC_ACT_SHOT,
					      METRIC_EGRESS);
	update_metrics(ctx->len, METRIC_EGRESS, 0);
	return TC_ACT_OK;
}

SEC("from-container")
int cil_from_container(struct __sk_buff *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip4 = data + ETH_HLEN;

	send_trace_notify(ctx);
	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return send_drop_notify_error(ctx, 0, DROP_INVALID, TC_ACT_SHOT,
					      METRIC_INGRESS);
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return send_drop_notify_error(ctx, 0, DROP_UNKNOWN_L3,
					      TC_ACT_SHOT, METRIC_INGRESS);
	if ((void *)(ip4 + 1) > data_end)
		return TC_ACT_OK;
	return handle_ipv4(ctx, ip4);
}

char __license[] SEC("license") = "GPL";
