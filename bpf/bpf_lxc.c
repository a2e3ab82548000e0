// SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)
/* Sample endpoint datapath: the tc programs on a container's host-side
 * veth. "from-container" sees what the container sends (egress, from the
 * endpoint's point of view), "to-container" what it receives (ingress).
 *
 * Build flags:
 *   ENABLE_IPV4, ENABLE_IPV6	families handled (at least one)
 *   ENABLE_CT_TAILCALLS	conntrack lookup and what follows it run as
 *				tail calls instead of inline
 *   ENABLE_IPV4_FRAGMENTS	let IPv4 fragments through
 *   ENABLE_SIP_VERIFICATION	the endpoint may send IPv6 from its own
 *				address (LXC_IPV6) only
 * With both families the per-family handlers are tail calls, so that each
 * program stays small.
 */

#include "lib/ep_config.h"
#include "lib/common.h"
#include "lib/ctx.h"
#include "lib/drop.h"
#include "lib/tailcall.h"
#include "lib/ipv4.h"
#include "lib/ipv6.h"
#include "lib/conntrack.h"
#include "lib/policy.h"
#ifdef ENABLE_IPV6
# include "lib/icmp6.h"
#endif

#if !defined(ENABLE_IPV4) && !defined(ENABLE_IPV6)
# error "build with ENABLE_IPV4, ENABLE_IPV6 or both"
#endif

#ifdef ENABLE_IPV4
declare_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
		    CILIUM_CALL_IPV4_FROM_LXC_CONT)
int tail_handle_ipv4_egress_cont(struct __ctx_buff *ctx)
{
	struct ct_buffer4 *ct_buffer;
	void *data, *data_end;
	struct iphdr *ip4;
	__s8 ext_err = 0;
	__u32 zero = 0;
	int ret;

	ct_buffer = map_lookup_elem(&CT_TAIL_CALL_BUFFER4, &zero);
	if (!ct_buffer)
		return send_drop_notify_error(ctx, SECLABEL,
					      DROP_INVALID_TC_BUFFER,
					      CTX_ACT_DROP, METRIC_EGRESS);

	if (!revalidate_data(ctx, &data, &data_end, &ip4))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);

	if (ct_buffer->ret == CT_NEW) {
		ret = ct_create(get_ct_map4(&ct_buffer->tuple),
				&ct_buffer->tuple, ctx, SECLABEL, &ext_err);
		if (IS_ERR(ret))
			return send_drop_notify_error_ext(ctx, SECLABEL, ret,
							  ext_err, CTX_ACT_DROP,
							  METRIC_EGRESS);
	}

	return ipv4_l3_egress(ctx, ip4);
}

TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_EGRESS, tail_ipv4_ct_egress, CT_EGRESS,
		is_defined(ENABLE_CT_TAILCALLS),
		CILIUM_CALL_IPV4_FROM_LXC_CONT, tail_handle_ipv4_egress_cont)

declare_tailcall_if(__and(is_defined(ENABLE_IPV4), is_defined(ENABLE_IPV6)),
		    CILIUM_CALL_IPV4_FROM_LXC)
int tail_handle_ipv4_egress(struct __ctx_buff *ctx)
{
	void *data, *data_end;
	struct iphdr *ip4;
	int hdrlen, ret;

	if (!revalidate_data(ctx, &data, &data_end, &ip4))
		return DROP_INVALID;

	hdrlen = ipv4_valid_hdrlen(ip4);
	if (hdrlen < 0)
		return hdrlen;

	ret = ipv4_frag_check(ip4);
	if (IS_ERR(ret))
		return ret;

	/* Loopback and multicast addresses never leave a host as sources,
	 * nor loopback ones as destinations.
	 */
	if (ipv4_is_loopback(ip4->saddr) || ipv4_is_multicast(ip4->saddr)) {
		ret = DROP_INVALID_SIP;
		goto drop_err;
	}
	if (ipv4_is_loopback(ip4->daddr)) {
		ret = DROP_UNROUTABLE;
		goto drop_err;
	}

	invoke_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
			   CILIUM_CALL_IPV4_CT_EGRESS, tail_ipv4_ct_egress);
drop_err:
	return ret;
}

declare_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
		    CILIUM_CALL_IPV4_POLICY_INGRESS)
int tail_ipv4_policy_ingress(struct __ctx_buff *ctx)
{
	struct ct_buffer4 *ct_buffer;
	__u32 src_label = WORLD_ID;
	void *data, *data_end;
	int hdrlen, l4_off, ret;
	struct iphdr *ip4;
	__s8 ext_err = 0;
	__u32 zero = 0;

	ct_buffer = map_lookup_elem(&CT_TAIL_CALL_BUFFER4, &zero);
	if (!ct_buffer)
		return send_drop_notify_error(ctx, SECLABEL,
					      DROP_INVALID_TC_BUFFER,
					      CTX_ACT_DROP, METRIC_INGRESS);

	if (!revalidate_data(ctx, &data, &data_end, &ip4))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);

	hdrlen = ipv4_valid_hdrlen(ip4);
	if (hdrlen < 0)
		return send_drop_notify_error(ctx, SECLABEL, hdrlen,
					      CTX_ACT_DROP, METRIC_INGRESS);
	l4_off = ETH_HLEN + hdrlen;

	if (ip4->protocol == IPPROTO_ICMP) {
		ret = icmp4_ingress_check(ctx, l4_off);
		if (ret < 0)
			return ret;
	}

	/* Replies to the endpoint's own flows need no policy. */
	if (ct_buffer->ret != CT_NEW)
		return ipv4_l3_ingress(ctx, ip4);

	ret = policy_can_access_ingress(ctx, src_label, ip4->protocol,
					ct_buffer->tuple.dport);
	if (IS_ERR(ret))
		return send_drop_notify(ctx, src_label, SECLABEL, LXC_ID, ret,
					CTX_ACT_DROP, METRIC_INGRESS);

	ret = ct_create(get_ct_map4(&ct_buffer->tuple), &ct_buffer->tuple,
			ctx, src_label, &ext_err);
	if (IS_ERR(ret))
		return send_drop_notify_error_ext(ctx, SECLABEL, ret, ext_err,
						  CTX_ACT_DROP, METRIC_INGRESS);

	return ipv4_l3_ingress(ctx, ip4);
}

TAIL_CT_LOOKUP4(CILIUM_CALL_IPV4_CT_INGRESS, tail_ipv4_ct_ingress, CT_INGRESS,
		is_defined(ENABLE_CT_TAILCALLS),
		CILIUM_CALL_IPV4_POLICY_INGRESS, tail_ipv4_policy_ingress)
#endif /* ENABLE_IPV4 */

#ifdef ENABLE_IPV6
declare_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
		    CILIUM_CALL_IPV6_FROM_LXC_CONT)
int tail_handle_ipv6_egress_cont(struct __ctx_buff *ctx)
{
	struct ct_buffer6 *ct_buffer;
	void *data, *data_end;
	struct ipv6hdr *ip6;
	__s8 ext_err = 0;
	__u32 zero = 0;
	int ret = CTX_ACT_OK;

	ct_buffer = map_lookup_elem(&CT_TAIL_CALL_BUFFER6, &zero);
	if (!ct_buffer)
		return send_drop_notify_error(ctx, SECLABEL,
					      DROP_INVALID_TC_BUFFER,
					      CTX_ACT_DROP, METRIC_EGRESS);

	if (!revalidate_data(ctx, &data, &data_end, &ip6))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);

	if (ct_buffer->ret == CT_NEW) {
		ret = ct_create(get_ct_map6(&ct_buffer->tuple),
				&ct_buffer->tuple, ctx, SECLABEL, &ext_err);
		if (IS_ERR(ret))
			return send_drop_notify_error_ext(ctx, SECLABEL, ret,
							  ext_err, CTX_ACT_DROP,
							  METRIC_EGRESS);
	}

	if (ct_buffer->tuple.nexthdr == NEXTHDR_ICMP) {
		/* ICMPv6 goes through its own filter, tail_icmp6_egress(). */
		ep_tail_call(ctx, CILIUM_CALL_ICMP6_EGRESS);

		return ret;
	}

	return ipv6_l3_egress(ctx, ip6);
}

TAIL_CT_LOOKUP6(CILIUM_CALL_IPV6_CT_EGRESS, tail_ipv6_ct_egress, CT_EGRESS,
		is_defined(ENABLE_CT_TAILCALLS),
		CILIUM_CALL_IPV6_FROM_LXC_CONT, tail_handle_ipv6_egress_cont)

declare_tailcall_if(__and(is_defined(ENABLE_IPV4), is_defined(ENABLE_IPV6)),
		    CILIUM_CALL_IPV6_FROM_LXC)
int tail_handle_ipv6_egress(struct __ctx_buff *ctx)
{
	void *data, *data_end;
	struct ipv6hdr *ip6;
	__u8 nexthdr;
	int hdrlen;
#ifdef ENABLE_SIP_VERIFICATION
	int ret;
#endif

	if (!revalidate_data(ctx, &data, &data_end, &ip6))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);

	nexthdr = ip6->nexthdr;
	hdrlen = ipv6_hdrlen(ctx, &nexthdr);
	if (hdrlen < 0)
		return hdrlen;

#ifdef ENABLE_SIP_VERIFICATION
	if ((ret = ipv6_verify_saddr(ip6)) < 0)
		return ret;
#endif

	invoke_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
			   CILIUM_CALL_IPV6_CT_EGRESS, tail_ipv6_ct_egress);
}

declare_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
		    CILIUM_CALL_IPV6_POLICY_INGRESS)
int tail_ipv6_policy_ingress(struct __ctx_buff *ctx)
{
	struct ct_buffer6 *ct_buffer;
	__u32 src_label = WORLD_ID;
	void *data, *data_end;
	struct ipv6hdr *ip6;
	__s8 ext_err = 0;
	__u32 zero = 0;
	int ret;

	ct_buffer = map_lookup_elem(&CT_TAIL_CALL_BUFFER6, &zero);
	if (!ct_buffer)
		return send_drop_notify_error(ctx, SECLABEL,
					      DROP_INVALID_TC_BUFFER,
					      CTX_ACT_DROP, METRIC_INGRESS);

	if (!revalidate_data(ctx, &data, &data_end, &ip6))
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_INGRESS);

	if (ct_buffer->tuple.nexthdr == NEXTHDR_ICMP) {
		ret = icmp6_ingress_check(ctx, ct_buffer->l4_off);
		if (ret != CTX_ACT_OK)
			return ret;
	}

	/* Replies to the endpoint's own flows need no policy. */
	if (ct_buffer->ret != CT_NEW)
		return CTX_ACT_OK;

	ret = policy_can_access_ingress(ctx, src_label,
					ct_buffer->tuple.nexthdr,
					ct_buffer->tuple.dport);
	if (IS_ERR(ret))
		return send_drop_notify_ext(ctx, src_label, SECLABEL, LXC_ID,
					    ret, 0, CTX_ACT_DROP,
					    METRIC_INGRESS);

	ret = ct_create(get_ct_map6(&ct_buffer->tuple), &ct_buffer->tuple,
			ctx, src_label, &ext_err);
	if (IS_ERR(ret))
		return send_drop_notify_error_ext(ctx, SECLABEL, ret, ext_err,
						  CTX_ACT_DROP, METRIC_INGRESS);

	return CTX_ACT_OK;
}

TAIL_CT_LOOKUP6(CILIUM_CALL_IPV6_CT_INGRESS, tail_ipv6_ct_ingress, CT_INGRESS,
		is_defined(ENABLE_CT_TAILCALLS),
		CILIUM_CALL_IPV6_POLICY_INGRESS, tail_ipv6_policy_ingress)
#endif /* ENABLE_IPV6 */

__section("from-container")
int cil_from_container(struct __ctx_buff *ctx)
{
	__u16 proto;

	if (!validate_ethertype(ctx, &proto))
		return DROP_UNSUPPORTED_L2;

	switch (proto) {
#ifdef ENABLE_IPV4
	case bpf_htons(ETH_P_IP):
		invoke_tailcall_if(__and(is_defined(ENABLE_IPV4),
					 is_defined(ENABLE_IPV6)),
				   CILIUM_CALL_IPV4_FROM_LXC,
				   tail_handle_ipv4_egress);
#endif
#ifdef ENABLE_IPV6
	case bpf_htons(ETH_P_IPV6):
		invoke_tailcall_if(__and(is_defined(ENABLE_IPV4),
					 is_defined(ENABLE_IPV6)),
				   CILIUM_CALL_IPV6_FROM_LXC,
				   tail_handle_ipv6_egress);
#endif
	case bpf_htons(ETH_P_ARP):
		ep_tail_call(ctx, CILIUM_CALL_ARP);
		return DROP_MISSED_TAIL_CALL;
	default:
		return send_drop_notify_error(ctx, SECLABEL, DROP_UNKNOWN_L3,
					      CTX_ACT_DROP, METRIC_EGRESS);
	}
}

__section("to-container")
int cil_to_container(struct __ctx_buff *ctx)
{
	int ret = CTX_ACT_OK;
	__s8 ext_err = 0;
	__u16 proto;

	if (!validate_ethertype(ctx, &proto))
		return send_drop_notify_error(ctx, SECLABEL,
					      DROP_UNSUPPORTED_L2,
					      CTX_ACT_DROP, METRIC_INGRESS);

	switch (proto) {
#ifdef ENABLE_IPV4
	case bpf_htons(ETH_P_IP):
		invoke_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
				   CILIUM_CALL_IPV4_CT_INGRESS,
				   tail_ipv4_ct_ingress);
#endif
#ifdef ENABLE_IPV6
	case bpf_htons(ETH_P_IPV6):
		invoke_tailcall_if(is_defined(ENABLE_CT_TAILCALLS),
				   CILIUM_CALL_IPV6_CT_INGRESS,
				   tail_ipv6_ct_ingress);
#endif
	case bpf_htons(ETH_P_ARP):
		/* The container answers ARP itself; an ARP filter would sit
		 * in its own tail call, whose slot this datapath leaves empty.
		 */
		tail_call_internal(ctx, CILIUM_CALL_ARP_INGRESS, &ext_err);
		break;
	default:
		return DROP_UNKNOWN_L3;
	}

	if (IS_ERR(ret))
		return send_drop_notify_error_ext(ctx, SECLABEL, ret, ext_err,
						  CTX_ACT_DROP, METRIC_INGRESS);
	return ret;
}

/* ARP from the container, in a tail call of its own as an ARP responder
 * would be; this one lets the request through to the host.
 */
__section_tail(CILIUM_MAP_CALLS, CILIUM_CALL_ARP)
int tail_handle_arp(struct __ctx_buff *ctx __maybe_unused)
{
	return CTX_ACT_OK;
}

char __license[] __section("license") = "Dual BSD/GPL";
