//===- ObjectPrepass.cpp - make an object as written loadable -------------===//

#include "verify/ObjectPrepass.h"

#include "verify/ElfObject.h"
#include "verify/StaticPrograms.h"

using namespace llvm;

namespace bpftidy::verify {

std::optional<std::string> LegacyMapIds::mapWithId(uint32_t Id) const {
  std::optional<std::string> Found;
  for (const auto &[Name, MapId] : Maps) {
    if (MapId != Id)
      continue;
    if (Found)
      return std::nullopt;
    Found = Name;
  }
  return Found;
}

std::optional<uint32_t> LegacyMapIds::idOf(StringRef Name) const {
  for (const auto &[MapName, Id] : Maps)
    if (MapName == Name)
      return Id;
  return std::nullopt;
}

Expected<PrepassResult> prepassObject(StringRef Bytes, StringRef Name,
                                      const PrepassOptions &Options) {
  auto Fail = [&](Error E) -> Error {
    return createStringError(inconvertibleErrorCode(),
                             "preparing '" + Name +
                                 "' for libbpf: " + toString(std::move(E)));
  };
  Expected<ElfObject> Object = ElfObject::read(Bytes, Name);
  if (!Object)
    return Object.takeError();
  PrepassResult Result;
  Expected<std::vector<LegacyMapDefinition>> Maps = convertLegacyMaps(*Object);
  if (!Maps)
    return Fail(Maps.takeError());
  Result.LegacyMaps = std::move(*Maps);
  for (const LegacyMapDefinition &M : Result.LegacyMaps)
    Result.MapIds.add(M.Name, M.Id);
  Result.StaticPrograms = makeStaticProgramsGlobal(*Object);
  Expected<std::vector<SubstitutedConstant>> Constants =
      substituteAgentConstants(*Object, Options.Constants);
  if (!Constants)
    return Fail(Constants.takeError());
  Result.Constants = std::move(*Constants);

  Result.Rewritten = !Result.LegacyMaps.empty() ||
                     !Result.StaticPrograms.empty() ||
                     !Result.Constants.empty();
  if (!Result.Rewritten) {
    Result.Image = Bytes.str();
    return Result;
  }
  Expected<std::string> Image = Object->write();
  if (!Image)
    return Fail(Image.takeError());
  Result.Image = std::move(*Image);
  return Result;
}

} // namespace bpftidy::verify
