/* Cilium-2025-style drop notifications: the exit code is gone (it is
 * always CTX_ACT_DROP).
 */

#ifndef __TEST_DROP_2025_H_
#define __TEST_DROP_2025_H_

#include "common.h"

__u64 drop_events[4];

static __always_inline int
__send_drop_notify(void *ctx, __u32 line, __u32 src, __u32 dst, __u32 dst_id,
		   int reason, __u32 ext_err, enum metric_dir direction)
{
	(void)ctx;
	(void)line;
	(void)src;
	(void)dst;
	(void)dst_id;
	(void)reason;
	(void)ext_err;
	__sync_fetch_and_add(&drop_events[direction & 3], 1);
	return CTX_ACT_DROP;
}

#define send_drop_notify(ctx, src, dst, dst_id, reason, direction)	\
	__send_drop_notify(ctx, __LINE__, src, dst, dst_id, reason, 0,	\
			   direction)

#define send_drop_notify_error(ctx, src, reason, direction)		\
	__send_drop_notify(ctx, __LINE__, src, 0, 0, reason, 0, direction)

#define send_drop_notify_ext(ctx, src, dst, dst_id, reason, ext_err,	\
			     direction)					\
	__send_drop_notify(ctx, __LINE__, src, dst, dst_id, reason,	\
			   ext_err, direction)

#define send_drop_notify_error_ext(ctx, src, reason, ext_err, direction) \
	__send_drop_notify(ctx, __LINE__, src, 0, 0, reason, ext_err,	\
			   direction)

#endif /* __TEST_DROP_2025_H_ */
