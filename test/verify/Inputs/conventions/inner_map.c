/* A legacy map of maps: not converted, said so clearly. */
#include "conventions.h"

struct bpf_elf_map __section_maps test_outer = {
	.type		= BPF_MAP_TYPE_ARRAY_OF_MAPS,
	.id		= 1,
	.size_key	= sizeof(__u32),
	.size_value	= sizeof(__u32),
	.max_elem	= 2,
	.inner_id	= 2,
};

__sec_used("tc")
int from_netdev(struct __sk_buff *ctx)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&test_outer, &key) ? TC_ACT_OK : TC_ACT_SHOT;
}

char __license[] __sec_used("license") = "GPL";
