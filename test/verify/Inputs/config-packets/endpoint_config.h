/* The endpoint's test configuration, as a generator would write it: its
 * addresses as globals the agent could rewrite, a port as a plain macro.
 * The IPv4 global holds the address as the datapath loads it from the
 * packet (little-endian here): 0x0302010a is 10.1.2.3.
 */
#ifndef ENDPOINT_CONFIG_H
#define ENDPOINT_CONFIG_H

#include <linux/types.h>

#ifdef CONFIG_CONSTANTS
/* The same values as constants the agent writes into each load of them
 * (CONFIG(), a 64-bit immediate load of a symbol in .rodata.config).
 */
#define DECLARE_CONFIG(type, name) \
	__attribute__((section(".rodata.config"), used)) \
	static const type __config_##name;
#define ASSIGN_CONFIG(type, name, value) \
	static const type __config_##name = value;
#define CONFIG(name) ({ \
	__u64 out; \
	asm volatile("%[out] = __config_" #name " ll" : [out]"=r"(out)); \
	(typeof(__config_##name))out; \
})
DECLARE_CONFIG(__u32, EP_IPV4)
DECLARE_CONFIG(__u64, EP_IP_1)
DECLARE_CONFIG(__u64, EP_IP_2)
ASSIGN_CONFIG(__u32, EP_IPV4, 0x0302010a)
ASSIGN_CONFIG(__u64, EP_IP_1, __builtin_bswap64(0x20010db800000000ULL))
ASSIGN_CONFIG(__u64, EP_IP_2, __builtin_bswap64(0x0000000000000042ULL))
#define EP_IPV4 CONFIG(EP_IPV4)
#define EP_IP_1 CONFIG(EP_IP_1)
#define EP_IP_2 CONFIG(EP_IP_2)
#else
volatile __u32 EP_IPV4 = 0x0302010a;
/* 2001:db8::42, two 64-bit halves in network order. */
volatile __u64 EP_IP_1 = __builtin_bswap64(0x20010db800000000ULL);
volatile __u64 EP_IP_2 = __builtin_bswap64(0x0000000000000042ULL);
#endif

#define EP_SERVICE_PORT 8080

#endif /* ENDPOINT_CONFIG_H */
