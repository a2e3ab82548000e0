// The returned value is a macro argument: its text is at each use of the
// macro, not in the #define, so one edit cannot be right for every use. The
// site (the return in the #define) is reported once, without a fix.
//
// RUN: %check_bpf_tidy %s %t

#include "drop_2022.h"

#define SECLABEL	42

#define BAIL_IF(COND, REASON)	do { if (COND) return REASON; } while (0)
// CHECK-FIXES: {{^}}#define BAIL_IF(COND, REASON)	do { if (COND) return REASON; } while (0){{$}}

SEC("tc")
int from_container(struct __sk_buff *ctx)
{
	BAIL_IF(!revalidate_data(ctx), DROP_INVALID);
// Each use of a statement macro returning its argument is its own site,
// reported where it is written.
// CHECK-MESSAGES: :[[@LINE-3]]:2: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-4]]:2: note: no fix offered: the returned value is spelled in a macro argument, which differs at each use of the macro
// CHECK-FIXES: {{^}}	BAIL_IF(!revalidate_data(ctx), DROP_INVALID);{{$}}
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
