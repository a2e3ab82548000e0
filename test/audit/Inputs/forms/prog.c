// SPDX-License-Identifier: GPL-2.0
/* Forms of bare drops for the audit: some the source analysis explains,
 * some it leaves out (a reason written through a pointer, a switch on the
 * value), and values the audit cannot name (a map's value).
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define __section(X)	__attribute__((section(X), used))
#define __inline	static __attribute__((always_inline)) inline

#define DROP_INVALID		-134
#define DROP_UNKNOWN_L3		-139
#define DROP_POLICY		-133
#define DROP_FRAG_NEEDED	-136

#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

static void *(*map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*redirect)(__u32 ifindex, __u64 flags) = (void *)23;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, int);
} verdicts __section(".maps");

/* The reason is written through a pointer: the source analysis reads
 * such a value as unknown. Only configurations with MARKED check.
 */
__inline void check_mark(const struct __sk_buff *ctx, int *reason)
{
#ifdef MARKED
	if (ctx->mark == 7)
		*reason = DROP_POLICY;
#endif
}

__section("tc/pointer")
int through_pointer(struct __sk_buff *ctx)
{
	int reason = 0;

	check_mark(ctx, &reason);
	if (reason)
		return reason;
	return TC_ACT_OK;
}

/* A switch on the value: the source analysis keeps no facts from it. */
__section("tc/switch")
int switch_on_value(struct __sk_buff *ctx)
{
	int code = ctx->cb[0];

	switch (code) {
	case DROP_FRAG_NEEDED:
		return code;
	case TC_ACT_SHOT:
		return code;
	default:
		return TC_ACT_OK;
	}
}

/* Cases that do some work first keep the switch in the compiled code: the
 * value returned in a case is the case's constant.
 */
__section("tc/switch-work")
int switch_with_work(struct __sk_buff *ctx)
{
	int code = ctx->cb[1];

	switch (code) {
	case DROP_POLICY:
		ctx->mark = 1;
		return code;
	case DROP_INVALID:
		ctx->mark = 2;
		return code;
	case TC_ACT_SHOT:
		ctx->mark = 3;
		return code;
	default:
		return TC_ACT_OK;
	}
}

/* The verdict comes from a map: unknown, never a finding. */
__section("tc/map")
int verdict_from_map(struct __sk_buff *ctx)
{
	__u32 key = 0;
	int *verdict = map_lookup_elem(&verdicts, &key);

	if (!verdict)
		return TC_ACT_SHOT;
	return *verdict;
}

/* Redirects return verdicts. */
__section("tc/redirect")
int redirect_out(struct __sk_buff *ctx)
{
	return redirect(ctx->ifindex, 0);
}

/* What both analyses see. */
__section("tc/literal")
int literal(struct __sk_buff *ctx)
{
	if (ctx->protocol != 8)
		return DROP_UNKNOWN_L3;
	return TC_ACT_OK;
}

/* A drop the compiler proves unreachable: the source finding has no bare
 * exit to confirm it.
 */
__section("tc/dead")
int dead_drop(struct __sk_buff *ctx)
{
	int mtu = 1500;

	if (mtu < 1280)
		return DROP_INVALID;
	return TC_ACT_OK;
}

/* A drop reason notified under a guard: what passes the guard is a
 * verdict, so the return after it is no bare exit.
 */
__inline int parse(const struct __sk_buff *ctx)
{
	if (ctx->len < 20)
		return DROP_INVALID;
	if (ctx->len > 9000)
		return DROP_FRAG_NEEDED;
	return ctx->len & 1 ? TC_ACT_SHOT : TC_ACT_OK;
}

__inline int send_drop_notify_error(struct __sk_buff *ctx, __u32 src,
				    int reason, int exitcode, int direction)
{
	ctx->cb[2] = reason;
	return exitcode;
}

#define IS_ERR(x) ((x) < 0 || (x) == TC_ACT_SHOT)

__section("tc/guarded")
int guarded(struct __sk_buff *ctx)
{
	int ret = parse(ctx);

	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, 0, ret, TC_ACT_SHOT, 1);
	return ret;
}

char __license[] __section("license") = "GPL";
