// NotifyPreset=auto (the default) picks the helper shape from the arity of
// send_drop_notify_error: five arguments is the 2022 form, four the 2025 form
// without exitcode.
//
// RUN: %check_bpf_tidy --check-suffixes=2022 --compile %s %t
// RUN: %check_bpf_tidy --check-suffixes=2025 --compile %s %t -- -- -DERA_2025

#ifdef ERA_2025
#include "drop_2025.h"
#define NOTIFY_POLICY(ctx)	\
	send_drop_notify_error(ctx, SECLABEL, DROP_POLICY, METRIC_EGRESS)
#else
#include "drop_2022.h"
#define NOTIFY_POLICY(ctx)	\
	send_drop_notify_error(ctx, SECLABEL, DROP_POLICY, CTX_ACT_DROP, \
			       METRIC_EGRESS)
#endif

#define SECLABEL	42

__section("from-container")
int handle_xgress(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES-2022: :[[@LINE-1]]:3: warning: 'handle_xgress' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES-2025: :[[@LINE-2]]:3: warning: 'handle_xgress' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-FIXES-2022:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-2022-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-FIXES-2025:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-2025-NEXT: {{^}}					      METRIC_EGRESS);{{$}}
	if (ctx->mark)
		return NOTIFY_POLICY(ctx);
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
