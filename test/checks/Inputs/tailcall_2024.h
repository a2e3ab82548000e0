/* Tail calls as Cilium spells them from 2024 on: tail_call_static() is a
 * macro whose body is inline assembly (so that the loader finds a fixed
 * instruction sequence), not a call; tail_call_dynamic() is a function
 * around the tail_call() helper for slots not known at build time;
 * tail_call_internal() returns the miss as DROP_MISSED_TAIL_CALL.
 */

#ifndef __TEST_TAILCALL_2024_H_
#define __TEST_TAILCALL_2024_H_

#include "drop_2022.h"

#define __stringify(X)		#X
#define __throw_build_bug()	__builtin_trap()

static long (*tail_call)(void *ctx, const void *map,
			 __u32 index) = (void *)12;

struct {
	__u32 type;
	__u32 max_entries;
} cilium_calls SEC(".maps");

#define tail_call_static(ctx_ptr, map, slot)			\
{								\
	if (!__builtin_constant_p(slot))			\
		__throw_build_bug();				\
								\
	asm volatile("r1 = %[ctx]\n\t"				\
		"r2 = " __stringify(map) " ll\n\t"		\
		"r3 = %[slot_idx]\n\t"				\
		"call 12\n\t"					\
		:: [ctx]"r"(ctx_ptr), [slot_idx]"i"(slot)	\
		: "r0", "r1", "r2", "r3", "r4", "r5");		\
}

static __always_inline void
tail_call_dynamic(struct __sk_buff *ctx, const void *map, __u32 slot)
{
	if (__builtin_constant_p(slot))
		__throw_build_bug();
	tail_call(ctx, map, slot);
}

static __always_inline int
tail_call_internal(struct __sk_buff *ctx, const __u32 index, __s8 *ext_err)
{
	tail_call_static(ctx, cilium_calls, index);

	if (ext_err)
		*ext_err = (__s8)index;
	return DROP_MISSED_TAIL_CALL;
}

#endif /* __TEST_TAILCALL_2024_H_ */
