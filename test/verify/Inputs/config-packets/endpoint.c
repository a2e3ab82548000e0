/* A datapath that only acts on packets for its endpoint: a packet to the
 * endpoint's IPv4 or IPv6 address ends in a bare drop (a negative reason
 * returned as it is), one to the endpoint's service port in a notified
 * drop; everything else is forwarded. Generic packets never reach either.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "endpoint_config.h"

#define DROP_NOT_FOR_V4	-131
#define DROP_NOT_FOR_V6	-132
#define DROP_SERVICE	-133

struct drop_event {
	__s32 reason;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} drop_events SEC(".maps");

static __always_inline int notify_drop(__s32 reason)
{
	struct drop_event event = { .reason = reason };

	bpf_ringbuf_output(&drop_events, &event, sizeof(event), 0);
	return TC_ACT_SHOT;
}

static __always_inline int to_endpoint_v4(struct __sk_buff *ctx, void *data,
					  void *data_end)
{
	struct iphdr *ip4 = data + sizeof(struct ethhdr);
	struct tcphdr *tcp;

	if ((void *)(ip4 + 1) > data_end || ip4->daddr != EP_IPV4)
		return TC_ACT_OK;
	tcp = (void *)(ip4 + 1);
	if (ip4->protocol == IPPROTO_TCP && (void *)(tcp + 1) <= data_end &&
	    tcp->dest == bpf_htons(EP_SERVICE_PORT))
		return notify_drop(DROP_SERVICE);
	return DROP_NOT_FOR_V4;
}

static __always_inline int to_endpoint_v6(void *data, void *data_end)
{
	struct ipv6hdr *ip6 = data + sizeof(struct ethhdr);
	__u64 *daddr;

	if ((void *)(ip6 + 1) > data_end)
		return TC_ACT_OK;
	daddr = (__u64 *)&ip6->daddr;
	if (daddr[0] != EP_IP_1 || daddr[1] != EP_IP_2)
		return TC_ACT_OK;
	return DROP_NOT_FOR_V6;
}

SEC("tc")
int to_endpoint(struct __sk_buff *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto == bpf_htons(ETH_P_IP))
		return to_endpoint_v4(ctx, data, data_end);
	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return to_endpoint_v6(data, data_end);
	return TC_ACT_OK;
}

char __license[] SEC("license") = "GPL";
