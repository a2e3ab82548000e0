// ${exitcode} follows what the tree defines: CTX_ACT_DROP where it is
// defined (Cilium defines it per program type), else the program type's
// own drop verdict: TC_ACT_SHOT in tc programs, XDP_DROP in XDP programs
// (older trees, before CTX_ACT_DROP existed).
//
// RUN: %check_bpf_tidy --compile %s %t -- -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement

#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define SEC(NAME)	__attribute__((section(NAME), used))
#define SECLABEL	42

#define DROP_INVALID	-134

enum metric_dir {
	METRIC_INGRESS = 1,
	METRIC_EGRESS,
};

static inline __attribute__((always_inline)) int
__send_drop_notify(void *ctx, __u32 src, int reason, int exitcode,
		   enum metric_dir direction)
{
	(void)ctx;
	(void)src;
	(void)reason;
	(void)direction;
	return exitcode;
}

#define send_drop_notify_error(ctx, src, reason, exitcode, direction) \
	__send_drop_notify(ctx, src, reason, exitcode, direction)

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	if (ctx->len < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      TC_ACT_SHOT, METRIC_EGRESS);
	if (ctx->mark)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-FIXES: {{^}}	if (ctx->mark){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      TC_ACT_SHOT, METRIC_EGRESS);{{$}}
	return TC_ACT_OK;
}

SEC("xdp")
int from_netdev(struct xdp_md *ctx)
{
	if (ctx->data_end - ctx->data < 14)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      XDP_DROP, METRIC_INGRESS);
	if (ctx->ingress_ifindex == 1)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_netdev' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-FIXES: {{^}}	if (ctx->ingress_ifindex == 1){{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      XDP_DROP, METRIC_INGRESS);{{$}}
	return XDP_PASS;
}

char __license[] SEC("license") = "GPL";
