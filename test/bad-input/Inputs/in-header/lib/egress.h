#ifndef EGRESS_H
#define EGRESS_H

#define SEC(name) __attribute__((section(name), used))
#define DROP_INVALID -134
#define METRIC_EGRESS 2
#define SECLABEL 2
#define CTX_ACT_DROP TC_ACT_SHOT

int report(struct __sk_buff *ctx, int src, int reason, int code, int dir);
#define send_drop_notify_error(ctx, src, reason, code, dir)		\
	report(ctx, src, reason, code, dir)

SEC("to-netdev/egress")
int egress(struct __sk_buff *ctx)
{
	if (ctx->len > 9000)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->len < 14)
		return DROP_INVALID;
	return TC_ACT_OK;
}

#endif
