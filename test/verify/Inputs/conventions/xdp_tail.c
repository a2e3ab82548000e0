/* An XDP entry program (SEC("xdp"): libbpf gives it the BPF_XDP expected
 * attach type) and a tail call in an "ID/KEY" section, as in Cilium's
 * bpf_xdp.c.
 */
#include "conventions.h"

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
	__uint(max_entries, 4);
} test_xdp_calls __sec_used(".maps");

__section_tail(0, 1)
int tail_pass(struct xdp_md *ctx)
{
	return XDP_PASS;
}

__sec_used("xdp")
int xdp_entry(struct xdp_md *ctx)
{
	bpf_tail_call(ctx, &test_xdp_calls, 1);
	return XDP_DROP;
}

char __license[] __sec_used("license") = "GPL";
