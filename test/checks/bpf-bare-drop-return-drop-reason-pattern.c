// DropReasonPattern names the drop reasons of another codebase (ERR_*);
// with NegativeConstantsAreDrops (the default) an integer below -1 is a drop
// reason whatever its name, while -1 (TC_ACT_UNSPEC) is a valid verdict.
//
// RUN: %check_bpf_tidy --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DropReasonPattern: '^ERR_', bpf-bare-drop-return.DefaultDirection: METRIC_INGRESS}}"

#include "drop_2022.h"

#define SECLABEL	42

#define ERR_BAD_HDR	-200
#define ERR_NOT_NEG	3

enum lb_err {
	ERR_NO_BACKEND = -201,
};

SEC("tc")
int lb_entry(struct __sk_buff *ctx)
{
	if (!revalidate_data(ctx))
		return ERR_BAD_HDR;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason 'ERR_BAD_HDR' to the kernel without a drop notification
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, ERR_BAD_HDR,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	if (ctx->mark == 1)
		return ERR_NO_BACKEND;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason 'ERR_NO_BACKEND' to the kernel without a drop notification
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, ERR_NO_BACKEND,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
	if (ctx->mark == 2)
		return -22;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lb_entry' returns drop reason '-22' to the kernel without a drop notification
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, -22, CTX_ACT_DROP,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_INGRESS);{{$}}
	if (ctx->mark == 3)
		return -1;
	if (ctx->mark == 4)
		return ERR_NOT_NEG;
	return CTX_ACT_OK;
}

char __license[] SEC("license") = "GPL";
