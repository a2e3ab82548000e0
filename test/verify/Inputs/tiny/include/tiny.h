/* A tiny tc datapath for bpf-tidy-verify's tests: the maps, drop reasons
 * and notification helper of the sample datapath in miniature. */
#ifndef TINY_H
#define TINY_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define DROP_INVALID		-134
#define DROP_CT_INVALID_HDR	-135
#define DROP_UNKNOWN_L3		-139
#define DROP_MISSED_TAIL_CALL	-169

#define METRIC_INGRESS	1
#define METRIC_EGRESS	2

struct drop_event {
	__s32 reason;
	__u32 source_line;
	__u32 source_file;
	__u32 src_identity;
	__u8 direction;
	__u8 exit_code;
	__u16 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} drop_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} calls SEC(".maps");

/* State a packet leaves behind: the runner must clear it between packets. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
} ct SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} packets SEC(".maps");

static __always_inline int notify_drop(__s32 reason, __u32 line, __u8 dir)
{
	struct drop_event ev = {
		.reason = reason,
		.source_line = line,
		.source_file = 1,
		.direction = dir,
		.exit_code = TC_ACT_SHOT,
	};

	bpf_ringbuf_output(&drop_events, &ev, sizeof(ev), 0);
	return TC_ACT_SHOT;
}

#define send_drop_notify(ctx, reason, dir) notify_drop(reason, __LINE__, dir)

/* Fails the packet if an earlier packet's state survived. */
static __always_inline int first_time(__u32 key)
{
	__u32 one = 1;
	__u64 *count = bpf_map_lookup_elem(&packets, &key);

	if (bpf_map_lookup_elem(&ct, &key))
		return 0;
	if (count && (*count)++ > 0)
		return 0;
	bpf_map_update_elem(&ct, &key, &one, BPF_ANY);
	return 1;
}

#endif
