//===- PacketBuilderTest.cpp - recipes to bytes ---------------------------===//

#include "verify/PacketBuilder.h"

#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

std::vector<uint8_t> build(StringRef Recipe) {
  Expected<std::vector<uint8_t>> Bytes = buildPacket(Recipe);
  if (!Bytes) {
    ADD_FAILURE() << toString(Bytes.takeError());
    return {};
  }
  return *Bytes;
}

std::string errorOf(StringRef Recipe) {
  Expected<std::vector<uint8_t>> Bytes = buildPacket(Recipe);
  if (Bytes)
    return "";
  return toString(Bytes.takeError());
}

uint16_t be16(const std::vector<uint8_t> &B, size_t At) {
  return (B[At] << 8) | B[At + 1];
}

/// One's complement sum over [From, To) folded: 0xffff for a valid header.
uint16_t onesSum(const std::vector<uint8_t> &B, size_t From, size_t To,
                 uint32_t Sum = 0) {
  for (size_t I = From; I + 1 < To; I += 2)
    Sum += (B[I] << 8) | B[I + 1];
  if ((To - From) % 2)
    Sum += B[To - 1] << 8;
  while (Sum >> 16)
    Sum = (Sum & 0xffff) + (Sum >> 16);
  return Sum;
}

TEST(PacketBuilderTest, IPv4TcpDefaults) {
  std::vector<uint8_t> P = build("ipv4 tcp");
  ASSERT_EQ(P.size(), 14u + 20 + 20);
  // Ethernet: 02:00:00:00:00:02 <- 02:00:00:00:00:01, IPv4.
  EXPECT_EQ(P[5], 2);
  EXPECT_EQ(P[11], 1);
  EXPECT_EQ(be16(P, 12), 0x0800);
  // IPv4: version 4, IHL 5, total length 40, TTL 64, TCP, 10.0.0.1 -> .2.
  EXPECT_EQ(P[14], 0x45);
  EXPECT_EQ(be16(P, 16), 40);
  EXPECT_EQ(P[22], 64);
  EXPECT_EQ(P[23], 6);
  EXPECT_EQ(std::vector<uint8_t>(P.begin() + 26, P.begin() + 34),
            (std::vector<uint8_t>{10, 0, 0, 1, 10, 0, 0, 2}));
  EXPECT_EQ(onesSum(P, 14, 34), 0xffff) << "IPv4 header checksum";
  // TCP: 1234 -> 80, data offset 5.
  EXPECT_EQ(be16(P, 34), 1234);
  EXPECT_EQ(be16(P, 36), 80);
  EXPECT_EQ(P[46], 5 << 4);
  // TCP checksum over the pseudo-header and segment.
  uint32_t Pseudo = 0x0a00 + 0x0001 + 0x0a00 + 0x0002 + 6 + 20;
  EXPECT_EQ(onesSum(P, 34, P.size(), Pseudo), 0xffff) << "TCP checksum";
}

TEST(PacketBuilderTest, IPv6UdpDefaultsAndPayload) {
  std::vector<uint8_t> P = build("ipv6 udp payload=5");
  ASSERT_EQ(P.size(), 14u + 40 + 8 + 5);
  EXPECT_EQ(be16(P, 12), 0x86dd);
  EXPECT_EQ(P[14] >> 4, 6);
  EXPECT_EQ(be16(P, 18), 13); // payload length
  EXPECT_EQ(P[20], 17);       // next header
  EXPECT_EQ(P[21], 64);       // hop limit
  EXPECT_EQ(P[22], 0xfd);     // fd00::1
  EXPECT_EQ(P[37], 1);
  EXPECT_EQ(P[53], 2); // fd00::2
  EXPECT_EQ(be16(P, 54), 1234);
  EXPECT_EQ(be16(P, 56), 80);
  EXPECT_EQ(be16(P, 58), 13); // UDP length
  uint32_t Pseudo = onesSum(P, 22, 54) + 13 + 17;
  EXPECT_EQ(onesSum(P, 54, P.size(), Pseudo), 0xffff) << "UDP checksum";
}

TEST(PacketBuilderTest, IcmpTypes) {
  std::vector<uint8_t> V4 = build("ipv4 icmp");
  ASSERT_EQ(V4.size(), 14u + 20 + 8);
  EXPECT_EQ(V4[23], 1);
  EXPECT_EQ(V4[34], 8) << "echo request by default";
  EXPECT_EQ(onesSum(V4, 34, V4.size()), 0xffff);
  EXPECT_EQ(build("ipv4 icmp icmp_type=5")[34], 5);
  std::vector<uint8_t> V6 = build("ipv6 icmpv6 icmp_type=137");
  EXPECT_EQ(V6[20], 58);
  EXPECT_EQ(V6[54], 137);
}

TEST(PacketBuilderTest, AddressesPortsAndTtl) {
  std::vector<uint8_t> P =
      build("ipv4 udp saddr=192.168.1.7 daddr=8.8.8.8 sport=5353 dport=53 "
            "ttl=1");
  EXPECT_EQ(P[26], 192);
  EXPECT_EQ(P[29], 7);
  EXPECT_EQ(P[30], 8);
  EXPECT_EQ(be16(P, 34), 5353);
  EXPECT_EQ(be16(P, 36), 53);
  EXPECT_EQ(P[22], 1);
  EXPECT_EQ(onesSum(P, 14, 34), 0xffff);
  std::vector<uint8_t> Q = build("ipv6 tcp daddr=2001:db8::9 hoplimit=3");
  EXPECT_EQ(Q[21], 3);
  EXPECT_EQ(be16(Q, 38), 0x2001);
  EXPECT_EQ(Q[53], 9);
}

TEST(PacketBuilderTest, FieldOverridesKeepTheBytes) {
  // ihl= changes the field only: the header is still 20 bytes long.
  std::vector<uint8_t> P = build("ipv4 tcp ihl=4");
  EXPECT_EQ(P.size(), 54u);
  EXPECT_EQ(P[14], 0x44);
  EXPECT_EQ(onesSum(P, 14, 34), 0xffff) << "checksum over what is written";
  EXPECT_EQ(be16(build("ipv4 tcp tot_len=100"), 16), 100);
  std::vector<uint8_t> Q = build("ipv6 tcp payload_len=7");
  EXPECT_EQ(be16(Q, 18), 7);
  EXPECT_EQ(Q.size(), 74u);
}

TEST(PacketBuilderTest, FragmentsOptionsAndExtensionHeaders) {
  EXPECT_EQ(be16(build("ipv4 udp frag=0,mf"), 20), 0x2000);
  EXPECT_EQ(be16(build("ipv4 udp frag=185"), 20), 185);
  EXPECT_EQ(be16(build("ipv4 udp frag=185,mf"), 20), 0x2000 | 185);

  std::vector<uint8_t> Opt = build("ipv4 tcp options=8");
  ASSERT_EQ(Opt.size(), 14u + 28 + 20);
  EXPECT_EQ(Opt[14], 0x47);
  EXPECT_EQ(be16(Opt, 16), 48);
  EXPECT_EQ(Opt[34], 1) << "NOP";
  EXPECT_EQ(Opt[41], 1);
  EXPECT_EQ(onesSum(Opt, 14, 42), 0xffff);
  EXPECT_EQ(be16(Opt, 42), 1234) << "TCP after the options";

  std::vector<uint8_t> Hop = build("ipv6 tcp exthdr=hop");
  ASSERT_EQ(Hop.size(), 14u + 40 + 8 + 20);
  EXPECT_EQ(Hop[20], 0) << "next header: hop-by-hop";
  EXPECT_EQ(Hop[54], 6) << "hop-by-hop's next header: TCP";
  EXPECT_EQ(be16(Hop, 18), 28);
  EXPECT_EQ(be16(Hop, 62), 1234);

  // A chain: each header names the next, the last one L4.
  std::vector<uint8_t> Chain = build("ipv6 udp exthdr=dest,routing,frag");
  ASSERT_EQ(Chain.size(), 14u + 40 + 24 + 8);
  EXPECT_EQ(Chain[20], 60) << "next header: destination options";
  EXPECT_EQ(Chain[54], 43) << "then routing";
  EXPECT_EQ(Chain[62], 44) << "then fragment";
  EXPECT_EQ(Chain[70], 17) << "then UDP";
  EXPECT_EQ(be16(Chain, 18), 32);
  EXPECT_EQ(be16(Chain, 72), 0) << "fragment offset 0, last fragment";
  EXPECT_EQ(be16(Chain, 78), 1234) << "UDP after the chain";
  // IPV6-style parsers give up after a few headers: five in a row.
  EXPECT_EQ(build("ipv6 tcp exthdr=hop,dest,dest,dest,dest").size(),
            14u + 40 + 40 + 20);
}

TEST(PacketBuilderTest, UnknownExtensionHeader) {
  llvm::Expected<std::vector<uint8_t>> Bad =
      buildPacket("ipv6 tcp exthdr=hop,esp");
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("not 'esp'"),
            std::string::npos);
}

TEST(PacketBuilderTest, UnknownProtocols) {
  std::vector<uint8_t> Raw = build("ipv4 proto=47");
  EXPECT_EQ(Raw.size(), 14u + 20 + 8);
  EXPECT_EQ(Raw[23], 47);
  EXPECT_EQ(build("ipv6 proto=59")[20], 59);
  std::vector<uint8_t> L2 = build("ethertype=0x88b5");
  EXPECT_EQ(L2.size(), 14u);
  EXPECT_EQ(be16(L2, 12), 0x88b5);
  EXPECT_EQ(build("ethertype=0x0100 payload=46").size(), 60u);
  std::vector<uint8_t> Arp = build("arp");
  ASSERT_EQ(Arp.size(), 14u + 28);
  EXPECT_EQ(be16(Arp, 12), 0x0806);
  EXPECT_EQ(be16(Arp, 20), 1) << "request";
  EXPECT_EQ(Arp[41], 2) << "target 10.0.0.2";
}

TEST(PacketBuilderTest, Truncate) {
  EXPECT_EQ(build("ipv4 tcp truncate=20").size(), 20u);
  EXPECT_EQ(build("ipv4 tcp truncate=14").size(), 14u);
  // The finished packet is cut: fields still describe the whole packet.
  EXPECT_EQ(be16(build("ipv4 tcp truncate=40"), 16), 40);
}

TEST(PacketBuilderTest, LaterWordsWin) {
  EXPECT_EQ(build("ipv4 tcp ttl=3 ttl=9")[22], 9);
}

TEST(PacketBuilderTest, BlanksAreSeparators) {
  EXPECT_EQ(build("  ipv4   tcp  "), build("ipv4 tcp"));
}

TEST(PacketBuilderTest, Errors) {
  EXPECT_EQ(errorOf(""), "packet recipe '': empty recipe");
  EXPECT_EQ(errorOf("ipx tcp"),
            "packet recipe 'ipx tcp': the first word must be ipv4, ipv6, arp "
            "or ethertype=N, not 'ipx'");
  EXPECT_EQ(errorOf("ipv4 tcp bogus=1"),
            "packet recipe 'ipv4 tcp bogus=1': unknown word 'bogus=1'");
  EXPECT_EQ(errorOf("ipv4 tcp truncate=13"),
            "packet recipe 'ipv4 tcp truncate=13': 'truncate=13' is below 14 "
            "bytes (tc test runs need an Ethernet header)");
  EXPECT_EQ(errorOf("ipv4 tcp truncate=100"),
            "packet recipe 'ipv4 tcp truncate=100': 'truncate=100' is longer "
            "than the packet (54 bytes)");
  EXPECT_EQ(errorOf("ipv6 icmp"),
            "packet recipe 'ipv6 icmp': 'icmp' needs ipv4 (use icmpv6 with "
            "ipv6)");
  EXPECT_EQ(errorOf("ipv4 udp ihl=16"),
            "packet recipe 'ipv4 udp ihl=16': 'ihl=16' needs a number up to "
            "15");
  EXPECT_EQ(errorOf("ipv4 udp options=6"),
            "packet recipe 'ipv4 udp options=6': 'options=' must be a multiple "
            "of 4 (IHL counts words)");
  EXPECT_EQ(errorOf("ipv6 udp ttl=3"),
            "packet recipe 'ipv6 udp ttl=3': 'ttl=' needs ipv4 (use hoplimit= "
            "with ipv6)");
  EXPECT_EQ(errorOf("ipv4 icmp dport=1"),
            "packet recipe 'ipv4 icmp dport=1': 'dport=' needs tcp or udp");
  EXPECT_EQ(errorOf("ipv4 udp saddr=fd00::1"),
            "packet recipe 'ipv4 udp saddr=fd00::1': 'saddr=fd00::1' is not "
            "an IPv4 address");
  EXPECT_EQ(errorOf("ipv4 ttl=3 tcp"),
            "packet recipe 'ipv4 ttl=3 tcp': 'tcp' must be the second word");
  EXPECT_EQ(errorOf("arp tcp"),
            "packet recipe 'arp tcp': 'tcp' needs ipv4 or ipv6");
  EXPECT_EQ(errorOf("ipv4 frag=1,xx"),
            "packet recipe 'ipv4 frag=1,xx': 'frag=' takes OFFSET or "
            "OFFSET,mf, not '1,xx'");
}

TEST(PacketBuilderTest, MinimumTestRunSize) {
  EXPECT_EQ(minimumTestRunSize(build("ipv4 tcp truncate=20")), 34u);
  EXPECT_EQ(minimumTestRunSize(build("ipv6 tcp truncate=20")), 54u);
  EXPECT_EQ(minimumTestRunSize(build("arp")), 14u);
  EXPECT_EQ(minimumTestRunSize(build("ethertype=0x88b5")), 14u);
}

} // namespace
