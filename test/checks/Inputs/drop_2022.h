/* Cilium-2022-style drop notifications. They are macros, so that each
 * event carries the __LINE__ of its notification; the helper they expand
 * to refuses to build unless exitcode is a constant.
 */

#ifndef __TEST_DROP_2022_H_
#define __TEST_DROP_2022_H_

#include "common.h"

extern void __bpf_build_bug(void)
	__attribute__((error("exitcode is not constant")));

__u64 drop_events[4];

static __always_inline int
__send_drop_notify(void *ctx, __u32 line, __u32 src, __u32 dst, __u32 dst_id,
		   int reason, __u32 ext_err, int exitcode,
		   enum metric_dir direction)
{
	if (!__builtin_constant_p(exitcode))
		__bpf_build_bug();
	(void)ctx;
	(void)line;
	(void)src;
	(void)dst;
	(void)dst_id;
	(void)reason;
	(void)ext_err;
	__sync_fetch_and_add(&drop_events[direction & 3], 1);
	return exitcode;
}

#define send_drop_notify(ctx, src, dst, dst_id, reason, exitcode, direction) \
	__send_drop_notify(ctx, __LINE__, src, dst, dst_id, reason, 0,	\
			   exitcode, direction)

#define send_drop_notify_error(ctx, src, reason, exitcode, direction)	\
	__send_drop_notify(ctx, __LINE__, src, 0, 0, reason, 0,		\
			   exitcode, direction)

#define send_drop_notify_ext(ctx, src, dst, dst_id, reason, ext_err,	\
			     exitcode, direction)			\
	__send_drop_notify(ctx, __LINE__, src, dst, dst_id, reason,	\
			   ext_err, exitcode, direction)

#define send_drop_notify_error_ext(ctx, src, reason, ext_err, exitcode,	\
				   direction)				\
	__send_drop_notify(ctx, __LINE__, src, 0, 0, reason, ext_err,	\
			   exitcode, direction)

#endif /* __TEST_DROP_2022_H_ */
