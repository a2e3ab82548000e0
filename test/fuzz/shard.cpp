//===- shard.cpp - fuzz --shard K/N ---------------------------------------===//
//
// docs/ci.md, shards. The input is the spec, then one unit file per line.
// Invariants: a spec that parses has 1 <= K <= N and reads back from
// "K/N"; an error quotes the spec; and the N shards of a unit list hold every
// unit exactly once.
//
//===----------------------------------------------------------------------===//

#include "cli/Shard.h"
#include "FuzzCheck.h"

using namespace bpftidy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::SmallVector<llvm::StringRef> Lines;
  fuzz::asText(Data, Size).split(Lines, '\n');
  llvm::StringRef Spec = Lines.front();

  llvm::Expected<Shard> Parsed = Shard::parse(Spec);
  if (!Parsed) {
    std::string Message = llvm::toString(Parsed.takeError());
    FUZZ_CHECK(llvm::StringRef(Message).contains("'" + Spec.str() + "'"),
               "an error that does not quote the spec: " + Message);
    return 0;
  }
  FUZZ_CHECK(1 <= Parsed->Index && Parsed->Index <= Parsed->Count,
             "a shard out of range: " + Spec);
  std::string Printed =
      std::to_string(Parsed->Index) + "/" + std::to_string(Parsed->Count);
  llvm::Expected<Shard> Again = Shard::parse(Printed);
  FUZZ_CHECK(Again && Again->Index == Parsed->Index &&
                 Again->Count == Parsed->Count,
             Printed + " does not read back");

  // Units made unique by their configuration, which records their place.
  std::vector<AnalysisUnit> Units;
  for (size_t I = 1; I < Lines.size(); ++I)
    Units.push_back({Lines[I].str(), std::to_string(I), {}});
  unsigned Count = std::min(Parsed->Count, 64u);
  std::vector<unsigned> Seen(Units.size() + 1, 0);
  for (unsigned K = 1; K <= Count; ++K)
    for (const AnalysisUnit &U : Shard{K, Count}.select(Units))
      ++Seen[std::stoul(U.Configuration)];
  for (size_t I = 1; I < Seen.size(); ++I)
    FUZZ_CHECK(Seen[I] == 1, "unit " + std::to_string(I) + " is in " +
                                 std::to_string(Seen[I]) + " shards");
  return 0;
}
