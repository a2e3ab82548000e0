/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Tail calls: the program array, its slots, and the macros that make a
 * function a tail call in one build configuration and an inline helper in
 * another.
 */

#ifndef __LIB_TAILCALL_H_
#define __LIB_TAILCALL_H_

#include "common.h"
#include "drop.h"

/* Program array ID in iproute2-style section names: "2/<slot>". */
#define CILIUM_MAP_CALLS		2

/* Slots of the program array. The from-container (egress) path uses the
 * slots below CILIUM_CALL_INGRESS_FIRST, the to-container (ingress) path
 * the ones from it on; tail_call_direction() relies on that split.
 */
#define CILIUM_CALL_IPV4_FROM_LXC	7
#define CILIUM_CALL_IPV6_FROM_LXC	8
#define CILIUM_CALL_IPV4_CT_EGRESS	9
#define CILIUM_CALL_IPV6_CT_EGRESS	10
#define CILIUM_CALL_IPV4_FROM_LXC_CONT	11
#define CILIUM_CALL_IPV6_FROM_LXC_CONT	12
#define CILIUM_CALL_ICMP6_EGRESS	13
#define CILIUM_CALL_ARP			14
#define CILIUM_CALL_INGRESS_FIRST	16
#define CILIUM_CALL_IPV4_CT_INGRESS	16
#define CILIUM_CALL_IPV6_CT_INGRESS	17
#define CILIUM_CALL_IPV4_POLICY_INGRESS	18
#define CILIUM_CALL_IPV6_POLICY_INGRESS	19
#define CILIUM_CALL_ARP_INGRESS		20
#define CILIUM_CALL_SIZE		24

#define tail_call_direction(ID)	\
	((ID) >= CILIUM_CALL_INGRESS_FIRST ? METRIC_INGRESS : METRIC_EGRESS)

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, CILIUM_CALL_SIZE);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} cilium_calls SEC(".maps");

/* Section "MAP/KEY", as iproute2 loaders name tail-call programs. */
#define __section_tail(ID, KEY)	\
	__section(__stringify(ID) "/" __stringify(KEY))

/* Jump to the program in slot index. Only returns when the slot is empty. */
static __always_inline void ep_tail_call(struct __ctx_buff *ctx,
					 const __u32 index)
{
	bpf_tail_call(ctx, &cilium_calls, index);
}

/* Jump to the program in slot index. When the slot is empty, return
 * DROP_MISSED_TAIL_CALL (and the slot in ext_err) for the caller to notify.
 */
static __always_inline int tail_call_internal(struct __ctx_buff *ctx,
					      const __u32 index, __s8 *ext_err)
{
	bpf_tail_call(ctx, &cilium_calls, index);
	if (ext_err)
		*ext_err = (__s8)index;
	return DROP_MISSED_TAIL_CALL;
}

/* declare_tailcall_if(COND, ID) starts the definition of a function that
 * is the tail call in slot ID when COND is 1 and an inline helper when COND
 * is 0. COND is built from is_defined(), __and(), __or() and __not().
 */
#define __declare_tailcall_if_0(ID)	\
	static __always_inline
#define __declare_tailcall_if_1(ID)	\
	__section_tail(CILIUM_MAP_CALLS, ID)
#define declare_tailcall_if(COND, ID)	\
	__paste(__declare_tailcall_if_, COND)(ID)

/* invoke_tailcall_if(COND, ID, FUNC) ends the calling function: with COND
 * 1 it tail-calls slot ID (and reports a missed tail call if the slot is
 * empty), with COND 0 it returns FUNC(ctx).
 */
#define __invoke_tailcall_if_0(ID, FUNC)	\
	return FUNC(ctx)
#define __invoke_tailcall_if_1(ID, FUNC)				\
	do {								\
		ep_tail_call(ctx, ID);					\
		return send_drop_notify_error(ctx, SECLABEL,		\
					      DROP_MISSED_TAIL_CALL,	\
					      CTX_ACT_DROP,		\
					      tail_call_direction(ID));	\
	} while (0)
#define invoke_tailcall_if(COND, ID, FUNC)	\
	__paste(__invoke_tailcall_if_, COND)(ID, FUNC)

#endif /* __LIB_TAILCALL_H_ */
