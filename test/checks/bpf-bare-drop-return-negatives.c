// What is not a literal bare drop: a helper (not a program) returning a drop
// reason, returns through a notification helper, valid verdicts (including
// TC_ACT_UNSPEC, which is -1), a returned variable of unknown value, and
// drop-reason names whose value is not negative. Nothing is reported and
// nothing is edited.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define DROP_NOT_A_DROP	7

/* A helper: whether its value reaches the kernel is the caller's business. */
static __always_inline int parse_l3(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
	if (ctx->protocol == 0)
		return DROP_UNKNOWN_L3;
	return 0;
}

/* Not static, but no section: not a program either. */
int __attribute__((noinline)) lookup_policy(struct __sk_buff *ctx)
{
	return ctx->mark ? DROP_POLICY : 0;
}

SEC("tc")
int from_container(struct __sk_buff *ctx)
{
	int ret;

	ret = parse_l3(ctx);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	if (ctx->mark == 1)
		return send_drop_notify(ctx, SECLABEL, 0, 0, DROP_POLICY,
					CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark == 2)
		return send_drop_notify_error_ext(ctx, SECLABEL, DROP_INVALID, 3,
						  CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark == 3)
		return (send_drop_notify_ext(ctx, SECLABEL, 0, 0, DROP_POLICY,
					     4, CTX_ACT_DROP, METRIC_EGRESS));
	if (ctx->mark == 4)
		return TC_ACT_UNSPEC;
	if (ctx->mark == 5)
		return -1;
	if (ctx->mark == 6)
		return CTX_ACT_DROP;
	if (ctx->mark == 7)
		return CTX_ACT_REDIRECT;
	if (ctx->mark == 8)
		return DROP_NOT_A_DROP;
	if (ctx->mark == 9)
		return TC_ACT_SHOT;
	ret = lookup_policy(ctx);
	if (ret < -1)
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return CTX_ACT_OK;
}

SEC("xdp")
int xdp_prog(struct xdp_md *ctx)
{
	if (ctx->data + 14 > ctx->data_end)
		return XDP_DROP;
	if (ctx->ingress_ifindex == 0)
		return XDP_ABORTED;
	return XDP_PASS;
}

// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
// CHECK-FIXES: {{^}}		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}

char __license[] SEC("license") = "GPL";
