//===- PacketCorpus.cpp - the packets every program is run on -------------===//

#include "verify/PacketCorpus.h"

#include "verify/PacketBuilder.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace bpftidy::verify {

std::string normalizeRecipe(StringRef Recipe) {
  SmallVector<StringRef, 8> Words;
  SplitString(Recipe, Words);
  return join(Words, " ");
}

std::vector<std::string> generatedRecipes() {
  std::vector<std::string> R;
  // Well-formed traffic of every L4 protocol, both address families.
  for (const char *Base : {"ipv4 tcp", "ipv4 udp", "ipv4 icmp", "ipv6 tcp",
                           "ipv6 udp", "ipv6 icmpv6"}) {
    R.push_back(Base);
    R.push_back(std::string(Base) + " payload=64");
  }
  R.push_back("ipv4 tcp dport=443 sport=40000");
  R.push_back("ipv4 udp dport=53");
  R.push_back("ipv4 tcp saddr=192.168.1.1 daddr=10.0.0.1");
  R.push_back("ipv6 tcp dport=443 sport=40000");
  R.push_back("ipv6 udp dport=53 saddr=fd00::10 daddr=fd00::1");
  R.push_back("ipv4 icmp icmp_type=0");
  R.push_back("ipv6 icmpv6 icmp_type=129");
  R.push_back("ipv6 icmpv6 icmp_type=135");
  R.push_back("ipv4 tcp ttl=1");
  R.push_back("ipv4 tcp ttl=0");
  R.push_back("ipv6 udp hoplimit=1");

  // Truncations at every header boundary and inside each header. Ethernet
  // is 14 bytes, IPv4 20, IPv6 40, TCP 20, UDP and ICMP 8.
  for (unsigned N : {14u, 15u, 20u, 33u, 34u, 40u, 53u})
    R.push_back("ipv4 tcp truncate=" + std::to_string(N));
  for (unsigned N : {34u, 38u, 41u})
    R.push_back("ipv4 udp truncate=" + std::to_string(N));
  R.push_back("ipv4 icmp truncate=38");
  for (unsigned N : {14u, 30u, 53u, 54u, 60u, 73u})
    R.push_back("ipv6 tcp truncate=" + std::to_string(N));
  for (unsigned N : {54u, 58u, 61u})
    R.push_back("ipv6 udp truncate=" + std::to_string(N));
  R.push_back("ipv6 icmpv6 truncate=58");

  // Header length and total length fields that lie.
  for (unsigned Ihl : {0u, 3u, 4u, 6u, 15u})
    R.push_back("ipv4 tcp ihl=" + std::to_string(Ihl));
  R.push_back("ipv4 udp ihl=4");
  for (unsigned Len : {0u, 10u, 19u, 30u, 1500u, 65535u})
    R.push_back("ipv4 tcp tot_len=" + std::to_string(Len));
  for (unsigned Len : {0u, 4u, 19u, 1500u, 65535u})
    R.push_back("ipv6 tcp payload_len=" + std::to_string(Len));
  R.push_back("ipv6 udp payload_len=0");

  // Unknown or unusual L3 and L4.
  R.push_back("arp");
  for (const char *Type :
       {"0x0000", "0x8100", "0x88cc", "0x8847", "0x0800", "0x86dd"})
    R.push_back(std::string("ethertype=") + Type + " payload=46");
  R.push_back("ethertype=0x0800");
  for (unsigned Proto : {0u, 47u, 50u, 132u, 255u})
    R.push_back("ipv4 proto=" + std::to_string(Proto));
  for (unsigned Proto : {47u, 59u, 132u})
    R.push_back("ipv6 proto=" + std::to_string(Proto));
  R.push_back("ipv4 proto=58");
  R.push_back("ipv6 proto=1");

  // Fragments: first, middle, last; and the non-first ones without L4.
  R.push_back("ipv4 udp frag=0,mf");
  R.push_back("ipv4 udp frag=185,mf");
  R.push_back("ipv4 udp frag=185");
  R.push_back("ipv4 tcp frag=1");
  R.push_back("ipv4 tcp frag=0,mf payload=32");

  // IPv4 options and IPv6 extension headers before L4.
  for (unsigned N : {4u, 8u, 40u})
    R.push_back("ipv4 tcp options=" + std::to_string(N));
  R.push_back("ipv4 udp options=12 payload=16");
  R.push_back("ipv4 tcp options=40 truncate=60");
  R.push_back("ipv6 tcp exthdr=hop");
  R.push_back("ipv6 udp exthdr=hop");
  R.push_back("ipv6 icmpv6 exthdr=hop");
  R.push_back("ipv6 tcp exthdr=hop truncate=60");
  // Extension-header chains parsers refuse: a fragment header, and more
  // headers than a parser walks (Cilium: IPV6_MAX_HEADERS, 4).
  R.push_back("ipv6 udp exthdr=frag");
  R.push_back("ipv6 tcp exthdr=dest,routing");
  R.push_back("ipv6 tcp exthdr=hop,dest,dest,dest,dest");
  return R;
}

Expected<std::vector<CorpusPacket>>
buildCorpus(ArrayRef<std::string> SiteRecipes) {
  std::vector<CorpusPacket> Corpus;
  StringSet<> Seen;
  auto Add = [&](StringRef Recipe) -> Error {
    std::string Name = normalizeRecipe(Recipe);
    if (!Seen.insert(Name).second)
      return Error::success();
    Expected<std::vector<uint8_t>> Bytes = buildPacket(Name);
    if (!Bytes)
      return Bytes.takeError();
    Corpus.push_back({Name, std::move(*Bytes)});
    return Error::success();
  };
  for (const std::string &Recipe : SiteRecipes)
    if (Error E = Add(Recipe))
      return E;
  for (const std::string &Recipe : generatedRecipes())
    if (Error E = Add(Recipe))
      return E;
  return Corpus;
}

} // namespace bpftidy::verify
