/* The endpoint's test configuration, as a generator would write it: its
 * addresses as globals the agent could rewrite, a port as a plain macro.
 * The IPv4 global holds the address as the datapath loads it from the
 * packet (little-endian here): 0x0302010a is 10.1.2.3.
 */
#ifndef ENDPOINT_CONFIG_H
#define ENDPOINT_CONFIG_H

#include <linux/types.h>

volatile __u32 EP_IPV4 = 0x0302010a;
/* 2001:db8::42, two 64-bit halves in network order. */
volatile __u64 EP_IP_1 = __builtin_bswap64(0x20010db800000000ULL);
volatile __u64 EP_IP_2 = __builtin_bswap64(0x0000000000000042ULL);

#define EP_SERVICE_PORT 8080

#endif /* ENDPOINT_CONFIG_H */
