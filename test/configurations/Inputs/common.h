/* Just enough of a Cilium-style datapath for the configuration tests. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define __section(X)		__attribute__((section(X), used))
#define CTX_ACT_OK		TC_ACT_OK
#define CTX_ACT_DROP		TC_ACT_SHOT
#define SECLABEL		2
#define DROP_INVALID		-134
#define DROP_POLICY		-133

enum metric_dir {
	METRIC_INGRESS = 1,
	METRIC_EGRESS,
};

int report_drop(struct __sk_buff *ctx, int src, int reason, int code, int dir);
#define send_drop_notify_error(ctx, src, reason, code, dir)		\
	report_drop(ctx, src, reason, code, dir)
