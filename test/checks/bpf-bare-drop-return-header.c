// A drop site in a project header (Inputs/nat_tail.h) is reported and fixed
// in the header: bpf-tidy's default --header-filter is '.*'; stock
// clang-tidy shows no header findings by default, so it is given '.*' to
// compare the two front doors.
//
// RUN: %check_bpf_tidy --check-header=nat_tail.h --compile %s %t -- --header-filter='.*'
// RUN: %check_bpf_tidy --front-door=bpf-tidy --check-header=nat_tail.h --compile %s %t

#define SECLABEL	42

#include "nat_tail.h"

// CHECK-MESSAGES: nat_tail.h:12:3: warning: 'tail_nat_fwd' returns drop reason 'DROP_INVALID' to the kernel without a drop notification: the drop is silent, and the kernel takes the value for an unknown verdict and may let the packet pass [bpf-bare-drop-return]
// CHECK-MESSAGES: nat_tail.h:12:3: note: drop direction taken from other drop notifications in 'tail_nat_fwd'

// CHECK-HEADER-FIXES:      {{^}}	if (!revalidate_data(ctx)){{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_EGRESS);{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}	if (ctx->mark){{$}}

char __license[] SEC("license") = "GPL";
