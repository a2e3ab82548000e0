//===- ConfigurationPacketsTest.cpp ---------------------------------------===//

#include "verify/ConfigurationPackets.h"
#include "verify/PacketBuilder.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

TEST(ConfigurationPackets, MacroDefinitionsByName) {
  StringMap<std::string> M =
      parseMacroDefinitions("#define NODEPORT_PORT_MIN 30000\n"
                            "#define IPV4_GATEWAY 0xfffff50a\n"
                            "#define EMPTY\n"
                            "#define fetch_u32(x) x\n"
                            "int not_a_define;\n");
  EXPECT_EQ(M.lookup("NODEPORT_PORT_MIN"), "30000");
  EXPECT_EQ(M.lookup("IPV4_GATEWAY"), "0xfffff50a");
  EXPECT_TRUE(M.count("EMPTY"));
  EXPECT_FALSE(M.count("fetch_u32"));
  EXPECT_FALSE(M.count("fetch_u32(x)"));
}

TEST(ConfigurationPackets, AddressesAsTheDatapathLoadsThem) {
  // An endpoint IPv4 global, an IPv6 address as two 64-bit globals, a
  // router IPv4 and a port only as macros.
  std::map<std::string, uint64_t> Globals = {
      {"LXC_IPV4", 0x10203040},
      // be ef 00 00 00 00 00 01 | 00 00 00 01 01 65 82 bc in memory.
      {"LXC_IP_1", 0x010000000000efbeULL},
      {"LXC_IP_2", 0xbc82650101000000ULL}};
  auto Read = [&](StringRef Name) -> std::optional<uint64_t> {
    auto It = Globals.find(Name.str());
    if (It == Globals.end())
      return std::nullopt;
    return It->second;
  };
  StringMap<std::string> Macros;
  Macros["IPV4_GATEWAY"] = "0xfffff50a";
  Macros["NODEPORT_PORT_MIN"] = "(30000U)";
  Macros["LXC_IPV4"] = "fetch_u32(LXC_IPV4)"; // the global wins
  ConfigurationSpec Spec{"LXC_IPV4",  "LXC_IP",  "IPV4_GATEWAY",
                         "ROUTER_IP", "HOST_IP", "NODEPORT_PORT_MIN"};
  ConfigurationAddresses A = readConfigurationAddresses(Spec, Read, Macros);
  ASSERT_TRUE(A.EndpointIPv4);
  EXPECT_EQ(A.EndpointIPv4->Bytes, (std::array<uint8_t, 4>{64, 48, 32, 16}));
  ASSERT_TRUE(A.RouterIPv4);
  EXPECT_EQ(A.RouterIPv4->Bytes, (std::array<uint8_t, 4>{10, 245, 255, 255}));
  ASSERT_TRUE(A.EndpointIPv6);
  EXPECT_FALSE(A.RouterIPv6) << "no ROUTER_IP_1/_2 globals";
  EXPECT_EQ(A.NodePort, 30000);
  EXPECT_EQ(A.describe(),
            "endpoint IPv4 64.48.32.16 (LXC_IPV4), endpoint IPv6 "
            "beef:0:0:1:0:1:165:82bc (LXC_IP), router IPv4 10.245.255.255 "
            "(IPV4_GATEWAY), NodePort port 30000 (NODEPORT_PORT_MIN)");

  std::vector<std::string> Recipes = configurationRecipes(A);
  EXPECT_TRUE(is_contained(Recipes, "ipv4 tcp saddr=64.48.32.16"));
  EXPECT_TRUE(is_contained(Recipes, "ipv6 udp daddr=beef:0:0:1:0:1:165:82bc"));
  EXPECT_TRUE(is_contained(Recipes, "ipv4 tcp daddr=64.48.32.16 dport=30000"));
  EXPECT_TRUE(
      is_contained(Recipes, "ipv6 proto=59 saddr=beef:0:0:1:0:1:165:82bc"));
  // Every recipe builds.
  for (const std::string &R : Recipes) {
    Expected<std::vector<uint8_t>> Bytes = buildPacket(R);
    EXPECT_TRUE(bool(Bytes)) << R << ": " << toString(Bytes.takeError());
  }
}

TEST(ConfigurationPackets, NothingNamedNothingFound) {
  ConfigurationAddresses A = readConfigurationAddresses(
      ConfigurationSpec{}, [](StringRef) { return std::optional<uint64_t>(1); },
      {});
  EXPECT_TRUE(A.empty());
  EXPECT_TRUE(configurationRecipes(A).empty());
}

} // namespace
