/* Tail calls wired the way Cilium's datapath writes them, in miniature:
 * sections "ID/KEY" name their program array by its legacy map id (here the
 * arrays are BTF-defined, so the test gives the id -> name table with
 * --map-id), keys are hexadecimal, a decl-tagged tail call names its map
 * without the test build's decorations, and the policy program sits in the
 * template slot 0xffff but is looked up at the endpoint's id. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define CILIUM_MAP_POLICY	1
#define CILIUM_MAP_CALLS	2
#define TEMPLATE_LXC_ID		0xffff
#define CILIUM_CALL_IPV4	0x1a
#define CILIUM_CALL_POLICY_PREP	0x1b
#define DROP_MISSED_TAIL_CALL	-140

#define __stringify_1(X)	#X
#define __stringify(X)		__stringify_1(X)
#define __section_tail(ID, KEY)	SEC(__stringify(ID) "/" __stringify(KEY))
#define __tail_tag(MAP, KEY)	\
	__attribute__((btf_decl_tag("tail:" #MAP "/" __stringify(KEY))))

/* The endpoint's configuration, as ep_config.h defines it in test builds. */
volatile __u16 LXC_ID = 0x2A;

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} test_cilium_calls_65535 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u32);
} test_cilium_policy SEC(".maps");

__section_tail(CILIUM_MAP_POLICY, TEMPLATE_LXC_ID)
int handle_policy(struct __sk_buff *ctx)
{
	return TC_ACT_OK;
}

SEC("tc/policy_prep") __tail_tag(cilium_calls, CILIUM_CALL_POLICY_PREP)
int tail_policy_prep(struct __sk_buff *ctx)
{
	bpf_tail_call(ctx, &test_cilium_policy, LXC_ID);
	return DROP_MISSED_TAIL_CALL;
}

__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_IPV4)
int tail_handle_ipv4(struct __sk_buff *ctx)
{
	bpf_tail_call(ctx, &test_cilium_calls_65535, CILIUM_CALL_POLICY_PREP);
	return DROP_MISSED_TAIL_CALL;
}

SEC("from-container")
int cil_from_container(struct __sk_buff *ctx)
{
	bpf_tail_call(ctx, &test_cilium_calls_65535, CILIUM_CALL_IPV4);
	return DROP_MISSED_TAIL_CALL;
}

char __license[] SEC("license") = "Dual BSD/GPL";
