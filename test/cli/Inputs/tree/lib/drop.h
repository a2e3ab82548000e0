/* A tiny Cilium-style datapath for bpf-tidy's command-line tests: section
 * markers, drop reasons, a notification helper and a macro that generates
 * one tail call per direction.
 */
#ifndef TREE_DROP_H
#define TREE_DROP_H

#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define __section(NAME)		__attribute__((section(NAME), used))
#define __stringify_1(X)	#X
#define __stringify(X)		__stringify_1(X)
#define __section_tail(ID, KEY)	__section(__stringify(ID) "/" __stringify(KEY))

#define CTX_ACT_OK		TC_ACT_OK
#define CTX_ACT_DROP		TC_ACT_SHOT

#define DROP_INVALID		-134
#define DROP_CT_UNKNOWN_PROTO	-137
#define DROP_UNKNOWN_L3		-139

enum metric_dir {
	METRIC_INGRESS = 1,
	METRIC_EGRESS,
};

#define SECLABEL		42

static inline __attribute__((always_inline)) int
__send_drop_notify(void *ctx, __u32 line, __u32 src, int reason, int exitcode,
		   enum metric_dir direction)
{
	(void)ctx;
	(void)line;
	(void)src;
	(void)reason;
	(void)direction;
	return exitcode;
}

#define send_drop_notify_error(ctx, src, reason, exitcode, direction)	\
	__send_drop_notify(ctx, __LINE__, src, reason, exitcode, direction)

#define TAIL_LOOKUP(NAME, SLOT, DIR)					\
__section_tail(2, SLOT)							\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (ctx->len < 34)						\
		return DROP_INVALID;					\
	return send_drop_notify_error(ctx, SECLABEL, DROP_CT_UNKNOWN_PROTO, \
				      CTX_ACT_DROP, DIR);		\
}

#endif /* TREE_DROP_H */
