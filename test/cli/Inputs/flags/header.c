/* A bare drop in a header (lib/len.h), not in a macro. */
#include "lib/len.h"

__section("from-header")
int from_header(struct __sk_buff *ctx)
{
	return check_len(ctx);
}

char __license[] __section("license") = "GPL";
