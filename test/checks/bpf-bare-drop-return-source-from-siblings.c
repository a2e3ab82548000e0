// ${src} (and, in a template that has them, ${dst} and ${dst_id}) comes
// from the function's own notifications in the fix's direction, as the
// upstream fixes wrote them: ingress drops with the remote identity as the
// source, egress drops with SECLABEL_IPV4. Only an identifier that holds a
// value wherever the site is reached counts (a parameter, a local assigned
// on every path to the site, a name of the unit defined there); otherwise
// SourceExpression (SECLABEL here). The fixed file builds with the tree's
// own warnings, -Wuninitialized among them.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DirectionRules: 'from-container|from-host|from-lb=METRIC_EGRESS;to-=METRIC_INGRESS'}}" \
// RUN:   -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement -Wuninitialized -Wsometimes-uninitialized
// RUN: %check_bpf_tidy --compile --check-suffix=NOTIFY %s %t.notify -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.NotifyPreset: cilium-2022-notify, bpf-bare-drop-return.DirectionRules: 'from-container|from-host|from-lb=METRIC_EGRESS;to-=METRIC_INGRESS'}}" \
// RUN:   -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement -Wuninitialized -Wsometimes-uninitialized

#include "drop_2022.h"

#define SECLABEL	42
#define SECLABEL_IPV4	43
#define LXC_ID		7

struct endpoint_info {
	__u32 sec_id;
};

__section("to-container")
int to_container(struct __sk_buff *ctx)
{
	__u32 identity = ctx->mark >> 16;

	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'to_container' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: taken from the other drop notifications in that direction in the same function: ${src} identity
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, identity, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
// CHECK-MESSAGES-NOTIFY: :[[@LINE-5]]:3: warning: 'to_container' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES-NOTIFY: :[[@LINE-6]]:3: note: taken from the other drop notifications in that direction in the same function: ${src} identity, ${dst} SECLABEL_IPV4, ${dst_id} LXC_ID
// CHECK-FIXES-NOTIFY:      {{^}}		return send_drop_notify(ctx, identity, SECLABEL_IPV4, LXC_ID,{{$}}
// CHECK-FIXES-NOTIFY-NEXT: {{^}}					DROP_INVALID, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NOTIFY-NEXT: {{^}}					METRIC_INGRESS);{{$}}
	if (ctx->protocol)
		return send_drop_notify(ctx, identity, SECLABEL_IPV4, LXC_ID,
					DROP_POLICY, CTX_ACT_DROP,
					METRIC_INGRESS);
	return CTX_ACT_OK;
}

__section("from-container")
int from_container(struct __sk_buff *ctx)
{
	__u32 identity = ctx->mark >> 16;

	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: taken from the other drop notifications in that direction in the same function: ${src} SECLABEL_IPV4
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL_IPV4, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-MESSAGES-NOTIFY: :[[@LINE-5]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel
	/* The ingress notification's source is another direction's. */
	if (ctx->priority)
		return send_drop_notify_error(ctx, identity, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	if (ctx->protocol)
		return send_drop_notify_error(ctx, SECLABEL_IPV4, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

/* The identity is assigned on one path to the site only: SourceExpression.
 * After the if/else it is assigned on both, and the second site takes it.
 */
__section("to-host")
int to_host(struct __sk_buff *ctx)
{
	__u32 identity;

	if (ctx->mark)
		identity = ctx->mark >> 16;
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'to_host' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
// CHECK-MESSAGES-NOTIFY: :[[@LINE-4]]:3: warning: 'to_host' returns drop reason 'DROP_INVALID' to the kernel
	if (ctx->mark)
		identity = ctx->mark >> 16;
	else
		identity = ctx->priority;
	if (ctx->len < 20)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'to_host' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: taken from the other drop notifications in that direction in the same function: ${src} identity
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, identity, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
// CHECK-MESSAGES-NOTIFY: :[[@LINE-5]]:3: warning: 'to_host' returns drop reason 'DROP_INVALID' to the kernel
	if (ctx->protocol)
		return send_drop_notify_error(ctx, identity, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return CTX_ACT_OK;
}

/* An expression that may not be safe to evaluate at the site (a pointer
 * still NULL there): SourceExpression.
 */
__section("from-host")
int from_host(struct __sk_buff *ctx)
{
	struct endpoint_info info = { .sec_id = 0 };
	struct endpoint_info *ep = &info;

	info.sec_id = ctx->mark;
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_host' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-MESSAGES-NOTIFY: :[[@LINE-4]]:3: warning: 'from_host' returns drop reason 'DROP_INVALID' to the kernel
	if (ctx->protocol)
		return send_drop_notify_error(ctx, ep->sec_id, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

/* A local whose address a helper takes may be written through it, or not:
 * SourceExpression. A parameter always holds a value.
 */
static __always_inline void load_identity(struct __sk_buff *ctx, __u32 *id)
{
	*id = ctx->mark;
}

static __always_inline int lb_egress(struct __sk_buff *ctx, __u32 src_id)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_egress' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: taken from the other drop notifications in that direction in the same function: ${src} src_id
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, src_id, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-MESSAGES-NOTIFY: :[[@LINE-5]]:3: warning: 'lb_egress' returns drop reason 'DROP_INVALID' to the kernel
	if (ctx->protocol)
		return send_drop_notify_error(ctx, src_id, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

__section("from-lb")
int from_lb(struct __sk_buff *ctx)
{
	__u32 identity;

	load_identity(ctx, &identity);
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_lb' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-MESSAGES-NOTIFY: :[[@LINE-4]]:3: warning: 'from_lb' returns drop reason 'DROP_INVALID' to the kernel
	if (ctx->protocol)
		return send_drop_notify_error(ctx, identity, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return lb_egress(ctx, identity);
}

char __license[] SEC("license") = "GPL";
