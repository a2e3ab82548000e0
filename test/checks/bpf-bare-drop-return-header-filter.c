// --header-filter narrows the headers whose findings are shown (and fixed),
// as in clang-tidy: here it matches no header, so the site in
// Inputs/nat_tail.h is neither reported nor edited.
//
// RUN: %check_bpf_tidy --check-header=nat_tail.h %s %t -- --header-filter='lib/.*'

#define SECLABEL	42

#include "nat_tail.h"

// CHECK-HEADER-FIXES:      {{^}}	if (!revalidate_data(ctx)){{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}		return DROP_INVALID;{{$}}

char __license[] SEC("license") = "GPL";
