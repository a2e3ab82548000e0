/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* IPv6 header helpers. */

#ifndef __LIB_IPV6_H_
#define __LIB_IPV6_H_

#include <linux/ipv6.h>

#include "common.h"
#include "ctx.h"
#include "ep_config.h"

/* Next header values (include/net/ipv6.h is not part of the uapi). */
#define NEXTHDR_HOP		0
#define NEXTHDR_TCP		6
#define NEXTHDR_UDP		17
#define NEXTHDR_ROUTING		43
#define NEXTHDR_FRAGMENT	44
#define NEXTHDR_AUTH		51
#define NEXTHDR_ICMP		58
#define NEXTHDR_NONE		59
#define NEXTHDR_DEST		60

/* Extension headers ipv6_hdrlen() walks before giving up. */
#define IPV6_MAX_HEADERS	4

union v6addr {
	struct {
		__u32 p1;
		__u32 p2;
		__u32 p3;
		__u32 p4;
	};
	__u8 addr[16];
} __packed;

static __always_inline int ipv6_optlen(const struct ipv6_opt_hdr *opthdr)
{
	return (opthdr->hdrlen + 1) << 3;
}

static __always_inline int ipv6_authlen(const struct ipv6_opt_hdr *opthdr)
{
	return (opthdr->hdrlen + 2) << 2;
}

/* Length of the IPv6 header and its extension headers, or a drop reason.
 * On success *nexthdr is the upper-layer protocol. Callers check the sign
 * and use the length.
 */
static __always_inline int ipv6_hdrlen(struct __ctx_buff *ctx, __u8 *nexthdr)
{
	int i, len = sizeof(struct ipv6hdr);
	struct ipv6_opt_hdr opthdr;
	__u8 nh = *nexthdr;

#pragma unroll
	for (i = 0; i < IPV6_MAX_HEADERS; i++) {
		switch (nh) {
		case NEXTHDR_NONE:
			return DROP_INVALID_EXTHDR;
		case NEXTHDR_FRAGMENT:
			return DROP_FRAG_NOSUPPORT;
		case NEXTHDR_HOP:
		case NEXTHDR_ROUTING:
		case NEXTHDR_AUTH:
		case NEXTHDR_DEST:
			if (ctx_load_bytes(ctx, ETH_HLEN + len, &opthdr,
					   sizeof(opthdr)) < 0)
				return DROP_INVALID;

			if (nh == NEXTHDR_AUTH)
				len += ipv6_authlen(&opthdr);
			else
				len += ipv6_optlen(&opthdr);
			nh = opthdr.nexthdr;
			break;
		default:
			*nexthdr = nh;
			return len;
		}
	}

	return DROP_INVALID_EXTHDR;
}

/* Last step of the egress path; its result is the program's verdict. The
 * host stack routes the packet on: refuse what its hop limit would expire.
 */
static __always_inline int ipv6_l3_egress(struct __ctx_buff *ctx,
					  const struct ipv6hdr *ip6)
{
	if (ip6->hop_limit <= 1)
		return DROP_TTL_EXCEEDED;

	ctx->priority = ip6->priority >> 1;
	return CTX_ACT_OK;
}

/* 0 when the packet comes from the endpoint's own address (LXC_IPV6),
 * DROP_INVALID_SIP otherwise. Callers test the sign.
 */
static __always_inline int ipv6_verify_saddr(const struct ipv6hdr *ip6)
{
	const union v6addr lxc_ip = { .addr = LXC_IPV6 };
	const union v6addr *saddr = (const union v6addr *)&ip6->saddr;

	if (saddr->p1 != lxc_ip.p1 || saddr->p2 != lxc_ip.p2 ||
	    saddr->p3 != lxc_ip.p3 || saddr->p4 != lxc_ip.p4)
		return DROP_INVALID_SIP;

	return 0;
}

#endif /* __LIB_IPV6_H_ */
