/* One entry program whose verdict is random, as a load balancer picking a
 * backend at random is, and one that is not. The proof cannot compare the
 * first before and after; it must say so rather than fail or pass. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define DROP_NO_SERVICE	-158

SEC("from-netdev")
int pick_backend(struct __sk_buff *ctx)
{
	if (bpf_get_prandom_u32() & 1)
		return DROP_NO_SERVICE;
	return TC_ACT_OK;
}

SEC("from-container")
int steady(struct __sk_buff *ctx)
{
	return ctx->len > 60 ? TC_ACT_SHOT : TC_ACT_OK;
}

char __license[] SEC("license") = "Dual BSD/GPL";
