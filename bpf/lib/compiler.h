/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Compiler glue for the sample datapath. */

#ifndef __LIB_COMPILER_H_
#define __LIB_COMPILER_H_

#include <bpf/bpf_helpers.h>

#ifndef __section
# define __section(X)		__attribute__((section(X), used))
#endif

#ifndef __packed
# define __packed		__attribute__((packed))
#endif

#ifndef __maybe_unused
# define __maybe_unused		__attribute__((__unused__))
#endif

#ifndef likely
# define likely(X)		__builtin_expect(!!(X), 1)
#endif

#ifndef unlikely
# define unlikely(X)		__builtin_expect(!!(X), 0)
#endif

#define __stringify_1(X)	#X
#define __stringify(X)		__stringify_1(X)

#define __paste_1(A, B)		A ## B
#define __paste(A, B)		__paste_1(A, B)

/* A call that survives optimisation fails the build: the compiler reports
 * the attribute's message. Used for checks that must fold to constants.
 */
extern void __bpf_build_bug(void)
	__attribute__((error("BPF build bug: argument is not constant")));
#define __throw_build_bug()	__bpf_build_bug()

/* Build-time configuration logic on -D flags, usable inside other macros.
 *
 * is_defined(X) is 1 when X is defined to 1 (as -DX does) and 0 otherwise;
 * __and(), __or() and __not() combine such 0/1 values. The trick: pasting
 * a 1 onto __cfg_one_ gives a token that expands to "0," and so shifts the
 * next argument into the position __cfg_second() picks.
 */
#define __cfg_one_1		0,
#define __cfg_second(a, b, ...)	b

#define is_defined(X)		__is_defined_1(X)
#define __is_defined_1(X)	__is_defined_2(__cfg_one_ ## X)
#define __is_defined_2(T)	__cfg_second(T 1, 0)

#define __and(X, Y)		__and_1(X, Y)
#define __and_1(X, Y)		__and_2(__cfg_one_ ## X, Y)
#define __and_2(T, Y)		__cfg_second(T Y, 0)

#define __or(X, Y)		__or_1(X, Y)
#define __or_1(X, Y)		__or_2(__cfg_one_ ## X, Y)
#define __or_2(T, Y)		__cfg_second(T 1, Y)

#define __not(X)		__not_1(X)
#define __not_1(X)		__not_2(__cfg_one_ ## X)
#define __not_2(T)		__cfg_second(T 0, 1)

#endif /* __LIB_COMPILER_H_ */
