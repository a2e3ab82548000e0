/* Shapes of datapath conventions libbpf 1.x does not accept as written,
 * written for bpf-tidy's tests: iproute2 map definitions, tail calls in
 * "ID/KEY" sections, agent-written constants.
 */
#ifndef CONVENTIONS_H
#define CONVENTIONS_H

#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)
#define __sec_used(name) __attribute__((section(name), used))
#define __section_maps __sec_used("maps")
#define __section_tail(ID, KEY) __sec_used(__stringify(ID) "/" __stringify(KEY))

/* iproute2's map definition, as older loaders read it. */
struct bpf_elf_map {
	__u32 type;
	__u32 size_key;
	__u32 size_value;
	__u32 max_elem;
	__u32 flags;
	__u32 id;
	__u32 pinning;
	__u32 inner_id;
	__u32 inner_idx;
};

#define PIN_NONE	0
#define PIN_OBJECT_NS	1
#define PIN_GLOBAL_NS	2

/* A constant the agent writes into each load of it. */
#define DECLARE_CONFIG(type, name) \
	__sec_used(".rodata.config") static const type __config_##name;
#define ASSIGN_CONFIG(type, name, value) \
	static const type __config_##name = value;
#define CONFIG(name) ({ \
	__u64 out; \
	asm volatile("%[out] = __config_" #name " ll" : [out]"=r"(out)); \
	(typeof(__config_##name))out; \
})

#endif /* CONVENTIONS_H */
