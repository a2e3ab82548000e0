// Every name a fix writes must be defined where the fix is compiled, not
// merely somewhere in the translation unit: this program defines SECLABEL
// after it includes Inputs/group_tail.h, whose tail calls drop. A site
// whose function names its source in another notification takes that name
// (UNKNOWN_ID, defined before it); a site with nothing else to take gets
// no fix, and the note says where SECLABEL is defined. A program that
// defines SECLABEL first gets the fix (the second run).
//
// RUN: %check_bpf_tidy --front-door=bpf-tidy --check-header=group_tail.h --compile %s %t -- \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DirectionRules: 'tail_group_=METRIC_INGRESS'}}" \
// RUN:   -- -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement
// RUN: %check_bpf_tidy --check-suffix=EARLY --check-header=group_tail.h --compile %s %t.early -- \
// RUN:   --header-filter='.*' \
// RUN:   -config="{CheckOptions: {bpf-bare-drop-return.DirectionRules: 'tail_group_=METRIC_INGRESS'}}" \
// RUN:   -- -DSECLABEL_FIRST -std=gnu89 -Werror -Wall -Wextra -Wshadow -Wdeclaration-after-statement

#ifdef SECLABEL_FIRST
#define SECLABEL	42
#endif

#include "group_tail.h"

#ifndef SECLABEL_FIRST
#define SECLABEL	42
#endif

// CHECK-MESSAGES: group_tail.h:19:3: warning: 'tail_group_fanout' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: group_tail.h:19:3: note: taken from the other drop notifications in that direction in the same function: ${src} UNKNOWN_ID
// CHECK-MESSAGES: group_tail.h:32:3: warning: 'tail_group_join' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES: group_tail.h:32:3: note: no fix offered: ${src}: 'SECLABEL' is not defined at group_tail.h:32, where the fix is compiled (it is defined at bpf-bare-drop-return-source-defined-at-site.c:24)

// CHECK-HEADER-FIXES:      {{^}}		return send_drop_notify_error(ctx, UNKNOWN_ID, DROP_INVALID,{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}
// CHECK-HEADER-FIXES:      {{^}}int tail_group_join(struct __sk_buff *ctx){{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}{{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}	if (!revalidate_data(ctx)){{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}		return DROP_INVALID;{{$}}

// CHECK-MESSAGES-EARLY: group_tail.h:19:3: warning: 'tail_group_fanout' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-MESSAGES-EARLY: group_tail.h:32:3: warning: 'tail_group_join' returns drop reason 'DROP_INVALID' to the kernel
// CHECK-HEADER-FIXES-EARLY:      {{^}}int tail_group_join(struct __sk_buff *ctx){{$}}
// CHECK-HEADER-FIXES-EARLY-NEXT: {{^}}{{{$}}
// CHECK-HEADER-FIXES-EARLY-NEXT: {{^}}	if (!revalidate_data(ctx)){{$}}
// CHECK-HEADER-FIXES-EARLY-NEXT: {{^}}		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,{{$}}
// CHECK-HEADER-FIXES-EARLY-NEXT: {{^}}					      CTX_ACT_DROP, METRIC_INGRESS);{{$}}

char __license[] SEC("license") = "GPL";
