/* A map asking to be pinned by name, as Cilium's maps do. */
#include "conventions.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, 16);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} bpftidy_test_pinned __sec_used(".maps");

__sec_used("tc")
int from_netdev(struct __sk_buff *ctx)
{
	__u32 key = ctx->protocol, one = 1;

	bpf_map_update_elem(&bpftidy_test_pinned, &key, &one, BPF_ANY);
	return TC_ACT_OK;
}

char __license[] __sec_used("license") = "GPL";
