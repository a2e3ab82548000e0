//===- ConfigurationPackets.h - packets from the test configuration -*- C++
//-*-//
//
// A generic corpus stops at a datapath's first checks: a packet from the
// endpoint must carry the endpoint's own address (Cilium's
// is_valid_lxc_src_ip), one to it its address, a ping to the router the
// router's. The values are those of the configuration the object was built
// with, named by the datapath profile (ConfigurationSpec): read from the
// object's globals, else from the macros its build defined. The packets
// built from them join that object's corpus.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_CONFIGURATIONPACKETS_H
#define BPF_TIDY_VERIFY_CONFIGURATIONPACKETS_H

#include "verify/DatapathProfile.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

/// The values found, each with the name it was read from.
struct ConfigurationAddresses {
  template <size_t N> struct Address {
    std::array<uint8_t, N> Bytes;
    std::string Name;
  };
  std::optional<Address<4>> EndpointIPv4, RouterIPv4;
  std::optional<Address<16>> EndpointIPv6, RouterIPv6, HostIPv6;
  std::optional<uint16_t> NodePort;
  std::string NodePortName;

  bool empty() const {
    return !EndpointIPv4 && !RouterIPv4 && !EndpointIPv6 && !RouterIPv6 &&
           !HostIPv6 && !NodePort;
  }
  /// "endpoint IPv4 64.48.32.16 (LXC_IPV4), ..." for the report.
  std::string describe() const;
};

/// An integer global's initial value by name (ObjectGlobals), if any.
using GlobalReader = std::function<std::optional<uint64_t>(llvm::StringRef)>;

/// "#define NAME VALUE" lines (`clang -E -dM`) as NAME -> VALUE; function-
/// like macros are left out.
llvm::StringMap<std::string> parseMacroDefinitions(llvm::StringRef Text);

/// The values \p Spec names. A datapath compares them with the packet's
/// bytes as loaded on this little-endian machine, so an IPv4 address is
/// the 4 bytes of its integer in memory order (0x10203040 is 64.48.32.16),
/// an IPv6 address the 8 bytes of NAME_1 then of NAME_2; a port is a host
/// integer. Globals come first, then integer macros of \p Macros.
ConfigurationAddresses
readConfigurationAddresses(const ConfigurationSpec &Spec,
                           const GlobalReader &Globals,
                           const llvm::StringMap<std::string> &Macros);

/// The packet recipes built from \p Values: traffic from and to the
/// endpoint of every L4 protocol, to the router and host, to the NodePort
/// range, and IPv6 extension-header chains a parser refuses, from and to
/// the endpoint.
std::vector<std::string>
configurationRecipes(const ConfigurationAddresses &Values);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_CONFIGURATIONPACKETS_H
