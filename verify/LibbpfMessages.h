//===- LibbpfMessages.h - where libbpf's own messages go --------*- C++ -*-===//
//
// libbpf prints through one global callback. bpf-tidy verify installs it
// first thing, keeps libbpf's warnings to attach them to the failure they
// explain, and passes debug output through only when asked.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_LIBBPFMESSAGES_H
#define BPF_TIDY_VERIFY_LIBBPFMESSAGES_H

#include <string>

namespace bpftidy::verify {

/// Installs the print callback. \p Verbose: also echo everything, debug
/// messages included, to stderr.
void installLibbpfPrint(bool Verbose);

/// The warnings libbpf printed since the last call, which clears them.
std::string takeLibbpfMessages();

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_LIBBPFMESSAGES_H
