//===- PacketBuilder.cpp - packet recipes to bytes ------------------------===//

#include "verify/PacketBuilder.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <arpa/inet.h>
#include <array>
#include <optional>
#include <tuple>

using namespace llvm;

namespace bpftidy::verify {
namespace {

enum class Network { IPv4, IPv6, ARP, Raw };
enum class Transport { None, TCP, UDP, ICMP, ICMPv6, Raw };

constexpr uint16_t EtherTypeIPv4 = 0x0800;
constexpr uint16_t EtherTypeIPv6 = 0x86dd;
constexpr uint16_t EtherTypeARP = 0x0806;
constexpr uint8_t ProtoICMP = 1, ProtoTCP = 6, ProtoUDP = 17, ProtoICMPv6 = 58;

/// The IPv6 extension headers a recipe can chain, by their next-header
/// number; each is written 8 bytes long.
constexpr std::pair<const char *, uint8_t> ExtensionHeaders[] = {
    {"hop", 0}, {"routing", 43}, {"frag", 44}, {"dest", 60}};

/// Everything a recipe can say; defaults are those of docs/formats.md.
struct PacketSpec {
  Network L3 = Network::Raw;
  uint16_t EtherType = 0;
  Transport L4 = Transport::None;
  uint8_t Protocol = 0;
  std::array<uint8_t, 4> Saddr4{10, 0, 0, 1}, Daddr4{10, 0, 0, 2};
  std::array<uint8_t, 16> Saddr6{0xfd, 0, 0, 0, 0, 0, 0, 0,
                                 0,    0, 0, 0, 0, 0, 0, 1};
  std::array<uint8_t, 16> Daddr6{0xfd, 0, 0, 0, 0, 0, 0, 0,
                                 0,    0, 0, 0, 0, 0, 0, 2};
  uint16_t Sport = 1234, Dport = 80;
  uint8_t Ttl = 64;
  std::optional<uint8_t> Ihl;
  std::optional<uint16_t> TotLen, PayloadLen;
  uint16_t FragOffset = 0;
  bool MoreFragments = false;
  unsigned OptionBytes = 0;
  /// IPv6 extension headers before L4, in order (next-header numbers).
  std::vector<uint8_t> ExtHeaders;
  std::optional<uint8_t> IcmpType;
  unsigned Payload = 0;
  std::optional<size_t> Truncate;
};

class Bytes {
public:
  void u8(uint8_t V) { Data.push_back(V); }
  void u16(uint16_t V) {
    u8(V >> 8);
    u8(V & 0xff);
  }
  void u32(uint32_t V) {
    u16(V >> 16);
    u16(V & 0xffff);
  }
  void append(ArrayRef<uint8_t> B) {
    Data.insert(Data.end(), B.begin(), B.end());
  }
  void zeros(size_t N) { Data.insert(Data.end(), N, 0); }
  void put16(size_t At, uint16_t V) {
    Data[At] = V >> 8;
    Data[At + 1] = V & 0xff;
  }
  size_t size() const { return Data.size(); }
  std::vector<uint8_t> Data;
};

/// The Internet checksum of \p B, continuing from the partial sum \p Sum.
uint16_t internetChecksum(ArrayRef<uint8_t> B, uint32_t Sum = 0) {
  for (size_t I = 0; I + 1 < B.size(); I += 2)
    Sum += (B[I] << 8) | B[I + 1];
  if (B.size() % 2)
    Sum += B.back() << 8;
  while (Sum >> 16)
    Sum = (Sum & 0xffff) + (Sum >> 16);
  return ~Sum & 0xffff;
}

uint32_t partialSum(ArrayRef<uint8_t> B) {
  uint32_t Sum = 0;
  for (size_t I = 0; I + 1 < B.size(); I += 2)
    Sum += (B[I] << 8) | B[I + 1];
  return Sum;
}

class RecipeParser {
public:
  explicit RecipeParser(StringRef Recipe) : Recipe(Recipe) {}

  Expected<PacketSpec> parse() {
    SmallVector<StringRef, 8> Words;
    SplitString(Recipe, Words);
    if (Words.empty())
      return fail("empty recipe");
    if (Error E = parseNetwork(Words[0]))
      return E;
    size_t I = 1;
    if (I < Words.size() && isTransportWord(Words[I])) {
      if (Error E = parseTransport(Words[I]))
        return E;
      ++I;
    }
    for (; I < Words.size(); ++I)
      if (Error E = parseModifier(Words[I]))
        return E;
    return Spec;
  }

private:
  Error fail(const Twine &Message) {
    return createStringError(inconvertibleErrorCode(),
                             "packet recipe '" + Recipe + "': " + Message);
  }

  template <typename T>
  Error number(StringRef Key, StringRef Value, T &Out, uint64_t Max) {
    uint64_t V;
    if (Value.getAsInteger(0, V) || V > Max)
      return fail("'" + Key + "=" + Value + "' needs a number up to " +
                  Twine(Max));
    Out = static_cast<T>(V);
    return Error::success();
  }

  static bool isTransportWord(StringRef W) {
    return W == "tcp" || W == "udp" || W == "icmp" || W == "icmpv6" ||
           W.starts_with("proto=");
  }

  Error parseNetwork(StringRef W) {
    if (W == "ipv4") {
      Spec.L3 = Network::IPv4;
      Spec.EtherType = EtherTypeIPv4;
    } else if (W == "ipv6") {
      Spec.L3 = Network::IPv6;
      Spec.EtherType = EtherTypeIPv6;
    } else if (W == "arp") {
      Spec.L3 = Network::ARP;
      Spec.EtherType = EtherTypeARP;
    } else if (W.consume_front("ethertype=")) {
      Spec.L3 = Network::Raw;
      return number("ethertype", W, Spec.EtherType, 0xffff);
    } else {
      return fail("the first word must be ipv4, ipv6, arp or ethertype=N, "
                  "not '" +
                  W + "'");
    }
    return Error::success();
  }

  Error parseTransport(StringRef W) {
    bool IsIP = Spec.L3 == Network::IPv4 || Spec.L3 == Network::IPv6;
    if (!IsIP)
      return fail("'" + W + "' needs ipv4 or ipv6");
    if (W == "tcp") {
      Spec.L4 = Transport::TCP;
      Spec.Protocol = ProtoTCP;
    } else if (W == "udp") {
      Spec.L4 = Transport::UDP;
      Spec.Protocol = ProtoUDP;
    } else if (W == "icmp") {
      if (Spec.L3 != Network::IPv4)
        return fail("'icmp' needs ipv4 (use icmpv6 with ipv6)");
      Spec.L4 = Transport::ICMP;
      Spec.Protocol = ProtoICMP;
    } else if (W == "icmpv6") {
      if (Spec.L3 != Network::IPv6)
        return fail("'icmpv6' needs ipv6 (use icmp with ipv4)");
      Spec.L4 = Transport::ICMPv6;
      Spec.Protocol = ProtoICMPv6;
    } else {
      W.consume_front("proto=");
      Spec.L4 = Transport::Raw;
      return number("proto", W, Spec.Protocol, 255);
    }
    return Error::success();
  }

  Error address(StringRef Key, StringRef Value, bool Source) {
    std::string Text = Value.str();
    if (Spec.L3 == Network::IPv4 || Spec.L3 == Network::ARP) {
      auto &Out = Source ? Spec.Saddr4 : Spec.Daddr4;
      if (inet_pton(AF_INET, Text.c_str(), Out.data()) != 1)
        return fail("'" + Key + "=" + Value + "' is not an IPv4 address");
      return Error::success();
    }
    if (Spec.L3 == Network::IPv6) {
      auto &Out = Source ? Spec.Saddr6 : Spec.Daddr6;
      if (inet_pton(AF_INET6, Text.c_str(), Out.data()) != 1)
        return fail("'" + Key + "=" + Value + "' is not an IPv6 address");
      return Error::success();
    }
    return fail("'" + Key + "=' needs ipv4, ipv6 or arp");
  }

  Error parseModifier(StringRef W) {
    // Not a structured binding: the lambda below captures Key, which
    // C++17 does not allow for a binding.
    StringRef Key, Value;
    std::tie(Key, Value) = W.split('=');
    if (!W.contains('=') || Value.empty()) {
      if (isTransportWord(W))
        return fail("'" + W + "' must be the second word");
      return fail("expected key=value, not '" + W + "'");
    }
    bool IPv4 = Spec.L3 == Network::IPv4, IPv6 = Spec.L3 == Network::IPv6;
    auto Needs = [&](bool Ok, StringRef What) -> Error {
      if (Ok)
        return Error::success();
      return fail("'" + Key + "=' needs " + What);
    };
    if (Key == "saddr" || Key == "daddr")
      return address(Key, Value, Key == "saddr");
    if (Key == "sport" || Key == "dport") {
      if (Error E =
              Needs(Spec.L4 == Transport::TCP || Spec.L4 == Transport::UDP,
                    "tcp or udp"))
        return E;
      return number(Key, Value, Key == "sport" ? Spec.Sport : Spec.Dport,
                    0xffff);
    }
    if (Key == "ttl") {
      if (Error E = Needs(IPv4, "ipv4 (use hoplimit= with ipv6)"))
        return E;
      return number(Key, Value, Spec.Ttl, 255);
    }
    if (Key == "hoplimit") {
      if (Error E = Needs(IPv6, "ipv6 (use ttl= with ipv4)"))
        return E;
      return number(Key, Value, Spec.Ttl, 255);
    }
    if (Key == "ihl") {
      if (Error E = Needs(IPv4, "ipv4"))
        return E;
      uint8_t Ihl;
      if (Error E = number(Key, Value, Ihl, 15))
        return E;
      Spec.Ihl = Ihl;
      return Error::success();
    }
    if (Key == "tot_len" || Key == "payload_len") {
      bool IsTotLen = Key == "tot_len";
      if (Error E = Needs(IsTotLen ? IPv4 : IPv6, IsTotLen ? "ipv4" : "ipv6"))
        return E;
      uint16_t Len;
      if (Error E = number(Key, Value, Len, 0xffff))
        return E;
      (IsTotLen ? Spec.TotLen : Spec.PayloadLen) = Len;
      return Error::success();
    }
    if (Key == "frag") {
      if (Error E = Needs(IPv4, "ipv4"))
        return E;
      auto [Offset, Flag] = Value.split(',');
      if (!Flag.empty() && Flag != "mf")
        return fail("'frag=' takes OFFSET or OFFSET,mf, not '" + Value + "'");
      Spec.MoreFragments = Flag == "mf";
      return number(Key, Offset, Spec.FragOffset, 0x1fff);
    }
    if (Key == "options") {
      if (Error E = Needs(IPv4, "ipv4"))
        return E;
      if (Error E = number(Key, Value, Spec.OptionBytes, 40))
        return E;
      if (Spec.OptionBytes % 4)
        return fail("'options=' must be a multiple of 4 (IHL counts words)");
      return Error::success();
    }
    if (Key == "exthdr") {
      if (Error E = Needs(IPv6, "ipv6"))
        return E;
      SmallVector<StringRef, 4> Names;
      Value.split(Names, ',');
      Spec.ExtHeaders.clear();
      for (StringRef Name : Names) {
        const auto *Known = find_if(
            ExtensionHeaders, [&](const auto &H) { return Name == H.first; });
        if (Known == std::end(ExtensionHeaders))
          return fail("'exthdr=' takes a comma-separated list of 'hop', "
                      "'routing', 'frag' and 'dest', not '" +
                      Name + "'");
        Spec.ExtHeaders.push_back(Known->second);
      }
      return Error::success();
    }
    if (Key == "icmp_type") {
      if (Error E =
              Needs(Spec.L4 == Transport::ICMP || Spec.L4 == Transport::ICMPv6,
                    "icmp or icmpv6"))
        return E;
      uint8_t Type;
      if (Error E = number(Key, Value, Type, 255))
        return E;
      Spec.IcmpType = Type;
      return Error::success();
    }
    if (Key == "payload")
      return number(Key, Value, Spec.Payload, 9000);
    if (Key == "truncate") {
      size_t N = 0;
      if (Error E = number(Key, Value, N, 0xffff))
        return E;
      if (N < MinPacketSize)
        return fail("'truncate=" + Value +
                    "' is below 14 bytes (tc test runs need an Ethernet "
                    "header)");
      Spec.Truncate = N;
      return Error::success();
    }
    if (Key == "ethertype" || Key == "proto")
      return fail("'" + Key + "=' must be the " +
                  (Key == "ethertype" ? "first" : "second") + " word");
    return fail("unknown word '" + W + "'");
  }

  StringRef Recipe;
  PacketSpec Spec;
};

std::vector<uint8_t> payloadBytes(unsigned N) {
  std::vector<uint8_t> P(N);
  for (unsigned I = 0; I < N; ++I)
    P[I] = static_cast<uint8_t>(I);
  return P;
}

/// The L4 header and payload, with its checksum filled in from
/// \p PseudoHeaderSum (0 for ICMP, which has none).
std::vector<uint8_t> buildTransport(const PacketSpec &S,
                                    ArrayRef<uint8_t> PseudoHeader) {
  Bytes L4;
  std::vector<uint8_t> Payload = payloadBytes(S.Payload);
  size_t ChecksumAt = 0;
  bool HasChecksum = true;
  switch (S.L4) {
  case Transport::None:
    return Payload;
  case Transport::TCP:
    L4.u16(S.Sport);
    L4.u16(S.Dport);
    L4.u32(1); // sequence
    L4.u32(0); // acknowledgement
    L4.u8(5 << 4);
    L4.u8(0x02); // SYN
    L4.u16(65535);
    ChecksumAt = L4.size();
    L4.u16(0);
    L4.u16(0);
    break;
  case Transport::UDP:
    L4.u16(S.Sport);
    L4.u16(S.Dport);
    L4.u16(8 + Payload.size());
    ChecksumAt = L4.size();
    L4.u16(0);
    break;
  case Transport::ICMP:
  case Transport::ICMPv6:
    L4.u8(S.IcmpType.value_or(S.L4 == Transport::ICMP ? 8 : 128));
    L4.u8(0);
    ChecksumAt = L4.size();
    L4.u16(0);
    L4.u16(1); // identifier
    L4.u16(1); // sequence
    break;
  case Transport::Raw:
    L4.zeros(8);
    HasChecksum = false;
    break;
  }
  L4.append(Payload);
  if (HasChecksum) {
    uint32_t Sum = S.L4 == Transport::ICMP ? 0 : partialSum(PseudoHeader);
    uint16_t Checksum = internetChecksum(L4.Data, Sum);
    if (S.L4 == Transport::UDP && Checksum == 0)
      Checksum = 0xffff;
    L4.put16(ChecksumAt, Checksum);
  }
  return std::move(L4.Data);
}

std::vector<uint8_t> buildIPv4(const PacketSpec &S) {
  Bytes Pseudo;
  Pseudo.append(S.Saddr4);
  Pseudo.append(S.Daddr4);
  Pseudo.u8(0);
  Pseudo.u8(S.Protocol);
  // The L4 length is only known after building it; build once with a
  // placeholder to learn it, then with the real pseudo-header.
  size_t L4Len = buildTransport(S, {}).size();
  Pseudo.u16(L4Len);
  std::vector<uint8_t> L4 = buildTransport(S, Pseudo.Data);

  Bytes IP;
  unsigned HeaderLen = 20 + S.OptionBytes;
  IP.u8(0x40 | S.Ihl.value_or(HeaderLen / 4));
  IP.u8(0); // TOS
  IP.u16(S.TotLen.value_or(HeaderLen + L4.size()));
  IP.u16(0); // identification
  IP.u16(S.FragOffset | (S.MoreFragments ? 0x2000 : 0));
  IP.u8(S.Ttl);
  IP.u8(S.Protocol);
  IP.u16(0);
  IP.append(S.Saddr4);
  IP.append(S.Daddr4);
  for (unsigned I = 0; I < S.OptionBytes; ++I)
    IP.u8(1); // NOP
  IP.put16(10, internetChecksum(IP.Data));
  IP.append(L4);
  return std::move(IP.Data);
}

std::vector<uint8_t> buildIPv6(const PacketSpec &S) {
  size_t L4Len = buildTransport(S, {}).size();
  Bytes Pseudo;
  Pseudo.append(S.Saddr6);
  Pseudo.append(S.Daddr6);
  Pseudo.u32(L4Len);
  Pseudo.zeros(3);
  Pseudo.u8(S.Protocol);
  std::vector<uint8_t> L4 = buildTransport(S, Pseudo.Data);

  // Each extension header names the next; the last names L4. All are 8
  // bytes: hop-by-hop and destination options hold one PadN option, the
  // routing header has no segments left, the fragment header is a first
  // and only fragment.
  Bytes Ext;
  for (size_t I = 0; I < S.ExtHeaders.size(); ++I) {
    Ext.u8(I + 1 < S.ExtHeaders.size() ? S.ExtHeaders[I + 1] : S.Protocol);
    Ext.u8(0); // length in 8-byte units beyond the first 8 (frag: reserved)
    if (S.ExtHeaders[I] == 0 || S.ExtHeaders[I] == 60) {
      Ext.u8(1); // PadN
      Ext.u8(4);
      Ext.zeros(4);
    } else if (S.ExtHeaders[I] == 44) {
      Ext.u16(0);          // offset 0, no more fragments
      Ext.u32(0x1020304u); // identification
    } else {
      Ext.zeros(6); // routing type 0, no segments left, reserved
    }
  }
  Bytes IP;
  IP.u32(6u << 28);
  IP.u16(S.PayloadLen.value_or(Ext.size() + L4.size()));
  IP.u8(S.ExtHeaders.empty() ? S.Protocol : S.ExtHeaders.front());
  IP.u8(S.Ttl);
  IP.append(S.Saddr6);
  IP.append(S.Daddr6);
  IP.append(Ext.Data);
  IP.append(L4);
  return std::move(IP.Data);
}

std::vector<uint8_t> buildARP(const PacketSpec &S) {
  static const uint8_t SourceMac[6] = {2, 0, 0, 0, 0, 1};
  Bytes A;
  A.u16(1);      // Ethernet
  A.u16(0x0800); // IPv4
  A.u8(6);
  A.u8(4);
  A.u16(1); // request
  A.append(SourceMac);
  A.append(S.Saddr4);
  A.zeros(6);
  A.append(S.Daddr4);
  A.append(payloadBytes(S.Payload));
  return std::move(A.Data);
}

} // namespace

size_t minimumTestRunSize(ArrayRef<uint8_t> Frame) {
  if (Frame.size() < MinPacketSize)
    return MinPacketSize;
  uint16_t EtherType = (Frame[12] << 8) | Frame[13];
  if (EtherType == EtherTypeIPv4)
    return MinPacketSize + 20;
  if (EtherType == EtherTypeIPv6)
    return MinPacketSize + 40;
  return MinPacketSize;
}

Expected<std::vector<uint8_t>> buildPacket(StringRef Recipe) {
  Expected<PacketSpec> Spec = RecipeParser(Recipe).parse();
  if (!Spec)
    return Spec.takeError();

  static const uint8_t DestinationMac[6] = {2, 0, 0, 0, 0, 2};
  static const uint8_t SourceMac[6] = {2, 0, 0, 0, 0, 1};
  Bytes Frame;
  Frame.append(DestinationMac);
  Frame.append(SourceMac);
  Frame.u16(Spec->EtherType);
  switch (Spec->L3) {
  case Network::IPv4:
    Frame.append(buildIPv4(*Spec));
    break;
  case Network::IPv6:
    Frame.append(buildIPv6(*Spec));
    break;
  case Network::ARP:
    Frame.append(buildARP(*Spec));
    break;
  case Network::Raw:
    Frame.append(payloadBytes(Spec->Payload));
    break;
  }
  if (Spec->Truncate) {
    if (*Spec->Truncate > Frame.size())
      return createStringError(inconvertibleErrorCode(),
                               "packet recipe '" + Recipe +
                                   "': 'truncate=" + Twine(*Spec->Truncate) +
                                   "' is longer than the packet (" +
                                   Twine(Frame.size()) + " bytes)");
    Frame.Data.resize(*Spec->Truncate);
  }
  return std::move(Frame.Data);
}

} // namespace bpftidy::verify
