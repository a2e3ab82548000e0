/* A program array and a counter defined the iproute2 way, next to a
 * BTF-defined map: both kinds end up in one .maps section. The counter is
 * static: the code reaches it through the `maps` section symbol.
 */
#include "conventions.h"

#define CALLS_MAP_ID	2
#define CALL_IPV4	1

struct bpf_elf_map __section_maps test_calls = {
	.type		= BPF_MAP_TYPE_PROG_ARRAY,
	.id		= CALLS_MAP_ID,
	.size_key	= sizeof(__u32),
	.size_value	= sizeof(__u32),
	.pinning	= PIN_GLOBAL_NS,
	.max_elem	= 8,
};

static struct bpf_elf_map __section_maps test_counters = {
	.type		= BPF_MAP_TYPE_PERCPU_ARRAY,
	.id		= 5,
	.size_key	= sizeof(__u32),
	.size_value	= sizeof(__u64),
	.max_elem	= 4,
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1);
} test_state __sec_used(".maps");

static void count(void *map, __u32 key)
{
	__u64 *value = bpf_map_lookup_elem(map, &key);

	if (value)
		*value += 1;
}

__section_tail(CALLS_MAP_ID, CALL_IPV4)
int tail_ipv4(struct __sk_buff *ctx)
{
	count(&test_counters, 1);
	return TC_ACT_REDIRECT;
}

__sec_used("tc")
int from_netdev(struct __sk_buff *ctx)
{
	count(&test_state, 0);
	count(&test_counters, 0);
	bpf_tail_call(ctx, &test_calls, CALL_IPV4);
	return TC_ACT_OK;
}

char __license[] __sec_used("license") = "GPL";
