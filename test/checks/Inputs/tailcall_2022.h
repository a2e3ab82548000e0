/* Tail calls as Cilium spelled them from 2019 to 2023, for the
 * bpf-unnotified-missed-tail-call and bpf-ignored-tail-call-result tests:
 * a program array, bpf_tail_call() as libbpf declares it, ep_tail_call() as
 * a function that returns when the slot is empty, and the statement form of
 * invoke_tailcall_if() (before August 2023), whose tail-call variant leaves
 * DROP_MISSED_TAIL_CALL in the caller's `ret`.
 */

#ifndef __TEST_TAILCALL_2022_H_
#define __TEST_TAILCALL_2022_H_

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

#define __invoke_tailcall_if_0(ID, FUNC)	\
	return FUNC(ctx)
#define __invoke_tailcall_if_1(ID, FUNC)	\
	do {					\
		ep_tail_call(ctx, ID);		\
		ret = DROP_MISSED_TAIL_CALL;	\
	} while (0)
#define __invoke_tailcall_if_2(COND, ID, FUNC)	\
	__invoke_tailcall_if_ ## COND(ID, FUNC)
#define invoke_tailcall_if(COND, ID, FUNC)	\
	__invoke_tailcall_if_2(COND, ID, FUNC)

#endif /* __TEST_TAILCALL_2022_H_ */
