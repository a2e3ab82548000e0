/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Drop notifications: report a drop reason to user space and turn it into
 * a verdict.
 *
 * A program must never hand a negative drop reason to the kernel itself:
 * nobody would see the drop, and tc treats an unknown code as "unspec"
 * rather than as a drop. Instead it returns one of
 *
 *   send_drop_notify(ctx, src, dst, dst_id, reason, exitcode, direction)
 *   send_drop_notify_error(ctx, src, reason, exitcode, direction)
 *   send_drop_notify_ext(ctx, src, dst, dst_id, reason, ext_err, exitcode,
 *			  direction)
 *   send_drop_notify_error_ext(ctx, src, reason, ext_err, exitcode,
 *				direction)
 *
 * which write a struct drop_event to the drop_events ring buffer, count the
 * drop in drop_metrics and return exitcode. exitcode and direction must be
 * compile-time constants, or the build fails.
 */

#ifndef __LIB_DROP_H_
#define __LIB_DROP_H_

#include "common.h"
#include "ctx.h"

/* Layout shared with user space (docs/formats.md, section 4). */
struct drop_event {
	__s32	reason;		/* negative drop reason */
	__u32	source_line;	/* __LINE__ of the notification */
	__u32	source_file;	/* see __source_file_id() */
	__u32	src_identity;
	__u8	direction;	/* enum metric_dir */
	__u8	exit_code;	/* verdict returned to the kernel */
	__u16	pad;
} __packed;

struct drop_metrics_key {
	__u8	reason;		/* -drop reason */
	__u8	direction;	/* enum metric_dir */
};

struct drop_metrics_value {
	__u64	count;
	__u64	bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} drop_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__type(key, struct drop_metrics_key);
	__type(value, struct drop_metrics_value);
	__uint(max_entries, 1024);
} drop_metrics SEC(".maps");

/* Numbers for the files that notify, so an event says where it came from.
 * The comparisons fold away at compile time.
 */
static __always_inline __u32 __source_file_id(const char *name)
{
	if (!__builtin_strcmp(name, "bpf_lxc.c"))
		return 1;
	if (!__builtin_strcmp(name, "conntrack.h"))
		return 2;
	if (!__builtin_strcmp(name, "ipv4.h"))
		return 3;
	if (!__builtin_strcmp(name, "ipv6.h"))
		return 4;
	if (!__builtin_strcmp(name, "icmp6.h"))
		return 5;
	if (!__builtin_strcmp(name, "policy.h"))
		return 6;
	if (!__builtin_strcmp(name, "tailcall.h"))
		return 7;
	return 0;
}

#define __SOURCE_FILE_ID__	__source_file_id(__FILE_NAME__)

static __always_inline void __update_drop_metrics(struct __ctx_buff *ctx,
						  int reason, __u8 direction)
{
	struct drop_metrics_key key = {
		.reason = (__u8)-reason,
		.direction = direction,
	};
	struct drop_metrics_value *entry, fresh = {};

	entry = map_lookup_elem(&drop_metrics, &key);
	if (entry) {
		entry->count += 1;
		entry->bytes += ctx_full_len(ctx);
		return;
	}

	fresh.count = 1;
	fresh.bytes = ctx_full_len(ctx);
	map_update_elem(&drop_metrics, &key, &fresh, BPF_ANY);
}

static __always_inline int
__send_drop_notify(struct __ctx_buff *ctx, __u32 file, __u32 line, __u32 src,
		   __u32 dst __maybe_unused, __u32 dst_id __maybe_unused,
		   int reason, __s8 ext_err __maybe_unused, int exitcode,
		   enum metric_dir direction)
{
	struct drop_event ev = {};

	if (!__builtin_constant_p(exitcode) ||
	    !__builtin_constant_p(direction))
		__throw_build_bug();

	ev.reason = reason;
	ev.source_line = line;
	ev.source_file = file;
	ev.src_identity = src;
	ev.direction = (__u8)direction;
	ev.exit_code = (__u8)exitcode;

	bpf_ringbuf_output(&drop_events, &ev, sizeof(ev), 0);
	__update_drop_metrics(ctx, reason, (__u8)direction);

	return exitcode;
}

#define send_drop_notify(ctx, src, dst, dst_id, reason, exitcode,	\
			 direction)					\
	__send_drop_notify(ctx, __SOURCE_FILE_ID__, __LINE__, src, dst,	\
			   dst_id, reason, 0, exitcode, direction)

#define send_drop_notify_error(ctx, src, reason, exitcode, direction)	\
	__send_drop_notify(ctx, __SOURCE_FILE_ID__, __LINE__, src,	\
			   0, 0, reason, 0, exitcode, direction)

#define send_drop_notify_ext(ctx, src, dst, dst_id, reason, ext_err,	\
			     exitcode, direction)			\
	__send_drop_notify(ctx, __SOURCE_FILE_ID__, __LINE__, src, dst,	\
			   dst_id, reason, ext_err, exitcode, direction)

#define send_drop_notify_error_ext(ctx, src, reason, ext_err, exitcode,	\
				   direction)				\
	__send_drop_notify(ctx, __SOURCE_FILE_ID__, __LINE__, src,	\
			   0, 0, reason, ext_err, exitcode, direction)

#endif /* __LIB_DROP_H_ */
