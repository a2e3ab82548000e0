/* Two tail calls whose miss nothing notifies (../tail-before), and their
 * fixes (-DFIXED, ../tail-after; see ../tail-fixed-sites.json). The IPv4
 * filter's slot is wired: its miss is reached only with the slot emptied,
 * and then the stale ret passes the packet; the fix notifies it there. The
 * ARP filter's slot is left empty: its miss happens on every ARP packet,
 * and tail_call_internal()'s DROP_MISSED_TAIL_CALL is thrown away before
 * the error block; the fix assigns it to ret, which that block notifies. */
#include "notify.h"

#define DROP_MISSED_TAIL_CALL	-140
#define CALL_IPV4_FILTER	1
#define CALL_ARP_FILTER		2

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} test_cilium_calls SEC(".maps");

static __always_inline int tail_call_internal(struct __sk_buff *ctx,
					      __u32 index)
{
	bpf_tail_call(ctx, &test_cilium_calls, index);
	return DROP_MISSED_TAIL_CALL;
}

SEC("tc/ipv4_filter")
__attribute__((btf_decl_tag("tail:cilium_calls/1")))
int tail_ipv4_filter(struct __sk_buff *ctx)
{
	return TC_ACT_OK;
}

SEC("from-container")
int cil_from_container(struct __sk_buff *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	int ret = TC_ACT_OK;

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return send_drop_notify_error(ctx, 0, DROP_INVALID, TC_ACT_SHOT,
					      METRIC_INGRESS);
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		bpf_tail_call(ctx, &test_cilium_calls, CALL_IPV4_FILTER);
#ifdef FIXED
		return send_drop_notify_error(ctx, 0, DROP_MISSED_TAIL_CALL,
					      TC_ACT_SHOT, METRIC_EGRESS);
#else
		return ret;
#endif
	}
	if (eth->h_proto == bpf_htons(ETH_P_ARP))
#ifdef FIXED
		ret = tail_call_internal(ctx, CALL_ARP_FILTER);
#else
		tail_call_internal(ctx, CALL_ARP_FILTER);
#endif

	if (ret < 0)
		return send_drop_notify_error(ctx, 0, ret, TC_ACT_SHOT,
					      METRIC_EGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
