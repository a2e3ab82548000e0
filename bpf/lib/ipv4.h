/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* IPv4 header helpers. */

#ifndef __LIB_IPV4_H_
#define __LIB_IPV4_H_

#include <linux/ip.h>

#include "common.h"
#include "ctx.h"
#include "ep_config.h"

/* ICMP types. <linux/icmp.h> would pull in libc's socket headers, which
 * a -target bpf build cannot use.
 */
#define ICMP_ECHOREPLY		0
#define ICMP_DEST_UNREACH	3
#define ICMP_ECHO		8
#define ICMP_TIME_EXCEEDED	11
#define ICMP_PARAMETERPROB	12

#define IPV4_FRAG_MF		0x2000
#define IPV4_FRAG_OFFSET	0x1fff

static __always_inline int ipv4_hdrlen(const struct iphdr *ip4)
{
	return ip4->ihl * 4;
}

/* Length of the IPv4 header in bytes, or DROP_INVALID when the IHL field
 * is too small for a header. Callers check the sign and use the length.
 */
static __always_inline int ipv4_valid_hdrlen(const struct iphdr *ip4)
{
	int len = ipv4_hdrlen(ip4);

	if (len < (int)sizeof(struct iphdr))
		return DROP_INVALID;

	return len;
}

static __always_inline bool ipv4_is_fragment(const struct iphdr *ip4)
{
	return ip4->frag_off & bpf_htons(IPV4_FRAG_MF | IPV4_FRAG_OFFSET);
}

/* 127.0.0.0/8 */
static __always_inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & bpf_htonl(0xff000000)) == bpf_htonl(0x7f000000);
}

/* 224.0.0.0/4 */
static __always_inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & bpf_htonl(0xf0000000)) == bpf_htonl(0xe0000000);
}

/* 0 if the packet may go on; DROP_FRAG_NOSUPPORT for a fragment when the
 * datapath is built without fragment support (L4 ports are unknown).
 */
static __always_inline int
ipv4_frag_check(const struct iphdr *ip4 __maybe_unused)
{
#ifndef ENABLE_IPV4_FRAGMENTS
	if (ipv4_is_fragment(ip4))
		return DROP_FRAG_NOSUPPORT;
#endif
	return 0;
}

/* Last step of the egress path; its result is the program's verdict. The
 * host stack routes the packet on and decrements the TTL: refuse what it
 * would expire, and map the IP precedence onto the skb priority.
 */
static __always_inline int ipv4_l3_egress(struct __ctx_buff *ctx,
					  const struct iphdr *ip4)
{
	if (ip4->ttl <= 1)
		return DROP_TTL_EXCEEDED;

	ctx->priority = ip4->tos >> 5;
	return CTX_ACT_OK;
}

/* Hand a datagram to the endpoint. Nothing larger than the endpoint's MTU
 * fits through its interface: the host fragments or answers "fragmentation
 * needed" before it gets here, so such a datagram was never meant to.
 */
static __always_inline int ipv4_local_delivery(struct __ctx_buff *ctx)
{
	if (ctx_full_len(ctx) > ETH_HLEN + LXC_MTU)
		return DROP_FRAG_NEEDED;

	return CTX_ACT_OK;
}

/* Last step of the ingress path; its result is the program's verdict. As
 * on egress, the IP precedence becomes the skb priority.
 */
static __always_inline int ipv4_l3_ingress(struct __ctx_buff *ctx,
					   const struct iphdr *ip4)
{
	ctx->priority = ip4->tos >> 5;
	return ipv4_local_delivery(ctx);
}

/* ICMP messages the endpoint accepts from outside: echo, and the errors
 * its own traffic can cause. Returns CTX_ACT_OK or a drop reason; callers
 * test the result before going on.
 */
static __always_inline int icmp4_ingress_check(struct __ctx_buff *ctx,
					       int l4_off)
{
	__u8 type;

	if (ctx_load_bytes(ctx, l4_off, &type, sizeof(type)) < 0)
		return DROP_INVALID;

	switch (type) {
	case ICMP_ECHOREPLY:
	case ICMP_ECHO:
	case ICMP_DEST_UNREACH:
	case ICMP_TIME_EXCEEDED:
	case ICMP_PARAMETERPROB:
		return CTX_ACT_OK;
	default:
		return DROP_UNKNOWN_ICMP_TYPE;
	}
}

#endif /* __LIB_IPV4_H_ */
