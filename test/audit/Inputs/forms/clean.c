// SPDX-License-Identifier: GPL-2.0
/* Programs that return only verdicts: the audit has nothing to report. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define __section(X)	__attribute__((section(X), used))

static long (*redirect)(__u32 ifindex, __u64 flags) = (void *)23;

__section("tc/redirect")
int redirect_out(struct __sk_buff *ctx)
{
	if (ctx->protocol != 8)
		return TC_ACT_SHOT;
	return redirect(ctx->ifindex, 0);
}

char __license[] __section("license") = "GPL";
