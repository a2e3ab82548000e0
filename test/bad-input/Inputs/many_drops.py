"""Prints a BPF source with N programs, each returning a bare drop.

usage: many_drops.py N

Its reports (text, JSON, baseline, exported fixes) are several pages long,
larger than a small file system has room for.
"""
import sys

count = int(sys.argv[1])
print("""#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#define SEC(name) __attribute__((section(name), used))
#define DROP_INVALID -134
#define METRIC_EGRESS 2
#define SECLABEL 2
#define CTX_ACT_DROP TC_ACT_SHOT

int report(struct __sk_buff *ctx, int src, int reason, int code, int dir);
#define send_drop_notify_error(ctx, src, reason, code, dir)\\
\treport(ctx, src, reason, code, dir)""")
for i in range(count):
    print("""
SEC("to-netdev/egress")
int egress_%d(struct __sk_buff *ctx)
{
\tif (ctx->len < %d)
\t\treturn DROP_INVALID;
\treturn TC_ACT_OK;
}""" % (i, 14 + i))
