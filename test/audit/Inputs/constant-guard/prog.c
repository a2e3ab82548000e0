// SPDX-License-Identifier: GPL-2.0
/* A drop notified behind a guard the compiler decides. LLVM copies the
 * `out:` block into the path that sets DROP_POLICY, where `ret < 0` is
 * true; the BPF target's passthrough wrapper keeps that `true` in a call,
 * so the copy still branches: to the notification, or to the `ret` with
 * -133. The second edge is never taken: no bare exit. The DROP_FRAG_NEEDED
 * returned before the guard is one.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define __section(X)	__attribute__((section(X), used))
#define __inline	static __attribute__((always_inline)) inline
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define DROP_INVALID		-134
#define DROP_POLICY		-133
#define DROP_FRAG_NEEDED	-136

#define IS_ERR(x)	(unlikely((x) < 0 || (x) == TC_ACT_SHOT))

static long (*redirect)(__u32 ifindex, __u64 flags) = (void *)23;
static long (*perf_event_output)(void *ctx, void *map, __u64 flags,
				 void *data, __u64 size) = (void *)25;

__inline int revalidate(const struct __sk_buff *ctx, void **data)
{
	*data = (void *)(long)ctx->data;
	return *data + 34 <= (void *)(long)ctx->data_end;
}

__inline int policy(struct __sk_buff *ctx, const __u8 *ip, __u32 *src)
{
	if (ip[23] == 17)
		return DROP_POLICY;
	if (ip[23] == 1)
		return TC_ACT_SHOT;
	if (ip[22] == 1)
		*src = ctx->cb[2];
	if (ip[23] == 6)
		return redirect(ctx->ifindex, 0);
	return ctx->cb[3];
}

/* Its first test of the reason lets LLVM thread the path that knows it
 * through the `out:` block.
 */
__inline int send_drop_notify(struct __sk_buff *ctx, __u32 src, int reason)
{
	__u64 event;

	if (reason == DROP_INVALID)
		redirect(src, 1);
	event = reason + src;
	perf_event_output(ctx, 0, 0, &event, sizeof(event));
	return TC_ACT_SHOT;
}

__section("tc/constant-guard")
int constant_guard(struct __sk_buff *ctx)
{
	__u32 src = ctx->cb[0];
	void *data;
	int ret;

	if (ctx->cb[4] == 9)
		return DROP_FRAG_NEEDED;
	if (!revalidate(ctx, &data)) {
		ret = DROP_INVALID;
		goto out;
	}
	ret = policy(ctx, data, &src);
	if (ret == 7) {
		ctx->mark = 1;
		goto out;
	}
	if (ret == 3)
		ret = redirect(src, 0);
out:
	if (IS_ERR(ret))
		return send_drop_notify(ctx, src, ret);
	return ret;
}

char __license[] __section("license") = "GPL";
