// A tail call written in a macro body is one finding, at its spelling
// location in the #define, however many expansions and programs reach it;
// the message names the macro. Where the macro also holds the way on (the
// `return ret;`), the fix goes into the body, if every expansion wants the
// same edit (not so when the expansions' programs drop in different
// directions); where the way on leaves the macro (the caller's `return
// ret;`), no fix. A macro that is only the call (a wrapper, like
// tail_call_static()) is the call: reported and fixed at each expansion.
//
// RUN: %check_bpf_tidy --check=bpf-unnotified-missed-tail-call --compile %s %t

#include "tailcall_2022.h"

#define SECLABEL	42

#define TAIL_OR_PASS(ID)						\
	do {								\
		ep_tail_call(ctx, ID);					\
		return ret;						\
	} while (0)
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: when this tail call misses (empty slot), the functions using macro 'TAIL_OR_PASS' go on and return without notifying 'DROP_MISSED_TAIL_CALL': the missed tail call is silent, and the packet may pass [bpf-unnotified-missed-tail-call]
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, ID);					\{{$}}
// CHECK-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      DROP_MISSED_TAIL_CALL,	\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);		\{{$}}
// CHECK-FIXES-NEXT: {{^}}	} while (0){{$}}

#define TAIL_OR_PASS_BOTH(ID)						\
	do {								\
		ep_tail_call(ctx, ID);					\
		return ret;						\
	} while (0)
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: when this tail call misses (empty slot), the functions using macro 'TAIL_OR_PASS_BOTH' go on
// CHECK-FIXES:      {{^}}		ep_tail_call(ctx, ID);					\{{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;						\{{$}}

#define STORE_AND_JUMP(ID)						\
	do {								\
		ctx->cb[0] = ID;					\
		ep_tail_call(ctx, ID);					\
	} while (0)
// CHECK-MESSAGES: :[[@LINE-2]]:3: warning: when this tail call misses (empty slot), the functions using macro 'STORE_AND_JUMP' go on

#define JUMP(ID)							\
	ep_tail_call(ctx, ID)

SEC("from-container")
int from_container(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	if (ctx->mark == 1)
		TAIL_OR_PASS(CILIUM_CALL_IPV4_FROM_LXC);
	if (ctx->mark == 2)
		TAIL_OR_PASS(CILIUM_CALL_IPV6_FROM_LXC);
	if (ctx->mark == 3)
		TAIL_OR_PASS_BOTH(CILIUM_CALL_IPV6_FROM_LXC);
	if (ctx->mark == 4) {
		STORE_AND_JUMP(CILIUM_CALL_IPV4_CT_EGRESS);
		return ret;
// CHECK-FIXES:      {{^}}		STORE_AND_JUMP(CILIUM_CALL_IPV4_CT_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}		return ret;{{$}}
	}
	JUMP(CILIUM_CALL_IPV4_CT_EGRESS);
	return ret;
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: when this tail call misses (empty slot), 'from_container' goes on
// CHECK-FIXES:      {{^}}	JUMP(CILIUM_CALL_IPV4_CT_EGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
}

SEC("to-container")
int to_container(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	if (!revalidate_data(ctx))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);
	if (ctx->mark == 1)
		TAIL_OR_PASS_BOTH(CILIUM_CALL_IPV4_CT_INGRESS);
	JUMP(CILIUM_CALL_IPV4_CT_INGRESS);
	return ret;
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: when this tail call misses (empty slot), 'to_container' goes on
// CHECK-FIXES:      {{^}}	JUMP(CILIUM_CALL_IPV4_CT_INGRESS);{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_MISSED_TAIL_CALL,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
}

char __license[] SEC("license") = "GPL";
