/* Constants read with CONFIG(): the verdict and a port come from
 * .rodata.config, as written into the loads by the agent.
 */
#include "conventions.h"

DECLARE_CONFIG(__u32, verdict)
DECLARE_CONFIG(__u16, drop_port)
DECLARE_CONFIG(__u64, unused_wide)
ASSIGN_CONFIG(__u32, verdict, TC_ACT_PIPE)
ASSIGN_CONFIG(__u16, drop_port, 0)

__sec_used("tc")
int from_netdev(struct __sk_buff *ctx)
{
	if (ctx->len == CONFIG(drop_port))
		return TC_ACT_SHOT;
	return CONFIG(verdict);
}

char __license[] __sec_used("license") = "GPL";
