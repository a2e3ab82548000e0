// SPDX-License-Identifier: GPL-2.0
/* The cross-check reads the check's configuration (.clang-tidy here) and
 * its NOLINT comments: a finding the check would not make explains
 * nothing; a finding NOLINT silences still explains its bare exit.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define __section(X)	__attribute__((section(X), used))

#define DROP_INVALID		-134
#define DROP_POLICY		-133
#define DROP_UNKNOWN_L3		-139
#define EMSGSIZE_RET		-90

/* NOLINT in a macro body silences the finding there. */
#define CHECK_PROTO(ctx)						\
	do {								\
		if ((ctx)->protocol != 8)				\
			return DROP_UNKNOWN_L3; /* NOLINT(bpf-bare-drop-return) */ \
	} while (0)

/* Not a drop reason by this tree's conventions (NegativeConstantsAreDrops
 * is false): a bare exit no finding explains.
 */
__section("tc/errno")
int errno_out(struct __sk_buff *ctx)
{
	if (ctx->len > 1500)
		return EMSGSIZE_RET;
	return TC_ACT_OK;
}

__section("tc/silenced")
int silenced(struct __sk_buff *ctx)
{
	if (ctx->len < 20)
		return DROP_INVALID; /* NOLINT(bpf-bare-drop-return) */
	return TC_ACT_OK;
}

__section("tc/silenced-macro")
int silenced_macro(struct __sk_buff *ctx)
{
	CHECK_PROTO(ctx);
	return TC_ACT_OK;
}

/* NOLINT for another check silences nothing here. */
__section("tc/other-check")
int other_check(struct __sk_buff *ctx)
{
	if (ctx->mark == 3)
		return DROP_POLICY; /* NOLINT(bpf-other-check) */
	return TC_ACT_OK;
}

/* A silenced finding the compiler proves unreachable. */
__section("tc/dead")
int dead_silenced(struct __sk_buff *ctx)
{
	int mtu = 1500;

	if (mtu < 1280)
		return DROP_INVALID; // NOLINT
	return TC_ACT_OK;
}

char __license[] __section("license") = "GPL";
