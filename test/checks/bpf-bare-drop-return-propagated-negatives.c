// What is not a propagated bare drop: values that only ever hold verdicts
// (CTX_ACT_*, TC_ACT_*, -1), values that came from a notification helper
// (directly or through a helper), values a guard has proven not to be a
// drop reason, and helpers whose drop reasons every caller tests and
// notifies. Nothing is reported and nothing is edited.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2022.h"

#define SECLABEL	42

/* Every caller tests the value and notifies. */
static __always_inline int parse_l3(struct __sk_buff *ctx)
{
	if (ctx->len < 34)
		return DROP_INVALID;
	return 0;
}

/* Notifies itself: its value is a verdict. */
static __always_inline int check_policy(struct __sk_buff *ctx)
{
	if (ctx->mark == 23)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return CTX_ACT_OK;
}

/* Only verdicts. */
static __always_inline int classify(struct __sk_buff *ctx)
{
	if (ctx->tc_index == 1)
		return TC_ACT_UNSPEC;
	if (ctx->tc_index == 2)
		return CTX_ACT_REDIRECT;
	return -1;
}

/* Never called by a program. */
static __always_inline int unused_helper(struct __sk_buff *ctx)
{
	return ctx->mark ? DROP_UNKNOWN_L4 : 0;
}

SEC("to-container")
int to_container(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	ret = parse_l3(ctx);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);

	ret = check_policy(ctx);
	if (ret != CTX_ACT_OK)
		return ret;

	ret = classify(ctx);
	if (ret != CTX_ACT_OK)
		return ret;

	ret = parse_l3(ctx);
	if (ret < 0) {
		ret = send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					     METRIC_INGRESS);
		return ret;
	}
	if (ctx->mark == 7)
		ret = TC_ACT_UNSPEC;
	return ret;
}

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int ret = parse_l3(ctx);

	if (ret >= 0)
		return ret;
	return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
				      METRIC_EGRESS);
}

// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
// CHECK-FIXES: {{^}}		return ret;{{$}}
// CHECK-FIXES: {{^}}	return ret;{{$}}

char __license[] SEC("license") = "GPL";
