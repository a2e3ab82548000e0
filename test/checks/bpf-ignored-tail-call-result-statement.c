// invoke_tailcall_if() as a statement (Cilium before August 2023): its
// tail-call form sets `ret = DROP_MISSED_TAIL_CALL` and goes on to the
// error block; its inline form is `return FUNC(ctx)`, which leaves the
// function before that block. A finding where it calls inline (INLINE),
// none where it is a tail call (TAIL). No fix: the macro must first become
// an expression, as upstream did, and a note says so.
//
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --check-suffixes=TAIL --compile %s %t -- -- -DENABLE_HOST_FIREWALL
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --check-suffixes=INLINE --compile %s %t
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --check-suffixes=INLINE --compile %s %t -- --config='{CheckOptions: {bpf.TailCallMacros: "invoke_tailcall_if;both_return"}}'

#include "tailcall_2022.h"

#define SECLABEL	42

declare_tailcall_if(is_defined(ENABLE_HOST_FIREWALL), CILIUM_CALL_IPV4_CT_INGRESS)
int tail_handle_ipv4_cont(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_INGRESS);
	return CTX_ACT_OK;
}

static __always_inline int handle_ipv4(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
	return CTX_ACT_OK;
}

SEC("tc")
int from_netdev(struct __sk_buff *ctx)
{
	int ret;

	ret = handle_ipv4(ctx);
	if (ret == CTX_ACT_OK)
		invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),
				   CILIUM_CALL_IPV4_CT_INGRESS,
				   tail_handle_ipv4_cont);
// CHECK-NOTES-INLINE: :[[@LINE-3]]:3: warning: where 'invoke_tailcall_if' calls 'tail_handle_ipv4_cont' inline, it returns that value past the error block of 'ret' that its tail-call form reaches: an error is never notified there [bpf-ignored-tail-call-result]
// CHECK-NOTES-INLINE: :[[@LINE+6]]:2: note: the error block that notifies 'ret'
// CHECK-NOTES-INLINE: :[[@LINE-5]]:3: note: no fix offered: 'invoke_tailcall_if' is a statement in this tree (its inline form is a 'return'): it must first become an expression, whose inline form is the call and whose tail-call form yields DROP_MISSED_TAIL_CALL (as Cilium's did in August 2023); then assign its value to the variable the error block notifies
// CHECK-FIXES-INLINE:      {{^}}		invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),{{$}}
// CHECK-FIXES-TAIL:        {{^}}		invoke_tailcall_if(is_defined(ENABLE_HOST_FIREWALL),{{$}}

	/* Catch errors from both handle_ipv4 and invoke_tailcall_if here. */
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_INGRESS);
	return ret;
}

/* Cilium's TAIL_CT_LOOKUP4 of 2023: the invocation ends the function, no
 * error block follows it: nothing is skipped (a bare DROP_MISSED_TAIL_CALL
 * in `return ret;` is bpf-bare-drop-return's finding).
 */
#define TAIL_CT_LOOKUP(ID, NAME, CONDITION, TARGET_ID, TARGET_NAME)	\
__section_tail(CILIUM_MAP_CALLS, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	int ret = CTX_ACT_OK;						\
									\
	if (!revalidate_data(ctx))					\
		return send_drop_notify_error(ctx, SECLABEL,		\
					      DROP_INVALID,		\
					      CTX_ACT_DROP,		\
					      METRIC_EGRESS);		\
	invoke_tailcall_if(CONDITION, TARGET_ID, TARGET_NAME);		\
	return ret;							\
}

TAIL_CT_LOOKUP(CILIUM_CALL_IPV4_CT_EGRESS, tail_ct_egress,
	       is_defined(ENABLE_HOST_FIREWALL), CILIUM_CALL_IPV4_CT_INGRESS,
	       tail_handle_ipv4_cont)

/* The same with an error block in the macro body: one finding, at the
 * invocation's spelling in the #define, for both expansions.
 */
#define TAIL_POLICY(ID, NAME, CONDITION, TARGET_ID, TARGET_NAME)	\
__section_tail(CILIUM_MAP_CALLS, ID)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	int ret = CTX_ACT_OK;						\
									\
	if (ctx->mark)							\
		invoke_tailcall_if(CONDITION, TARGET_ID, TARGET_NAME);	\
	if (IS_ERR(ret))						\
		return send_drop_notify_error(ctx, SECLABEL, ret,	\
					      CTX_ACT_DROP,		\
					      METRIC_EGRESS);		\
	return ret;							\
}
// CHECK-NOTES-INLINE: :[[@LINE-7]]:3: warning: where 'invoke_tailcall_if' calls 'tail_handle_ipv4_cont' inline, it returns that value past the error block of 'ret'
// CHECK-NOTES-INLINE: :[[@LINE-7]]:2: note: the error block that notifies 'ret'
// CHECK-NOTES-INLINE: :[[@LINE-9]]:3: note: no fix offered: 'invoke_tailcall_if' is a statement in this tree

TAIL_POLICY(CILIUM_CALL_IPV4_FROM_LXC, tail_policy_v4,
	    is_defined(ENABLE_HOST_FIREWALL), CILIUM_CALL_IPV4_CT_INGRESS,
	    tail_handle_ipv4_cont)
TAIL_POLICY(CILIUM_CALL_IPV6_FROM_LXC, tail_policy_v6,
	    is_defined(ENABLE_HOST_FIREWALL), CILIUM_CALL_IPV4_CT_INGRESS,
	    tail_handle_ipv4_cont)

/* A statement form whose tail-call form leaves the function too (it
 * returns the notification of its own miss, as the sample datapath's):
 * neither form reaches the error block, nothing is skipped.
 */
#define __both_return_0(ID, FUNC)	\
	return FUNC(ctx)
#define __both_return_1(ID, FUNC)					\
	do {								\
		ep_tail_call(ctx, ID);					\
		return send_drop_notify_error(ctx, SECLABEL,		\
					      DROP_MISSED_TAIL_CALL,	\
					      CTX_ACT_DROP, METRIC_EGRESS); \
	} while (0)
#define __both_return_2(COND, ID, FUNC)	__both_return_ ## COND(ID, FUNC)
#define both_return(COND, ID, FUNC)	__both_return_2(COND, ID, FUNC)

SEC("from-container")
int both_forms_return(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (ctx->mark)
		both_return(is_defined(ENABLE_HOST_FIREWALL),
			    CILIUM_CALL_IPV4_CT_INGRESS, tail_handle_ipv4_cont);
	if (IS_ERR(ret))
		return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,
					      METRIC_EGRESS);
	return ret;
}

char __license[] SEC("license") = "GPL";
