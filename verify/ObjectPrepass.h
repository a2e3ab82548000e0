//===- ObjectPrepass.h - make an object as written loadable -----*- C++ -*-===//
//
// Runs before libbpf sees an object, and rewrites it only where a datapath's
// own conventions stop libbpf 1.x:
//   1. legacy `maps` definitions become BTF-defined maps (LegacyMaps);
//   2. static programs become global (StaticPrograms);
//   3. CONFIG()-style constants are written into their loads
//      (AgentConstants).
// An object that needs none of this is handed over byte for byte.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_OBJECTPREPASS_H
#define BPF_TIDY_VERIFY_OBJECTPREPASS_H

#include "verify/AgentConstants.h"
#include "verify/LegacyMaps.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

struct PrepassOptions {
  /// CONFIG()-style constants set for the run (--set-constant).
  AgentConstantValues Constants;
};

/// Map name -> legacy iproute2 id, for tail-call sections "ID/KEY".
class LegacyMapIds {
public:
  void add(const std::string &Name, uint32_t Id) { Maps.push_back({Name, Id}); }
  /// The map whose legacy id is \p Id; none when no map or several have it.
  std::optional<std::string> mapWithId(uint32_t Id) const;
  std::optional<uint32_t> idOf(llvm::StringRef Name) const;
  bool empty() const { return Maps.empty(); }
  /// Every map, as (name, id), in the object's order.
  const std::vector<std::pair<std::string, uint32_t>> &all() const {
    return Maps;
  }

private:
  std::vector<std::pair<std::string, uint32_t>> Maps;
};

struct PrepassResult {
  /// What libbpf opens.
  std::string Image;
  bool Rewritten = false;
  std::vector<LegacyMapDefinition> LegacyMaps;
  LegacyMapIds MapIds;
  std::vector<std::string> StaticPrograms;
  std::vector<SubstitutedConstant> Constants;
};

/// Prepares \p Bytes (an object named \p Name in messages) for libbpf.
llvm::Expected<PrepassResult> prepassObject(llvm::StringRef Bytes,
                                            llvm::StringRef Name,
                                            const PrepassOptions &Options);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_OBJECTPREPASS_H
