/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Definitions every part of the datapath shares. */

#ifndef __LIB_COMMON_H_
#define __LIB_COMMON_H_

#include <stdbool.h>
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#include "compiler.h"

#define map_lookup_elem		bpf_map_lookup_elem
#define map_update_elem		bpf_map_update_elem
#define map_delete_elem		bpf_map_delete_elem

/* Security identities. */
#define WORLD_ID		2

/* Drop reasons: negative, so that a helper can return either a drop
 * reason or a non-negative value (a verdict, a length, a CT_* result).
 * Only a notification helper turns one into a verdict for the kernel.
 */
#define DROP_INVALID_SIP	-132
#define DROP_POLICY		-133
#define DROP_INVALID		-134
#define DROP_CT_INVALID_HDR	-135
#define DROP_FRAG_NEEDED	-136
#define DROP_CT_UNKNOWN_PROTO	-137
#define DROP_UNKNOWN_L3		-139
#define DROP_MISSED_TAIL_CALL	-140
#define DROP_WRITE_ERROR	-141
#define DROP_UNKNOWN_L4		-142
#define DROP_UNKNOWN_ICMP_CODE	-143
#define DROP_UNKNOWN_ICMP_TYPE	-144
#define DROP_UNKNOWN_ICMP6_CODE	-145
#define DROP_UNKNOWN_ICMP6_TYPE	-146
#define DROP_UNROUTABLE		-151
#define DROP_CT_CREATE_FAILED	-155
#define DROP_INVALID_EXTHDR	-156
#define DROP_FRAG_NOSUPPORT	-157
#define DROP_UNSUPPORTED_L2	-166
#define DROP_NAT_NOT_NEEDED	-173	/* not a drop: nothing to translate */
#define DROP_FORBIDDEN_ICMP6	-176
#define DROP_POLICY_DENY	-181
#define DROP_INVALID_TC_BUFFER	-184
#define DROP_CT_NO_MAP_FOUND	-190
#define DROP_TTL_EXCEEDED	-196

#define IS_ERR(x)		(unlikely((x) < 0))

/* Direction a drop is accounted in (metrics, drop events). */
enum metric_dir {
	METRIC_INGRESS = 1,
	METRIC_EGRESS,
	METRIC_SERVICE,
};

#endif /* __LIB_COMMON_H_ */
