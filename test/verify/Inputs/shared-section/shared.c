/* Two entry programs in one section, as Cilium's bpf_host puts
 * cil_from_netdev and cil_to_netdev (and more) in "tc". Each must get its
 * own verdict column and cost row, named by its function. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define DROP_INVALID	-134

SEC("tc")
int cil_from_netdev(struct __sk_buff *ctx)
{
	return TC_ACT_OK;
}

SEC("tc")
int cil_to_netdev(struct __sk_buff *ctx)
{
	if (ctx->len > 60)
		return DROP_INVALID;
	return TC_ACT_OK;
}

SEC("from-container")
int cil_from_container(struct __sk_buff *ctx)
{
	return TC_ACT_OK;
}

char __license[] SEC("license") = "Dual BSD/GPL";
