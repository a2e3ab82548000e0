//===- DatapathProfile.h - where a datapath reports its drops ---*- C++ -*-===//
//
// A profile says where a datapath reports drops and how to read them: the
// map its notifications go to (a ring buffer or a perf event array), the
// record written there and which of its fields hold the notify type, the
// reason, the source file and line; and a metrics map counting packets by
// reason and direction. Records are found by type name in the object's BTF
// or DWARF and read by field name (RecordLayout). Built-in profiles cover
// the sample datapath and Cilium; a JSON file describes any other
// (docs/formats.md, section 5).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_DATAPATHPROFILE_H
#define BPF_TIDY_VERIFY_DATAPATHPROFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

struct bpf_object;
struct bpf_map;

namespace bpftidy::verify {

/// The notifications: one record per notified drop (and maybe other
/// notify types, filtered out by TypeField/TypeValue).
struct EventSpec {
  /// Map name; a test build's prefix ("test_cilium_events") is accepted.
  std::string Map;
  /// "ringbuf" or "perf".
  std::string MapType;
  /// The record's struct name.
  std::string Record;
  /// Only records whose TypeField equals TypeValue are drops; TypeValue is
  /// a number or an enumerator's name, looked up in BTF then DWARF.
  std::string TypeField, TypeValue;
  std::string ReasonField;
  /// The field holds the reason's absolute value (Cilium: subtype = -reason
  /// in a __u8); it is read back as the negative reason.
  bool ReasonIsAbsolute = false;
  /// Optional fields; empty when the record has none.
  std::string DirectionField, FileField, LineField, IdentityField,
      ExitCodeField;
};

/// The metrics map: a hash (usually per-CPU) counting packets by reason
/// (0 = forwarded, else the drop reason's absolute value) and direction.
struct MetricsSpec {
  std::string Map;
  std::string KeyRecord, KeyReasonField, KeyDirectionField;
  std::string ValueRecord, ValueCountField;
};

/// Where the datapath's test configuration keeps the addresses and ports a
/// packet needs to get past its first checks (a packet from the endpoint
/// must carry the endpoint's own address). Each is a name: an integer
/// global of the built object (an IPv6 address as the pair NAME_1, NAME_2
/// of 64-bit halves), else a macro of the configuration's headers. Empty:
/// the datapath has none.
struct ConfigurationSpec {
  std::string EndpointIPv4, EndpointIPv6, RouterIPv4, RouterIPv6, HostIPv6,
      NodePort;

  bool empty() const {
    return EndpointIPv4.empty() && EndpointIPv6.empty() && RouterIPv4.empty() &&
           RouterIPv6.empty() && HostIPv6.empty() && NodePort.empty();
  }
};

struct DatapathProfile {
  std::string Name;
  std::optional<EventSpec> Events;
  std::optional<MetricsSpec> Metrics;
  /// Headers (relative to the configuration list's directory or one above
  /// it) that map source file names to the file ids the events carry; the
  /// first that exists is read.
  std::vector<std::string> FileIdsHeaders;
  /// Values of the test configuration that packets are built from.
  ConfigurationSpec Configuration;
};

/// The built-in profiles, in the order detection tries them.
llvm::ArrayRef<DatapathProfile> builtinProfiles();

/// A built-in profile by name, or a JSON profile file (a path: it contains
/// '/' or ends in ".json"). Errors are usage errors.
llvm::Expected<DatapathProfile> resolveProfile(llvm::StringRef NameOrPath);

/// Parses a JSON profile (docs/formats.md, section 5).
llvm::Expected<DatapathProfile> parseProfile(llvm::StringRef Json,
                                             llvm::StringRef Origin);

/// Whether map name \p Actual is \p Wanted, possibly with a test prefix
/// ending in '_' ("test_cilium_events" for "cilium_events").
bool mapNameMatches(llvm::StringRef Actual, llvm::StringRef Wanted);

/// The map of \p Object that \p Wanted names (see mapNameMatches).
bpf_map *findProfileMap(bpf_object *Object, llvm::StringRef Wanted);

/// The first built-in profile whose events or metrics map \p Object has.
std::optional<DatapathProfile> detectProfile(bpf_object *Object);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_DATAPATHPROFILE_H
