/* Tail calls declared static, the way Cilium declares many of them; the
 * entry program tail-calls both.
 */
#include "conventions.h"

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
	__uint(max_entries, 4);
} test_calls __sec_used(".maps");

static __u32 hops;

__section_tail(0, 2)
static __always_inline int tail_second(struct __sk_buff *ctx)
{
	return hops == 2 ? TC_ACT_REDIRECT : TC_ACT_SHOT;
}

__section_tail(0, 1)
static int tail_first(struct __sk_buff *ctx)
{
	hops++;
	hops++;
	bpf_tail_call(ctx, &test_calls, 2);
	return TC_ACT_SHOT;
}

__sec_used("tc")
int from_netdev(struct __sk_buff *ctx)
{
	hops = 0;
	bpf_tail_call(ctx, &test_calls, 1);
	return TC_ACT_OK;
}

char __license[] __sec_used("license") = "GPL";
