/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Ingress policy of the endpoint. */

#ifndef __LIB_POLICY_H_
#define __LIB_POLICY_H_

#include "common.h"
#include "ctx.h"
#include "ep_config.h"

struct policy_key {
	__u32	sec_label;	/* source identity, 0 for any */
	__be16	dport;		/* 0 for any */
	__u8	protocol;	/* 0 for any */
	__u8	pad;
};

struct policy_entry {
	__u8	deny;
	__u8	pad[7];
	__u64	packets;
	__u64	bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, struct policy_key);
	__type(value, struct policy_entry);
	__uint(max_entries, 1024);
} cilium_policy SEC(".maps");

/* May a new flow from src_label to protocol/dport enter the endpoint?
 * An entry for the exact source, then one for any source, decides; without
 * one the endpoint's defaults allow everything but POLICY_DENY_DPORT.
 * Returns CTX_ACT_OK or a drop reason, which the caller reports.
 */
static __always_inline int policy_can_access_ingress(struct __ctx_buff *ctx,
						     __u32 src_label,
						     __u8 protocol,
						     __be16 dport)
{
	struct policy_key key = {
		.sec_label = src_label,
		.dport = dport,
		.protocol = protocol,
	};
	struct policy_entry *entry;

	entry = map_lookup_elem(&cilium_policy, &key);
	if (!entry) {
		key.sec_label = 0;
		entry = map_lookup_elem(&cilium_policy, &key);
	}

	if (entry) {
		if (entry->deny)
			return DROP_POLICY_DENY;
		__sync_fetch_and_add(&entry->packets, 1);
		__sync_fetch_and_add(&entry->bytes, ctx_full_len(ctx));
		return CTX_ACT_OK;
	}

	if ((protocol == IPPROTO_TCP || protocol == IPPROTO_UDP) &&
	    dport == bpf_htons(POLICY_DENY_DPORT))
		return DROP_POLICY;

	return CTX_ACT_OK;
}

#endif /* __LIB_POLICY_H_ */
