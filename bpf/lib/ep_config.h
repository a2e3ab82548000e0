/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Endpoint configuration. An agent would generate this per endpoint; the
 * sample ships fixed defaults, each of which a build may override with -D.
 */

#ifndef __LIB_EP_CONFIG_H_
#define __LIB_EP_CONFIG_H_

/* Security identity of the endpoint the programs are attached to. */
#ifndef SECLABEL
# define SECLABEL		2
#endif

/* Endpoint ID, reported as the destination of ingress drops. */
#ifndef LXC_ID
# define LXC_ID			42
#endif

/* The endpoint's IPv6 address (fd00::1), the only source it may send from
 * when built with ENABLE_SIP_VERIFICATION.
 */
#ifndef LXC_IPV6
# define LXC_IPV6		{ 0xfd, 0, 0, 0, 0, 0, 0, 0,	\
				  0, 0, 0, 0, 0, 0, 0, 1 }
#endif

/* MTU of the endpoint's interface: larger datagrams are not delivered. */
#ifndef LXC_MTU
# define LXC_MTU		1500
#endif

/* Ingress destination port the endpoint refuses when no policy entry
 * says otherwise (telnet).
 */
#ifndef POLICY_DENY_DPORT
# define POLICY_DENY_DPORT	23
#endif

/* Connection tracking table sizes. */
#ifndef CT_MAP_SIZE_TCP
# define CT_MAP_SIZE_TCP	4096
#endif

#ifndef CT_MAP_SIZE_ANY
# define CT_MAP_SIZE_ANY	1024
#endif

#endif /* __LIB_EP_CONFIG_H_ */
