/* The original tree: two bare drops on purpose (see ../sites.json). */
#include "tiny.h"

#ifdef BREAK_BUILD
#error "this configuration does not build"
#endif

/* A .bss variable: reset between packets as well. */
__u32 seen;

#ifdef USE_TAILCALLS
SEC("2/1")
int tail_ipv4(struct __sk_buff *ctx)
#else
static __always_inline int tail_ipv4(struct __sk_buff *ctx)
#endif
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct iphdr *ip4 = data + ETH_HLEN;

	if ((void *)(ip4 + 1) > data_end)
		return TC_ACT_OK;
	if (!first_time(4) || seen++)
		return DROP_CT_INVALID_HDR;
	if (ip4->ihl < 5)
		return DROP_INVALID;
	return TC_ACT_OK;
}

SEC("calls/3")
int tail_ipv6(struct __sk_buff *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ipv6hdr *ip6 = data + ETH_HLEN;

	if ((void *)(ip6 + 1) > data_end)
		return TC_ACT_OK;
	if (!first_time(6))
		return DROP_CT_INVALID_HDR;
#ifdef BREAK_IPV6_VERDICT
	/* A deliberate change of behaviour the differential must catch. */
	if (ip6->nexthdr == 17 /* UDP */)
		return TC_ACT_SHOT;
#endif
	if (ip6->payload_len == 0)
		return send_drop_notify(ctx, DROP_INVALID, METRIC_EGRESS);
	return TC_ACT_OK;
}

__attribute__((btf_decl_tag("tail:calls/5")))
SEC("tc/tail")
int tail_arp(struct __sk_buff *ctx)
{
	return TC_ACT_UNSPEC;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
#ifdef BREAK_VERIFIER
	if (*(__u32 *)(data + 64) == 0)
		return TC_ACT_OK;
#endif
	switch (eth->h_proto) {
	case bpf_htons(ETH_P_IP):
#ifdef USE_TAILCALLS
		bpf_tail_call(ctx, &calls, 1);
		break;
#else
		return tail_ipv4(ctx);
#endif
	case bpf_htons(ETH_P_IPV6):
		bpf_tail_call(ctx, &calls, 3);
		break;
	case bpf_htons(ETH_P_ARP):
		bpf_tail_call(ctx, &calls, 5);
		break;
	default:
		return DROP_UNKNOWN_L3;
	}
	return send_drop_notify(ctx, DROP_MISSED_TAIL_CALL, METRIC_EGRESS);
}

char __license[] SEC("license") = "GPL";
