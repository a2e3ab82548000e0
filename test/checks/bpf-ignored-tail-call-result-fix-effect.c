// A fix of an ignored tail-call result (`ret = invoke(...)`) shows at run
// time not at its edit but where the error block further down notifies the
// assigned value: a note of reason "fix-effect" points at that
// notification, at the line its __LINE__ takes (the expansion of a
// notification macro), once per error block the site's expansions reach.
// No fix (no error block), no such note.
//
// RUN: %check_bpf_tidy --check=bpf-ignored-tail-call-result --check-suffixes=TAIL --compile %s %t -- -- -DENABLE_HOST_FIREWALL

#include "tailcall_2023.h"

#define SECLABEL	42

SEC("tc")
int cil_from_container(struct __sk_buff *ctx)
{
	__s8 ext_err = 0;
	int ret = CTX_ACT_OK;

	if (ctx->mark)
		tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC, &ext_err);
// CHECK-NOTES-TAIL: :[[@LINE-1]]:3: warning: the value of tail-call invocation 'tail_call_internal' is discarded
// CHECK-NOTES-TAIL: :[[@LINE+4]]:2: note: the error block that notifies 'ret'
// CHECK-NOTES-TAIL: :[[@LINE+4]]:10: note: the assigned value is notified here: where the fix shows at run time
// CHECK-FIXES-TAIL: {{^}}		ret = tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC, &ext_err);{{$}}

	if (ret < 0)
		return send_drop_notify_error_ext(ctx, SECLABEL, ret, ext_err,
						  CTX_ACT_DROP, METRIC_EGRESS);
	return ret;
}

SEC("tc")
int cil_to_container(struct __sk_buff *ctx)
{
	__s8 ext_err = 0;

	if (ctx->mark)
		tail_call_internal(ctx, CILIUM_CALL_IPV4_FROM_LXC, &ext_err);
// CHECK-NOTES-TAIL: :[[@LINE-1]]:3: warning: the value of tail-call invocation 'tail_call_internal' is discarded
// CHECK-NOTES-TAIL: :[[@LINE-2]]:3: note: no fix offered: no error block after it notifies a variable
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
