// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>

#define __section(X)	__attribute__((section(X), used))

__section("tc")
int prog(struct __sk_buff *ctx)
{
#ifdef BROKEN
	return undeclared_name;
#endif
	return -134;
}
