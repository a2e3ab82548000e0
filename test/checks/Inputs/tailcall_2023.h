/* Tail calls as Cilium spelled them from August 2023 to 2025, for the
 * bpf-ignored-tail-call-result tests: invoke_tailcall_if() is an
 * expression, FUNC(ctx) in its inline form and DROP_MISSED_TAIL_CALL after
 * ep_tail_call() in its tail-call form (2023), and tail_call_internal(),
 * which returns the miss as a drop reason (2024).
 */

#ifndef __TEST_TAILCALL_2023_H_
#define __TEST_TAILCALL_2023_H_

#include "drop_2022.h"

static long (*bpf_tail_call)(void *ctx, void *prog_array_map,
			     __u32 index) = (void *)12;

struct {
	__u32 type;
	__u32 max_entries;
} cilium_calls SEC(".maps");

static __always_inline void ep_tail_call(struct __sk_buff *ctx, __u32 index)
{
	bpf_tail_call(ctx, &cilium_calls, index);
}

static __always_inline int
tail_call_internal(struct __sk_buff *ctx, const __u32 index, __s8 *ext_err)
{
	bpf_tail_call(ctx, &cilium_calls, index);
	if (ext_err)
		*ext_err = (__s8)index;
	return DROP_MISSED_TAIL_CALL;
}

#define __invoke_tailcall_if_0(ID, FUNC)	\
	FUNC(ctx)
#define __invoke_tailcall_if_1(ID, FUNC)	\
	({					\
		ep_tail_call(ctx, ID);		\
		DROP_MISSED_TAIL_CALL;		\
	})
#define __invoke_tailcall_if_2(COND, ID, FUNC)	\
	__invoke_tailcall_if_ ## COND(ID, FUNC)
#define invoke_tailcall_if(COND, ID, FUNC)	\
	__invoke_tailcall_if_2(COND, ID, FUNC)

#endif /* __TEST_TAILCALL_2023_H_ */
