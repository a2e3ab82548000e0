/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* ICMPv6 leaving the endpoint. */

#ifndef __LIB_ICMP6_H_
#define __LIB_ICMP6_H_

#include <linux/icmpv6.h>

#include "common.h"
#include "ctx.h"
#include "drop.h"
#include "ep_config.h"
#include "tailcall.h"
#include "ipv6.h"

/* ICMPv6 types (include/net/ndisc.h is not part of the uapi). */
#define ICMP6_DEST_UNREACH	1
#define ICMP6_PKT_TOOBIG	2
#define ICMP6_TIME_EXCEEDED	3
#define ICMP6_PARAMPROB		4
#define ICMP6_ECHO_REQUEST	128
#define ICMP6_ECHO_REPLY	129
#define ICMP6_RS_MSG_TYPE	133
#define ICMP6_NS_MSG_TYPE	135
#define ICMP6_NA_MSG_TYPE	136

/* ICMPv6 the endpoint accepts from outside: echo, errors and neighbour
 * discovery between hosts. Router messages and redirects are the host's
 * business, not the endpoint's. Returns CTX_ACT_OK or a drop reason;
 * callers test the result against CTX_ACT_OK.
 */
static __always_inline int icmp6_ingress_check(struct __ctx_buff *ctx,
					       int l4_off)
{
	__u8 type;

	if (ctx_load_bytes(ctx, l4_off, &type, sizeof(type)) < 0)
		return DROP_INVALID;

	switch (type) {
	case ICMP6_DEST_UNREACH:
	case ICMP6_PKT_TOOBIG:
	case ICMP6_TIME_EXCEEDED:
	case ICMP6_PARAMPROB:
	case ICMP6_ECHO_REQUEST:
	case ICMP6_ECHO_REPLY:
	case ICMP6_NS_MSG_TYPE:
	case ICMP6_NA_MSG_TYPE:
		return CTX_ACT_OK;
	default:
		return DROP_UNKNOWN_ICMP6_TYPE;
	}
}

/* ICMPv6 from the endpoint: echo, errors and neighbour discovery go out;
 * anything else (redirects, router advertisements, ...) is not the
 * endpoint's to send.
 */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_ICMP6_EGRESS)
int tail_icmp6_egress(struct __ctx_buff *ctx)
{
	void *data, *data_end;
	struct ipv6hdr *ip6;
	__u8 nexthdr, type;
	int hdrlen;

	if (!revalidate_data(ctx, &data, &data_end, &ip6))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);

	nexthdr = ip6->nexthdr;
	hdrlen = ipv6_hdrlen(ctx, &nexthdr);
	if (hdrlen < 0)
		return send_drop_notify_error(ctx, SECLABEL, hdrlen,
					      CTX_ACT_DROP, METRIC_EGRESS);

	if (ctx_load_bytes(ctx, ETH_HLEN + hdrlen, &type, sizeof(type)) < 0)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);

	switch (type) {
	case ICMP6_DEST_UNREACH:
	case ICMP6_PKT_TOOBIG:
	case ICMP6_TIME_EXCEEDED:
	case ICMP6_PARAMPROB:
	case ICMP6_ECHO_REQUEST:
	case ICMP6_ECHO_REPLY:
	case ICMP6_RS_MSG_TYPE:
	case ICMP6_NS_MSG_TYPE:
	case ICMP6_NA_MSG_TYPE:
		return CTX_ACT_OK;
	default:
		return DROP_FORBIDDEN_ICMP6;
	}
}

#endif /* __LIB_ICMP6_H_ */
