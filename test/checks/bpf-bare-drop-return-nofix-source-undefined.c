// SourceExpression names something this translation unit does not define
// (here the default SECLABEL, which each Cilium program defines itself): no
// fix, and the note says so. (The function's own notification passes an
// expression, which is not copied: SourceExpression is asked for.)
//
// RUN: %check_bpf_tidy %s %t

#include "drop_2022.h"

SEC("tc")
int from_container(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'from_container' returns drop reason 'DROP_INVALID' to the kernel without a drop notification
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix offered: 'SECLABEL' (${src}) is not defined in this translation unit
// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
	return send_drop_notify_error(ctx, ctx->mark >> 16, DROP_POLICY,
				      CTX_ACT_DROP, METRIC_EGRESS);
}

char __license[] SEC("license") = "GPL";
