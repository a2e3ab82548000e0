//===- packet-recipe.cpp - fuzz the packet recipe builder -----------------===//
//
// docs/formats.md, section 3. Invariants: an error names the recipe; blanks
// between words do not matter (the normalized recipe builds the same bytes,
// and normalizing twice changes nothing); a packet has at least an Ethernet
// header; a recipe that builds starts the corpus built from it, with the same
// bytes.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"
#include "verify/PacketBuilder.h"
#include "verify/PacketCorpus.h"

using namespace bpftidy;
using namespace bpftidy::verify;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Recipe = fuzz::asText(Data, Size).str();
  std::string Normal = normalizeRecipe(Recipe);
  FUZZ_CHECK(normalizeRecipe(Normal) == Normal, "normalizing is not stable");

  llvm::Expected<std::vector<uint8_t>> Bytes = buildPacket(Recipe);
  llvm::Expected<std::vector<uint8_t>> NormalBytes = buildPacket(Normal);
  FUZZ_CHECK(static_cast<bool>(Bytes) == static_cast<bool>(NormalBytes),
             "blanks decide whether '" + Recipe + "' builds");
  if (!Bytes) {
    std::string Message = llvm::toString(Bytes.takeError());
    llvm::consumeError(NormalBytes.takeError());
    FUZZ_CHECK(llvm::StringRef(Message).starts_with("packet recipe '" + Recipe +
                                                    "': "),
               "an error that does not name the recipe: " + Message);
    return 0;
  }
  FUZZ_CHECK(*Bytes == *NormalBytes, "blanks change the bytes of " + Recipe);
  FUZZ_CHECK(Bytes->size() >= MinPacketSize,
             "a packet without an Ethernet header: " + Recipe);

  llvm::Expected<std::vector<CorpusPacket>> Corpus = buildCorpus({Recipe});
  FUZZ_CHECK(Corpus && !Corpus->empty() && Corpus->front().Recipe == Normal &&
                 Corpus->front().Bytes == *Bytes,
             "the corpus does not start with '" + Normal + "'");
  return 0;
}
