//===- PacketBuilder.h - packet recipes to bytes ----------------*- C++ -*-===//
//
// Turns a packet recipe (docs/formats.md, section 3), such as
// "ipv4 tcp truncate=20", into the bytes of an Ethernet frame that
// BPF_PROG_TEST_RUN feeds to a program.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_PACKETBUILDER_H
#define BPF_TIDY_VERIFY_PACKETBUILDER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <vector>

namespace bpftidy::verify {

/// The smallest packet a tc test run accepts: an Ethernet header.
constexpr size_t MinPacketSize = 14;

/// The bytes a tc test run needs before the kernel accepts \p Frame: the
/// Ethernet header plus, for IPv4 and IPv6, the fixed IP header (recent
/// kernels refuse shorter ones with EINVAL).
size_t minimumTestRunSize(llvm::ArrayRef<uint8_t> Frame);

/// Builds the packet \p Recipe describes, with valid checksums except where
/// the recipe overrides a field. Errors name the recipe and the bad word.
llvm::Expected<std::vector<uint8_t>> buildPacket(llvm::StringRef Recipe);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_PACKETBUILDER_H
