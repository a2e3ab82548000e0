// The value of a GNU statement expression `({ ...; X; })` is that of its
// last expression statement. Cilium's invoke_tailcall_if() in each era:
// a statement setting `ret` (until mid-2023), `({ ep_tail_call(ctx, N);
// DROP_MISSED_TAIL_CALL; })` (mid-2023), `({ tail_call_internal(ctx, N,
// ext_err); })` (2024, a helper returning DROP_MISSED_TAIL_CALL); when the
// next stage is called inline instead, `ret` is that stage's verdict, so
// the shared `return ret;` gets a guarded fix.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DefaultDirection: METRIC_EGRESS}}" \
// RUN:   -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement

#include "drop_2022.h"

#define SECLABEL	42

void tail_call(struct __sk_buff *ctx, int slot);

static __always_inline int
tail_call_internal(struct __sk_buff *ctx, int slot, __s8 *ext_err)
{
	tail_call(ctx, slot);
	if (ext_err)
		*ext_err = (__s8)slot;
	return DROP_MISSED_TAIL_CALL;
}

/* The next stage: a verdict, or a drop it notifies itself. */
static __always_inline int next_stage(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

/* Until mid-2023: a statement. */
#define invoke_2022(COND, ID, FUNC)					\
	do {								\
		tail_call(ctx, ID);					\
		ret = DROP_MISSED_TAIL_CALL;				\
	} while (0)

/* Mid-2023: a statement expression ending in the drop reason. */
#define __invoke_2023_1(ID, FUNC)					\
	({								\
		tail_call(ctx, ID);					\
		DROP_MISSED_TAIL_CALL;					\
	})
#define __invoke_2023_0(ID, FUNC)	FUNC(ctx)
#define __invoke_2023(COND, ID, FUNC)	__invoke_2023_ ## COND(ID, FUNC)
#define invoke_2023(COND, ID, FUNC)	__invoke_2023(COND, ID, FUNC)

/* 2024: a statement expression ending in a helper's value. */
#define invoke_2024(ID, EXT_ERR)					\
	({								\
		tail_call_internal(ctx, ID, EXT_ERR);			\
	})

SEC("2/10")
int stage_2022(struct __sk_buff *ctx)
{
	int ret = CTX_ACT_OK;

	invoke_2022(1, 11, next_stage);
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'stage_2022' returns 'ret', which may hold drop reason 'DROP_MISSED_TAIL_CALL'
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      METRIC_EGRESS);{{$}}
}

SEC("2/12")
int stage_2023(struct __sk_buff *ctx)
{
	int ret;

	ret = invoke_2023(1, 13, next_stage);
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'stage_2023' returns 'ret', which may hold drop reason 'DROP_MISSED_TAIL_CALL'
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      METRIC_EGRESS);{{$}}
}

SEC("2/14")
int stage_2024(struct __sk_buff *ctx)
{
	__s8 ext_err = 0;
	int ret;

	ret = invoke_2024(15, &ext_err);
	return ret;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'stage_2024' returns 'ret', which may hold a drop reason from 'tail_call_internal'
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, ret, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}				      METRIC_EGRESS);{{$}}
}

/* One body, the next stage a tail call in one expansion and inline in the
 * other: the same `return ret;` is a drop reason in one, a verdict in the
 * other. */
#define STAGE(NAME, COND)						\
SEC("2/16")								\
int NAME(struct __sk_buff *ctx)						\
{									\
	int ret;							\
									\
	ret = invoke_2023(COND, 17, next_stage);			\
	return ret;							\
}
// CHECK-MESSAGES: :[[@LINE-2]]:2: warning: functions expanded from 'STAGE' return 'ret', which may hold drop reason 'DROP_MISSED_TAIL_CALL'
// CHECK-MESSAGES: :[[@LINE-3]]:2: note: the value may also be a valid verdict: the fix notifies it only when 'ret < 0' and returns every other value as it is
// CHECK-FIXES: {{^}}	return ret < 0 ? send_drop_notify_error(ctx, SECLABEL, ret,	\{{$}}
// CHECK-FIXES-NEXT: {{^}}						CTX_ACT_DROP,		\{{$}}
// CHECK-FIXES-NEXT: {{^}}						METRIC_EGRESS) : ret;	\{{$}}

STAGE(stage_tail, 1)
STAGE(stage_inline, 0)

char __license[] SEC("license") = "GPL";
