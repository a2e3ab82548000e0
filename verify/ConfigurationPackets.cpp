//===- ConfigurationPackets.cpp - packets from the test configuration -----===//

#include "verify/ConfigurationPackets.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace bpftidy::verify {

StringMap<std::string> parseMacroDefinitions(StringRef Text) {
  StringMap<std::string> Macros;
  SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (StringRef Line : Lines) {
    if (!Line.consume_front("#define "))
      continue;
    auto [Name, Value] = Line.split(' ');
    if (Name.empty() || Name.contains('('))
      continue;
    Macros[Name] = Value.trim().str();
  }
  return Macros;
}

/// An integer macro's value: a decimal or hex literal, maybe in
/// parentheses and with a U/L suffix.
static std::optional<uint64_t>
integerMacro(const StringMap<std::string> &Macros, StringRef Name) {
  auto It = Macros.find(Name);
  if (It == Macros.end())
    return std::nullopt;
  StringRef Text = StringRef(It->second).trim();
  while (Text.consume_front("(") && Text.consume_back(")"))
    Text = Text.trim();
  Text = Text.rtrim("uUlL");
  uint64_t Value;
  if (Text.getAsInteger(0, Value))
    return std::nullopt;
  return Value;
}

template <size_t N>
static void storeLittleEndian(std::array<uint8_t, N> &Bytes, size_t At,
                              uint64_t Value, size_t Size) {
  for (size_t I = 0; I < Size; ++I)
    Bytes[At + I] = uint8_t(Value >> (8 * I));
}

ConfigurationAddresses
readConfigurationAddresses(const ConfigurationSpec &Spec,
                           const GlobalReader &Globals,
                           const StringMap<std::string> &Macros) {
  auto Integer = [&](StringRef Name) -> std::optional<uint64_t> {
    if (Name.empty())
      return std::nullopt;
    if (std::optional<uint64_t> V = Globals(Name))
      return V;
    return integerMacro(Macros, Name);
  };
  auto IPv4 = [&](const std::string &Name,
                  std::optional<ConfigurationAddresses::Address<4>> &Out) {
    if (std::optional<uint64_t> V = Integer(Name)) {
      Out.emplace();
      storeLittleEndian(Out->Bytes, 0, *V, 4);
      Out->Name = Name;
    }
  };
  auto IPv6 = [&](const std::string &Name,
                  std::optional<ConfigurationAddresses::Address<16>> &Out) {
    if (Name.empty())
      return;
    std::optional<uint64_t> High = Globals(Name + "_1"),
                            Low = Globals(Name + "_2");
    if (!High || !Low)
      return;
    Out.emplace();
    storeLittleEndian(Out->Bytes, 0, *High, 8);
    storeLittleEndian(Out->Bytes, 8, *Low, 8);
    Out->Name = Name;
  };
  ConfigurationAddresses A;
  IPv4(Spec.EndpointIPv4, A.EndpointIPv4);
  IPv4(Spec.RouterIPv4, A.RouterIPv4);
  IPv6(Spec.EndpointIPv6, A.EndpointIPv6);
  IPv6(Spec.RouterIPv6, A.RouterIPv6);
  IPv6(Spec.HostIPv6, A.HostIPv6);
  if (std::optional<uint64_t> Port = Integer(Spec.NodePort);
      Port && *Port > 0 && *Port <= 0xffff) {
    A.NodePort = uint16_t(*Port);
    A.NodePortName = Spec.NodePort;
  }
  return A;
}

static std::string text(const std::array<uint8_t, 4> &B) {
  return formatv("{0}.{1}.{2}.{3}", B[0], B[1], B[2], B[3]).str();
}

/// Eight groups, uncompressed: "beef:0:0:1:0:1:165:82bc".
static std::string text(const std::array<uint8_t, 16> &B) {
  std::string T;
  for (size_t I = 0; I < 16; I += 2)
    T += (I ? ":" : "") + utohexstr((unsigned(B[I]) << 8) | B[I + 1], true);
  return T;
}

std::string ConfigurationAddresses::describe() const {
  std::vector<std::string> Parts;
  auto Add = [&](StringRef What, const auto &Address) {
    if (Address)
      Parts.push_back(
          (What + " " + text(Address->Bytes) + " (" + Address->Name + ")")
              .str());
  };
  Add("endpoint IPv4", EndpointIPv4);
  Add("endpoint IPv6", EndpointIPv6);
  Add("router IPv4", RouterIPv4);
  Add("router IPv6", RouterIPv6);
  Add("host IPv6", HostIPv6);
  if (NodePort)
    Parts.push_back("NodePort port " + std::to_string(*NodePort) + " (" +
                    NodePortName + ")");
  return join(Parts, ", ");
}

/// Traffic from and to endpoint address \p E of family \p L3 ("ipv4"):
/// every L4 protocol of \p L4s both ways, a payload from it, and, with a
/// NodePort \p Port, TCP and UDP to it on that port and TCP from it.
static void fromAndTo(std::vector<std::string> &R, StringRef L3,
                      std::initializer_list<const char *> L4s, StringRef E,
                      StringRef Port) {
  for (const char *L4 : L4s)
    for (const char *Direction : {" saddr=", " daddr="})
      R.push_back((L3 + " " + L4 + Direction + E).str());
  R.push_back((L3 + " tcp saddr=" + E + " dport=443 payload=64").str());
  if (Port.empty())
    return;
  for (const char *Kind : {" tcp daddr=", " udp daddr=", " tcp saddr="})
    R.push_back((L3 + Kind + E + " dport=" + Port).str());
}

std::vector<std::string>
configurationRecipes(const ConfigurationAddresses &Values) {
  std::vector<std::string> R;
  std::string Port = Values.NodePort ? std::to_string(*Values.NodePort) : "";
  if (Values.EndpointIPv4) {
    std::string E = text(Values.EndpointIPv4->Bytes);
    fromAndTo(R, "ipv4", {"tcp", "udp", "icmp"}, E, Port);
    if (Values.RouterIPv4)
      R.push_back("ipv4 icmp saddr=" + E +
                  " daddr=" + text(Values.RouterIPv4->Bytes));
  }
  if (Values.EndpointIPv6) {
    std::string E = text(Values.EndpointIPv6->Bytes);
    fromAndTo(R, "ipv6", {"tcp", "udp", "icmpv6"}, E, Port);
    if (Values.RouterIPv6) {
      std::string Router = text(Values.RouterIPv6->Bytes);
      // Neighbour solicitation and echo request to the router.
      for (const char *Type : {"135", "128"})
        R.push_back(std::string("ipv6 icmpv6 icmp_type=") + Type +
                    " saddr=" + E + " daddr=" + Router);
    }
    if (Values.HostIPv6)
      R.push_back("ipv6 tcp saddr=" + E +
                  " daddr=" + text(Values.HostIPv6->Bytes));
    // Extension-header chains a parser refuses, past the source check on
    // the way out and on the way in: no next header, a fragment header,
    // more headers than it walks, a header cut short.
    for (const char *Address : {"saddr=", "daddr="}) {
      std::string A = Address + E;
      for (const char *Chain : {"proto=59 ", "udp exthdr=frag ",
                                "tcp exthdr=hop,dest,dest,dest,dest ",
                                "tcp exthdr=hop truncate=60 "})
        R.push_back(std::string("ipv6 ") + Chain + A);
    }
  }
  return R;
}

} // namespace bpftidy::verify
