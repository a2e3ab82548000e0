/* Drop notifications in Cilium's shape, written for bpf-tidy-verify's tests:
 * a struct drop_notify that is only a local variable (so only DWARF
 * describes it; its fields in an order of our own), sent to a perf event
 * array sized by __NR_CPUS__, a per-CPU metrics hash whose key holds the
 * direction in a 2-bit bitfield, test-prefixed map names, and trace
 * notifications of another type in the same perf array. */
#ifndef NOTIFY_H
#define NOTIFY_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#ifndef __NR_CPUS__
#define __NR_CPUS__ 1
#endif

#define EVENTS_MAP	test_cilium_events
#define METRICS_MAP	test_cilium_metrics

#define DROP_INVALID		-134
#define DROP_UNKNOWN_L3		-139

enum metric_dir {
	METRIC_INGRESS = 1,
	METRIC_EGRESS,
};

enum {
	CILIUM_NOTIFY_UNSPEC,
	CILIUM_NOTIFY_TRACE = 4,
	CILIUM_NOTIFY_DROP = 7,
};

struct drop_notify {
	__u32	src_label;
	__u16	line;
	__u8	subtype;	/* -reason */
	__u8	type;
	__u32	hash;
	__u8	file;
	__s8	ext_error;
	__u16	source;
	__u32	dst_label;
};

struct trace_notify {
	__u8	type;
	__u8	subtype;
	__u16	source;
	__u32	reason;
};

struct metrics_key {
	__u8	reason;		/* 0: forwarded, else -drop reason */
	__u8	pad:6,
		dir:2;		/* enum metric_dir */
	__u16	reserved[3];
};

struct metrics_value {
	__u64	bytes;
	__u64	count;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
	__uint(max_entries, __NR_CPUS__);
} EVENTS_MAP SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__type(key, struct metrics_key);
	__type(value, struct metrics_value);
	__uint(max_entries, 64);
} METRICS_MAP SEC(".maps");

#include "../source_names_to_ids.h"

static __always_inline void update_metrics(__u64 bytes, __u8 direction,
					   __u8 reason)
{
	struct metrics_value *entry, fresh = {};
	struct metrics_key key = {};

	key.reason = reason;
	key.dir = direction;
	entry = bpf_map_lookup_elem(&METRICS_MAP, &key);
	if (entry) {
		entry->count += 1;
		entry->bytes += bytes;
	} else {
		fresh.count = 1;
		fresh.bytes = bytes;
		bpf_map_update_elem(&METRICS_MAP, &key, &fresh, 0);
	}
}

static __always_inline void send_trace_notify(struct __sk_buff *ctx)
{
	struct trace_notify msg = {
		.type = CILIUM_NOTIFY_TRACE,
		.source = 1,
	};

	bpf_perf_event_output(ctx, &EVENTS_MAP, BPF_F_CURRENT_CPU, &msg,
			      sizeof(msg));
}

static __always_inline int
_send_drop_notify(__u8 file, __u16 line, struct __sk_buff *ctx, __u32 src,
		  __u32 reason, __u32 exitcode, enum metric_dir direction)
{
	struct drop_notify msg = {
		.type = CILIUM_NOTIFY_DROP,
		.subtype = (__u8)reason,
		.source = 1,
		.src_label = src,
		.line = line,
		.file = file,
	};

	update_metrics(ctx->len, direction, (__u8)reason);
	bpf_perf_event_output(ctx, &EVENTS_MAP, BPF_F_CURRENT_CPU, &msg,
			      sizeof(msg));
	return exitcode;
}

#define __DROP_REASON(err) ((__u8)((err) > 0 ? (err) : -(err)))
#define __MAGIC_FILE__ ((__u8)__source_file_name_to_id(__FILE_NAME__))

#define send_drop_notify_error(ctx, src, reason, exitcode, direction)	\
	_send_drop_notify(__MAGIC_FILE__, __LINE__, ctx, src,		\
			  __DROP_REASON(reason), exitcode, direction)

#endif /* NOTIFY_H */
