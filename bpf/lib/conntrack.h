/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Connection tracking: tables, lookups, and the generator macros for the
 * conntrack-lookup tail calls.
 */

#ifndef __LIB_CONNTRACK_H_
#define __LIB_CONNTRACK_H_

#include <linux/tcp.h>
#include <linux/udp.h>

#include "common.h"
#include "ctx.h"
#include "drop.h"
#include "ep_config.h"
#include "tailcall.h"
#include "ipv4.h"
#include "ipv6.h"

/* Conntrack direction. Not the same numbering as enum metric_dir. */
enum ct_dir {
	CT_EGRESS = 0,
	CT_INGRESS = 1,
	CT_SERVICE = 2,
};

/* Non-negative results of ct_lookup4() / ct_lookup6(). */
enum ct_status {
	CT_NEW,
	CT_ESTABLISHED,
	CT_REPLY,
	CT_RELATED,
};

#define TUPLE_F_OUT		0
#define TUPLE_F_IN		1

struct ipv4_ct_tuple {
	__be32	daddr;
	__be32	saddr;
	__be16	dport;
	__be16	sport;
	__u8	nexthdr;
	__u8	flags;
} __packed;

struct ipv6_ct_tuple {
	union v6addr	daddr;
	union v6addr	saddr;
	__be16		dport;
	__be16		sport;
	__u8		nexthdr;
	__u8		flags;
} __packed;

struct ct_entry {
	__u64	packets;
	__u64	bytes;
	__u32	src_sec_id;
	__u8	tcp_flags_seen;
	__u8	pad[3];
};

/* What a lookup learnt about the flow, for the programs after it. */
struct ct_state {
	__u32	src_sec_id;
	__u8	tcp_flags_seen;
	__u8	pad[3];
};

/* Handed from a conntrack-lookup tail call to the program it calls. */
struct ct_buffer4 {
	struct ipv4_ct_tuple	tuple;
	struct ct_state		ct_state;
	__u32			monitor;
	int			ret;
	int			l4_off;
};

struct ct_buffer6 {
	struct ipv6_ct_tuple	tuple;
	struct ct_state		ct_state;
	__u32			monitor;
	int			ret;
	int			l4_off;
};

#define CT_MAP_DEF(NAME, KEY, SIZE)		\
struct {					\
	__uint(type, BPF_MAP_TYPE_LRU_HASH);	\
	__type(key, KEY);			\
	__type(value, struct ct_entry);		\
	__uint(max_entries, SIZE);		\
} NAME SEC(".maps")

CT_MAP_DEF(cilium_ct4_tcp, struct ipv4_ct_tuple, CT_MAP_SIZE_TCP);
CT_MAP_DEF(cilium_ct4_any, struct ipv4_ct_tuple, CT_MAP_SIZE_ANY);
CT_MAP_DEF(cilium_ct6_tcp, struct ipv6_ct_tuple, CT_MAP_SIZE_TCP);
CT_MAP_DEF(cilium_ct6_any, struct ipv6_ct_tuple, CT_MAP_SIZE_ANY);

#define CT_TAIL_CALL_BUFFER4	cilium_ct_buf4
#define CT_TAIL_CALL_BUFFER6	cilium_ct_buf6

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct ct_buffer4);
	__uint(max_entries, 1);
} CT_TAIL_CALL_BUFFER4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct ct_buffer6);
	__uint(max_entries, 1);
} CT_TAIL_CALL_BUFFER6 SEC(".maps");

static __always_inline void *get_ct_map4(const struct ipv4_ct_tuple *tuple)
{
	if (tuple->nexthdr == IPPROTO_TCP)
		return &cilium_ct4_tcp;
	return &cilium_ct4_any;
}

static __always_inline void *get_ct_map6(const struct ipv6_ct_tuple *tuple)
{
	if (tuple->nexthdr == IPPROTO_TCP)
		return &cilium_ct6_tcp;
	return &cilium_ct6_any;
}

/* The part of an L4 header that identifies a flow. */
struct ct_l4_ports {
	__be16	sport;
	__be16	dport;
};

/* Read the flow's ports (the echo identifier for ICMP) into *ports and the
 * TCP flags into *tcp_flags. 0, or a drop reason.
 */
static __always_inline int ct_load_l4(struct __ctx_buff *ctx, int l4_off,
				      __u8 nexthdr, struct ct_l4_ports *ports,
				      __u8 *tcp_flags)
{
	__be16 echo_id;

	switch (nexthdr) {
	case IPPROTO_ICMP:
	case NEXTHDR_ICMP:
		/* type, code, checksum, identifier */
		if (ctx_load_bytes(ctx, l4_off + 4, &echo_id,
				   sizeof(echo_id)) < 0)
			return DROP_CT_INVALID_HDR;
		ports->sport = 0;
		ports->dport = echo_id;
		break;
	case IPPROTO_TCP:
		if (ctx_load_bytes(ctx, l4_off, ports, sizeof(*ports)) < 0)
			return DROP_CT_INVALID_HDR;
		if (ctx_load_bytes(ctx, l4_off + 13, tcp_flags, 1) < 0)
			return DROP_CT_INVALID_HDR;
		break;
	case IPPROTO_UDP:
		if (ctx_load_bytes(ctx, l4_off, ports, sizeof(*ports)) < 0)
			return DROP_CT_INVALID_HDR;
		break;
	default:
		return DROP_CT_UNKNOWN_PROTO;
	}

	return 0;
}

static __always_inline int ct_account(struct ct_entry *entry,
				      struct __ctx_buff *ctx,
				      struct ct_state *ct_state,
				      __u8 tcp_flags, int status)
{
	__sync_fetch_and_add(&entry->packets, 1);
	__sync_fetch_and_add(&entry->bytes, ctx_full_len(ctx));
	entry->tcp_flags_seen |= tcp_flags;
	ct_state->src_sec_id = entry->src_sec_id;
	ct_state->tcp_flags_seen = entry->tcp_flags_seen;
	return status;
}

static __always_inline void ipv4_ct_tuple_reverse(struct ipv4_ct_tuple *t)
{
	__be32 addr = t->daddr;
	__be16 port = t->dport;

	t->daddr = t->saddr;
	t->saddr = addr;
	t->dport = t->sport;
	t->sport = port;
	t->flags ^= TUPLE_F_IN;
}

static __always_inline void ipv6_ct_tuple_reverse(struct ipv6_ct_tuple *t)
{
	union v6addr addr = t->daddr;
	__be16 port = t->dport;

	t->daddr = t->saddr;
	t->saddr = addr;
	t->dport = t->sport;
	t->sport = port;
	t->flags ^= TUPLE_F_IN;
}

/* Look up the flow of an IPv4 packet whose addresses and protocol are in
 * *tuple. Returns CT_NEW, CT_ESTABLISHED or CT_REPLY, or a drop reason when
 * the L4 header cannot be read.
 */
static __always_inline int ct_lookup4(void *map, struct ipv4_ct_tuple *tuple,
				      struct __ctx_buff *ctx, int l4_off,
				      enum ct_dir dir,
				      struct ct_state *ct_state,
				      __u32 *monitor)
{
	struct ct_l4_ports ports = {};
	struct ct_entry *entry;
	__u8 tcp_flags = 0;
	int ret;

	ret = ct_load_l4(ctx, l4_off, tuple->nexthdr, &ports, &tcp_flags);
	if (ret < 0)
		return ret;

	tuple->sport = ports.sport;
	tuple->dport = ports.dport;
	tuple->flags = dir == CT_INGRESS ? TUPLE_F_IN : TUPLE_F_OUT;
	*monitor = tcp_flags;

	entry = map_lookup_elem(map, tuple);
	if (entry)
		return ct_account(entry, ctx, ct_state, tcp_flags,
				  CT_ESTABLISHED);

	ipv4_ct_tuple_reverse(tuple);
	entry = map_lookup_elem(map, tuple);
	ipv4_ct_tuple_reverse(tuple);
	if (entry)
		return ct_account(entry, ctx, ct_state, tcp_flags, CT_REPLY);

	return CT_NEW;
}

static __always_inline int ct_lookup6(void *map, struct ipv6_ct_tuple *tuple,
				      struct __ctx_buff *ctx, int l4_off,
				      enum ct_dir dir,
				      struct ct_state *ct_state,
				      __u32 *monitor)
{
	struct ct_l4_ports ports = {};
	struct ct_entry *entry;
	__u8 tcp_flags = 0;
	int ret;

	ret = ct_load_l4(ctx, l4_off, tuple->nexthdr, &ports, &tcp_flags);
	if (ret < 0)
		return ret;

	tuple->sport = ports.sport;
	tuple->dport = ports.dport;
	tuple->flags = dir == CT_INGRESS ? TUPLE_F_IN : TUPLE_F_OUT;
	*monitor = tcp_flags;

	entry = map_lookup_elem(map, tuple);
	if (entry)
		return ct_account(entry, ctx, ct_state, tcp_flags,
				  CT_ESTABLISHED);

	ipv6_ct_tuple_reverse(tuple);
	entry = map_lookup_elem(map, tuple);
	ipv6_ct_tuple_reverse(tuple);
	if (entry)
		return ct_account(entry, ctx, ct_state, tcp_flags, CT_REPLY);

	return CT_NEW;
}

/* Create an entry for a new flow. 0, or DROP_CT_CREATE_FAILED with the
 * map's error in *ext_err.
 */
static __always_inline int ct_create(void *map, const void *tuple,
				     struct __ctx_buff *ctx, __u32 src_sec_id,
				     __s8 *ext_err)
{
	struct ct_entry entry = {
		.packets = 1,
		.bytes = ctx_full_len(ctx),
		.src_sec_id = src_sec_id,
	};
	int err;

	err = map_update_elem(map, tuple, &entry, BPF_ANY);
	if (err < 0) {
		*ext_err = (__s8)err;
		return DROP_CT_CREATE_FAILED;
	}

	return 0;
}

/* TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID, TARGET_NAME) defines
 * NAME, the conntrack lookup of direction DIR (CT_EGRESS or CT_INGRESS):
 * the tail call in slot ID when CONDITION is 1, an inline helper when it
 * is 0. It leaves its result in CT_TAIL_CALL_BUFFER4 and goes on to
 * TARGET_NAME (slot TARGET_ID), which must be declared with the same
 * CONDITION.
 */
#define TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID,		\
			TARGET_NAME)					\
declare_tailcall_if(CONDITION, ID)					\
int NAME(struct __ctx_buff *ctx)					\
{									\
	struct ct_buffer4 ct_buffer = {};				\
	struct ipv4_ct_tuple *tuple;					\
	struct ct_state *ct_state;					\
	void *data, *data_end;						\
	struct iphdr *ip4;						\
	__u32 zero = 0;							\
									\
	ct_state = &ct_buffer.ct_state;					\
	tuple = &ct_buffer.tuple;					\
									\
	if (!revalidate_data(ctx, &data, &data_end, &ip4))		\
		return DROP_INVALID;					\
									\
	tuple->nexthdr = ip4->protocol;					\
	tuple->daddr = ip4->daddr;					\
	tuple->saddr = ip4->saddr;					\
									\
	ct_buffer.l4_off = ETH_HLEN + ipv4_hdrlen(ip4);			\
									\
	ct_buffer.ret = ct_lookup4(get_ct_map4(tuple), tuple, ctx,	\
				   ct_buffer.l4_off, DIR, ct_state,	\
				   &ct_buffer.monitor);			\
	if (ct_buffer.ret < 0)						\
		return ct_buffer.ret;					\
									\
	if (map_update_elem(&CT_TAIL_CALL_BUFFER4, &zero, &ct_buffer,	\
			    BPF_ANY) < 0)				\
		return send_drop_notify_error(ctx, SECLABEL,		\
					      DROP_INVALID_TC_BUFFER,	\
					      CTX_ACT_DROP,		\
					      (DIR == CT_INGRESS ?	\
					       METRIC_INGRESS :		\
					       METRIC_EGRESS));		\
									\
	invoke_tailcall_if(CONDITION, TARGET_ID, TARGET_NAME);		\
}

/* The IPv6 variant of TAIL_CT_LOOKUP4(); it also walks the extension
 * headers to find the L4 header.
 */
#define TAIL_CT_LOOKUP6(ID, NAME, DIR, CONDITION, TARGET_ID,		\
			TARGET_NAME)					\
declare_tailcall_if(CONDITION, ID)					\
int NAME(struct __ctx_buff *ctx)					\
{									\
	struct ct_buffer6 ct_buffer = {};				\
	struct ipv6_ct_tuple *tuple;					\
	struct ct_state *ct_state;					\
	void *data, *data_end;						\
	struct ipv6hdr *ip6;						\
	__u32 zero = 0;							\
	__u8 nexthdr;							\
	int hdrlen;							\
									\
	ct_state = &ct_buffer.ct_state;					\
	tuple = &ct_buffer.tuple;					\
									\
	if (!revalidate_data(ctx, &data, &data_end, &ip6))		\
		return DROP_INVALID;					\
									\
	nexthdr = ip6->nexthdr;						\
	tuple->daddr = *(union v6addr *)&ip6->daddr;			\
	tuple->saddr = *(union v6addr *)&ip6->saddr;			\
									\
	hdrlen = ipv6_hdrlen(ctx, &nexthdr);				\
	if (hdrlen < 0)							\
		return hdrlen;						\
									\
	tuple->nexthdr = nexthdr;					\
	ct_buffer.l4_off = ETH_HLEN + hdrlen;				\
									\
	ct_buffer.ret = ct_lookup6(get_ct_map6(tuple), tuple, ctx,	\
				   ct_buffer.l4_off, DIR, ct_state,	\
				   &ct_buffer.monitor);			\
	if (ct_buffer.ret < 0)						\
		return ct_buffer.ret;					\
									\
	if (map_update_elem(&CT_TAIL_CALL_BUFFER6, &zero, &ct_buffer,	\
			    BPF_ANY) < 0)				\
		return send_drop_notify_error(ctx, SECLABEL,		\
					      DROP_INVALID_TC_BUFFER,	\
					      CTX_ACT_DROP,		\
					      (DIR == CT_INGRESS ?	\
					       METRIC_INGRESS :		\
					       METRIC_EGRESS));		\
									\
	invoke_tailcall_if(CONDITION, TARGET_ID, TARGET_NAME);		\
}

#endif /* __LIB_CONNTRACK_H_ */
