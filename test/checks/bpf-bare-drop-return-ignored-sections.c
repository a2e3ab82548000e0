// IgnoredSections: a kprobe (or tracing, or map/license) section holds no
// packet program; its negative return is not a verdict. Not reported.
//
// RUN: %check_bpf_tidy %s %t

#include "drop_2022.h"

SEC("kprobe/tcp_v4_connect")
int trace_connect(void *regs)
{
	if (!regs)
		return DROP_INVALID;
	return -22;
}

SEC("fentry/ip_rcv")
int trace_ip_rcv(void *args)
{
	return args ? 0 : DROP_UNKNOWN_L3;
}

// CHECK-FIXES: {{^}}		return DROP_INVALID;{{$}}
// CHECK-FIXES: {{^}}	return -22;{{$}}

char __license[] SEC("license") = "GPL";
