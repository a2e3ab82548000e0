/* Cilium-2022-style basics shared by the bpf-bare-drop-return tests:
 * section markers, verdicts, drop reasons and directions.
 */

#ifndef __TEST_COMMON_H_
#define __TEST_COMMON_H_

#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#ifndef __always_inline
# define __always_inline	inline __attribute__((always_inline))
#endif

#define SEC(NAME)		__attribute__((section(NAME), used))
#define __section(NAME)		__attribute__((section(NAME), used))
#define __section_entry		__section("tc/entry")

#define __stringify_1(X)	#X
#define __stringify(X)		__stringify_1(X)

/* iproute2-style tail calls: the section names the program array and the
 * slot ("2/7").
 */
#define CILIUM_MAP_CALLS	2
#define __section_tail(ID, KEY)	__section(__stringify(ID) "/" __stringify(KEY))

/* 2024+: a typed section plus a tag naming the slot. */
#define __declare_tail(ID)					\
	__section("tc/tail")					\
	__attribute__((btf_decl_tag("tail:cilium_calls/" __stringify(ID))))

/* is_defined(X) is 1 when X is defined to 1 (-DX) and 0 otherwise. */
#define __cfg_one_1		0,
#define __cfg_second(a, b, ...)	b
#define is_defined(X)		__is_defined_1(X)
#define __is_defined_1(X)	__is_defined_2(__cfg_one_ ## X)
#define __is_defined_2(T)	__cfg_second(T 1, 0)

#define __declare_tailcall_if_0(ID)	static __always_inline
#define __declare_tailcall_if_1(ID)	__section_tail(CILIUM_MAP_CALLS, ID)
#define __declare_tailcall_if_2(COND, ID) __declare_tailcall_if_ ## COND(ID)
#define declare_tailcall_if(COND, ID)	__declare_tailcall_if_2(COND, ID)

/* Tail-call slots. */
#define CILIUM_CALL_DROP_NOTIFY		1
#define CILIUM_CALL_IPV4_FROM_LXC	7
#define CILIUM_CALL_IPV4_CT_INGRESS	10
#define CILIUM_CALL_IPV4_CT_EGRESS	11
#define CILIUM_CALL_IPV6_FROM_LXC	12

/* Verdicts. */
#define CTX_ACT_OK		TC_ACT_OK
#define CTX_ACT_DROP		TC_ACT_SHOT
#define CTX_ACT_REDIRECT	TC_ACT_REDIRECT

/* Drop reasons: negative; only a notification turns one into a verdict. */
#define DROP_INVALID_SIP	-132
#define DROP_POLICY		-133
#define DROP_INVALID		-134
#define DROP_CT_INVALID_HDR	-135
#define DROP_CT_UNKNOWN_PROTO	-137
#define DROP_UNKNOWN_L3		-139
#define DROP_MISSED_TAIL_CALL	-140
#define DROP_UNKNOWN_L4		-142
#define DROP_FRAG_NOSUPPORT	-157
#define DROP_NAT_NOT_NEEDED	-173
#define DROP_INVALID_TC_BUFFER	-184

enum metric_dir {
	METRIC_INGRESS = 1,
	METRIC_EGRESS,
	METRIC_SERVICE,
};

/* Conntrack direction: not the numbering of enum metric_dir. */
enum ct_dir {
	CT_EGRESS = 0,
	CT_INGRESS = 1,
	CT_SERVICE = 2,
};

#define IS_ERR(x)		((x) < 0)

/* Stand-in for the packet parsing the real datapath does. */
static __always_inline int revalidate_data(struct __sk_buff *ctx)
{
	return ctx->data + 34 <= ctx->data_end;
}

#endif /* __TEST_COMMON_H_ */
