/* A map the kernel refuses to create (a hash of no entries). */
#include "conventions.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, 0);
} test_empty_hash __sec_used(".maps");

__sec_used("tc")
int from_netdev(struct __sk_buff *ctx)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&test_empty_hash, &key) ? TC_ACT_OK : TC_ACT_SHOT;
}

char __license[] __sec_used("license") = "GPL";
