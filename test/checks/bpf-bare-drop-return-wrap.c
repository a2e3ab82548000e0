// Layout of fixes. Outside macros: kept on one line up to 80 columns, else
// wrapped after a comma with the arguments aligned under the first one, or
// one tab deeper than the line when even that does not fit. Inside a macro
// body: the \ stays at its column on the edited line and every new line
// gets an aligned \ of its own.
//
// RUN: %check_bpf_tidy --compile %s %t

#include "drop_2025.h"

#define SECLABEL	42
#define DROP_NOMEM	-150

#define SHORT_BODY(NAME, KEY)						\
__section_tail(CILIUM_MAP_CALLS, KEY)					\
int NAME(struct __sk_buff *ctx)						\
{									\
	if (!ctx->len) return DROP_INVALID;				\
	return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,	\
				      METRIC_INGRESS);			\
}
// CHECK-MESSAGES: :[[@LINE-4]]:17: warning: functions expanded from 'SHORT_BODY' return drop reason 'DROP_INVALID'
// CHECK-FIXES:      {{^}}{									\{{$}}
// CHECK-FIXES-NEXT: {{^}}	if (!ctx->len) return send_drop_notify_error(ctx, SECLABEL,	\{{$}}
// CHECK-FIXES-NEXT: {{^}}						     DROP_INVALID,	\{{$}}
// CHECK-FIXES-NEXT: {{^}}						     METRIC_INGRESS);	\{{$}}
// CHECK-FIXES-NEXT: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,	\{{$}}

SHORT_BODY(tail_short, CILIUM_CALL_IPV4_FROM_LXC)

SEC("tc")
int x(struct __sk_buff *ctx)
{
	if (!ctx->len)
		return DROP_INVALID;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'x' returns drop reason 'DROP_INVALID'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}
	switch (ctx->protocol) {
	case 1:
		if (ctx->mark) {
			if (ctx->priority) {
				if (ctx->queue_mapping)
					return DROP_UNKNOWN_L3;
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'x' returns drop reason 'DROP_UNKNOWN_L3'
// CHECK-FIXES:      {{^}}					return send_drop_notify_error(ctx,{{$}}
// CHECK-FIXES-NEXT: {{^}}						SECLABEL, DROP_UNKNOWN_L3,{{$}}
// CHECK-FIXES-NEXT: {{^}}						METRIC_EGRESS);{{$}}
			}
		}
	}
	return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,
				      METRIC_EGRESS);
}

char __license[] SEC("license") = "GPL";

/* 81 columns: wrapped; exactly 80: kept. */
SEC("tc")
int y(struct __sk_buff *ctx)
{
	if (ctx->mark)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      METRIC_EGRESS);
	if (ctx->priority)
		return DROP_POLICY;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'y' returns drop reason 'DROP_POLICY'
// CHECK-FIXES:      {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_POLICY,{{$}}
// CHECK-FIXES-NEXT: {{^}}					      METRIC_EGRESS);{{$}}
	return DROP_NOMEM;
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: 'y' returns drop reason 'DROP_NOMEM'
// CHECK-FIXES: {{^}}	return send_drop_notify_error(ctx, SECLABEL, DROP_NOMEM, METRIC_EGRESS);{{$}}
}
