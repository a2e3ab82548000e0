#ifndef TINY_DROP_H
#define TINY_DROP_H

#define __section(NAME)		__attribute__((section(NAME), used))

#define CTX_ACT_OK		0
#define CTX_ACT_DROP		2
#define METRIC_INGRESS		1
#define METRIC_EGRESS		2
#define SECLABEL		2
#define DROP_POLICY		-133
#define DROP_INVALID		-134

struct __sk_buff {
	unsigned int len;
	unsigned int mark;
};

/* Records the drop and returns the verdict that drops the packet. */
static __attribute__((always_inline)) inline int
send_drop_notify_error(struct __sk_buff *ctx, unsigned int src, int error,
		       int exitcode, int direction)
{
	ctx->mark = src ^ (unsigned int)error ^ (unsigned int)direction;
	return exitcode;
}

#endif
