//===- PacketCorpus.h - the packets every program is run on -----*- C++ -*-===//
//
// The corpus is generated, not hand-copied: the intended sites' own recipes,
// then well-formed and malformed IPv4/IPv6 traffic meant to walk every parser
// branch of a datapath (truncations, bad header lengths, unknown protocols,
// fragments, options, extension headers).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_PACKETCORPUS_H
#define BPF_TIDY_VERIFY_PACKETCORPUS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace bpftidy::verify {

struct CorpusPacket {
  /// The recipe, which also names the packet in reports.
  std::string Recipe;
  std::vector<uint8_t> Bytes;
};

/// The recipes of the generated part of the corpus.
std::vector<std::string> generatedRecipes();

/// \p SiteRecipes first, then the generated recipes; duplicates (by recipe
/// text with blanks normalized) appear once. Fails on a recipe that does not
/// build.
llvm::Expected<std::vector<CorpusPacket>>
buildCorpus(llvm::ArrayRef<std::string> SiteRecipes);

/// \p Recipe with runs of blanks (spaces, tabs) collapsed to one space and
/// trimmed, so that the same packet has one name.
std::string normalizeRecipe(llvm::StringRef Recipe);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_PACKETCORPUS_H
