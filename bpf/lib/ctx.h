/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Packet context abstraction: the datapath is written against __ctx_buff
 * and CTX_ACT_*, which map onto the tc (skb) program type here.
 */

#ifndef __LIB_CTX_H_
#define __LIB_CTX_H_

#include <linux/ip.h>
#include <linux/ipv6.h>

#include "common.h"

#define __ctx_buff		__sk_buff

/* Verdicts a program hands back to the kernel. */
#define CTX_ACT_OK		TC_ACT_OK
#define CTX_ACT_DROP		TC_ACT_SHOT
#define CTX_ACT_REDIRECT	TC_ACT_REDIRECT
#define CTX_ACT_UNSPEC		TC_ACT_UNSPEC

#define ctx_load_bytes		bpf_skb_load_bytes
#define ctx_store_bytes		bpf_skb_store_bytes

static __always_inline void *ctx_data(const struct __ctx_buff *ctx)
{
	return (void *)(unsigned long)ctx->data;
}

static __always_inline void *ctx_data_end(const struct __ctx_buff *ctx)
{
	return (void *)(unsigned long)ctx->data_end;
}

static __always_inline __u32 ctx_full_len(const struct __ctx_buff *ctx)
{
	return ctx->len;
}

/* Reload the packet pointers after anything that may have moved them, and
 * check that an L3 header of l3_len bytes follows the Ethernet header, and
 * for IPv4 / IPv6 also the whole datagram that header announces: later
 * stages read L4 headers, and a truncated datagram is invalid.
 */
static __always_inline bool
__revalidate_data(struct __ctx_buff *ctx, void **data_, void **data_end_,
		  void **l3, const __u32 l3_len, const int family)
{
	void *data = ctx_data(ctx);
	void *data_end = ctx_data_end(ctx);
	__u32 dgram_len = l3_len;

	if (data + ETH_HLEN + l3_len > data_end)
		return false;

	if (family == 4) {
		const struct iphdr *ip4 = data + ETH_HLEN;

		dgram_len = bpf_ntohs(ip4->tot_len);
	} else if (family == 6) {
		const struct ipv6hdr *ip6 = data + ETH_HLEN;

		dgram_len = sizeof(*ip6) + bpf_ntohs(ip6->payload_len);
	}

	if (data + ETH_HLEN + dgram_len > data_end)
		return false;

	*data_ = data;
	*data_end_ = data_end;
	*l3 = data + ETH_HLEN;
	return true;
}

#define __l3_family(ip)	\
	_Generic((ip), struct iphdr * : 4, struct ipv6hdr * : 6, default : 0)

#define revalidate_data(ctx, data, data_end, ip)		\
	__revalidate_data(ctx, data, data_end, (void **)(ip),	\
			  sizeof(**(ip)), __l3_family(*(ip)))

/* Ethernet II only: 802.3 length fields (below 0x600) are refused. */
static __always_inline bool validate_ethertype(struct __ctx_buff *ctx,
					       __u16 *proto)
{
	void *data = ctx_data(ctx);
	void *data_end = ctx_data_end(ctx);
	struct ethhdr *eth = data;

	if (data + ETH_HLEN > data_end)
		return false;

	*proto = eth->h_proto;
	return bpf_ntohs(*proto) >= ETH_P_802_3_MIN;
}

#endif /* __LIB_CTX_H_ */
