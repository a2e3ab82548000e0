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
