//===- BpfLoader.cpp - open, type, load and wire a BPF object -------------===//

#include "verify/BpfLoader.h"
#include "verify/ObjectGlobals.h"

#include "verify/DropNotifications.h"
#include "verify/LibbpfMessages.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstring>
#include <map>

using namespace llvm;

namespace bpftidy::verify {

// The verifier's log levels (kernel include/linux/bpf_verifier.h).
constexpr unsigned LogLevelInstructions = 1;
constexpr unsigned LogLevelStats = 4;
// Statistics need a few lines; a rejection's full log can be huge, and the
// kernel keeps its tail when it does not fit.
constexpr size_t StatsLogSize = 64 * 1024;
constexpr size_t FullLogSize = 16 * 1024 * 1024;

LoadedObject::~LoadedObject() { bpf_object__close(Object); }

namespace {

struct ObjectCloser {
  void operator()(bpf_object *O) const { bpf_object__close(O); }
};
using ObjectPtr = std::unique_ptr<bpf_object, ObjectCloser>;

/// What we decided about one program before loading it.
struct ProgramPlan {
  std::string Function;
  std::string Section;
  bpf_prog_type Type = BPF_PROG_TYPE_UNSPEC;
  std::optional<TailCallSlot> Slot;
};

/// Opens the prepared image of \p Path. Pinning goes under \p PinRoot, or
/// nowhere: nothing outside the run is touched.
Expected<ObjectPtr> openObject(StringRef Path, const std::string &Image,
                               const std::string &PinRoot) {
  bpf_object_open_opts Opts{};
  Opts.sz = sizeof(Opts);
  std::string Name = sys::path::stem(Path).str();
  Opts.object_name = Name.c_str();
  if (!PinRoot.empty())
    Opts.pin_root_path = PinRoot.c_str();
  bpf_object *O = bpf_object__open_mem(Image.data(), Image.size(), &Opts);
  if (!O) {
    int Err = errno;
    return createStringError(std::error_code(Err, std::generic_category()),
                             "cannot open BPF object '" + Path +
                                 "': " + strerror(Err));
  }
  ObjectPtr Object(O);
  if (PinRoot.empty()) {
    bpf_map *Map;
    bpf_object__for_each_map(Map, O) bpf_map__set_pin_path(Map, nullptr);
  }
  if (Error E = sizePerfEventArrays(O))
    return std::move(E);
  return Object;
}

/// libbpf's first line about a map it could not create, reuse or pin: the
/// reason loading failed before any program reached the verifier.
std::optional<std::string> mapFailure(StringRef Messages) {
  SmallVector<StringRef, 16> Lines;
  Messages.split(Lines, '\n');
  for (StringRef Line : Lines) {
    Line = Line.trim();
    Line.consume_front("libbpf: ");
    if (Line.starts_with("map '") &&
        (Line.contains("failed") || Line.contains("error") ||
         Line.contains("can't") || Line.contains("couldn't")))
      return Line.str();
  }
  return std::nullopt;
}

/// Function name -> slot, from "tail:MAP/ID" decl tags on functions.
std::map<std::string, TailCallSlot> tailCallTags(bpf_object *O) {
  std::map<std::string, TailCallSlot> Tags;
  const struct btf *Btf = bpf_object__btf(O);
  if (!Btf)
    return Tags;
  for (__u32 Id = 1, N = btf__type_cnt(Btf); Id < N; ++Id) {
    const struct btf_type *T = btf__type_by_id(Btf, Id);
    if (!btf_is_decl_tag(T) || btf_decl_tag(T)->component_idx != -1)
      continue;
    const struct btf_type *Target = btf__type_by_id(Btf, T->type);
    if (!Target || !btf_is_func(Target))
      continue;
    if (std::optional<TailCallSlot> Slot =
            parseTailCallTag(btf__name_by_offset(Btf, T->name_off)))
      Tags[btf__name_by_offset(Btf, Target->name_off)] = *Slot;
  }
  return Tags;
}

std::vector<ProgramPlan> planPrograms(bpf_object *O,
                                      const LoadOptions &Options) {
  std::map<std::string, TailCallSlot> Tags = tailCallTags(O);
  std::vector<ProgramPlan> Plans;
  std::vector<bpf_prog_type> LibbpfTypes;
  bpf_program *Prog;
  bpf_object__for_each_program(Prog, O) {
    ProgramPlan P;
    P.Function = bpf_program__name(Prog);
    P.Section = bpf_program__section_name(Prog);
    bpf_prog_type LibbpfType = bpf_program__type(Prog);
    auto Tag = Tags.find(P.Function);
    if (Tag != Tags.end())
      P.Slot = Tag->second;
    else if (LibbpfType == BPF_PROG_TYPE_UNSPEC)
      P.Slot = parseTailCallSection(P.Section);
    Plans.push_back(P);
    LibbpfTypes.push_back(LibbpfType);
  }
  // Entry programs first: a tail call must have its callers' type.
  std::optional<bpf_prog_type> EntryType;
  bool EntryTypesAgree = true;
  for (size_t I = 0; I < Plans.size(); ++I) {
    if (Plans[I].Slot)
      continue;
    Plans[I].Type = chooseProgramType(Plans[I].Section, LibbpfTypes[I],
                                      Options.TypeOverrides);
    if (EntryType && *EntryType != Plans[I].Type)
      EntryTypesAgree = false;
    EntryType = Plans[I].Type;
  }
  bpf_prog_type TailFallback =
      EntryType && EntryTypesAgree ? *EntryType : BPF_PROG_TYPE_SCHED_CLS;
  for (size_t I = 0; I < Plans.size(); ++I)
    if (Plans[I].Slot)
      Plans[I].Type = chooseProgramType(Plans[I].Section, LibbpfTypes[I],
                                        Options.TypeOverrides, TailFallback);
  return Plans;
}

/// Gives every program its planned type; programs are matched by name.
void applyPlan(bpf_object *O, const std::vector<ProgramPlan> &Plans) {
  std::map<bpf_prog_type, bpf_attach_type> EntryAttachTypes;
  for (const ProgramPlan &P : Plans) {
    bpf_program *Prog = bpf_object__find_program_by_name(O, P.Function.c_str());
    if (Prog && bpf_program__type(Prog) != P.Type)
      bpf_program__set_type(Prog, P.Type);
    if (Prog && !P.Slot)
      EntryAttachTypes.try_emplace(P.Type,
                                   bpf_program__expected_attach_type(Prog));
  }
  // The kernel lets a program array hold only programs of its first user's
  // type and expected attach type (SEC("xdp") sets BPF_XDP; a tail call in
  // an "ID/KEY" section has none).
  for (const ProgramPlan &P : Plans) {
    auto Entry = EntryAttachTypes.find(P.Type);
    bpf_program *Prog = bpf_object__find_program_by_name(O, P.Function.c_str());
    if (P.Slot && Prog && Entry != EntryAttachTypes.end())
      bpf_program__set_expected_attach_type(Prog, Entry->second);
  }
}

/// Loads only program \p Index of the object at \p Path, with log level
/// \p Level; returns the error (0 on success) and the log.
std::pair<int, std::string> loadAlone(StringRef Path, const std::string &Image,
                                      const LoadOptions &Options,
                                      const std::vector<ProgramPlan> &Plans,
                                      size_t Index, unsigned Level,
                                      size_t LogSize) {
  Expected<ObjectPtr> O = openObject(Path, Image, Options.PinRoot);
  if (!O) {
    consumeError(O.takeError());
    return {EINVAL, ""};
  }
  applyPlan(O->get(), Plans);
  std::vector<char> Log(LogSize, 0);
  bpf_program *Prog;
  bpf_object__for_each_program(Prog, O->get()) {
    bool IsTarget = Plans[Index].Function == bpf_program__name(Prog);
    bpf_program__set_autoload(Prog, IsTarget);
    if (IsTarget) {
      bpf_program__set_log_level(Prog, Level);
      bpf_program__set_log_buf(Prog, Log.data(), Log.size());
    }
  }
  int Err = bpf_object__load(O->get());
  Log.back() = 0;
  return {Err < 0 ? -Err : 0, std::string(Log.data())};
}

/// Finds which programs the verifier rejects by loading each one alone.
void diagnoseRejections(StringRef Path, const std::string &Image,
                        const std::vector<ProgramPlan> &Plans,
                        const LoadOptions &Options, LoadResult &Result) {
  for (size_t I = 0; I < Plans.size(); ++I) {
    auto [Err, Log] =
        loadAlone(Path, Image, Options, Plans, I, LogLevelStats, StatsLogSize);
    if (!Err)
      continue;
    auto [FullErr, FullLog] =
        loadAlone(Path, Image, Options, Plans, I,
                  LogLevelInstructions | LogLevelStats, FullLogSize);
    ProgramRejection R;
    R.Function = Plans[I].Function;
    R.Section = Plans[I].Section;
    R.Errno = Err;
    StringRef Shown = FullLog.empty() ? StringRef(Log) : StringRef(FullLog);
    R.LogTail = lastLogLines(Shown, Options.LogTailLines);
    R.Reason = verifierReason(Shown);
    R.SourceLine = lastSourceLine(Shown);
    Result.Rejections.push_back(std::move(R));
  }
  takeLibbpfMessages(); // the retries' messages repeat the first ones
}

VerifierCost costFromProgramInfo(int Fd) {
  VerifierCost Cost;
  bpf_prog_info Info{};
  __u32 Len = sizeof(Info);
  if (bpf_obj_get_info_by_fd(Fd, &Info, &Len) == 0 && Info.verified_insns) {
    Cost.Known = true;
    Cost.InstructionsProcessed = Info.verified_insns;
  }
  return Cost;
}

/// The program arrays of \p O, by name, for messages.
std::string programArrayNames(bpf_object *O) {
  std::string Names;
  bpf_map *Map;
  bpf_object__for_each_map(Map, O) {
    if (bpf_map__type(Map) == BPF_MAP_TYPE_PROG_ARRAY)
      Names +=
          (Names.empty() ? "'" : ", '") + std::string(bpf_map__name(Map)) + "'";
  }
  return Names.empty() ? "none" : Names;
}

/// The map a slot names: by legacy id through the id table (or the only
/// program array when the object has one and no table says otherwise), by
/// name exactly, else by name up to a test build's decorations
/// ("cilium_calls" is "test_cilium_calls_65535").
Expected<bpf_map *> slotMap(bpf_object *O, const TailCallSlot &Slot,
                            const LoadOptions &Options) {
  auto Fail = [&](const Twine &Why) -> Expected<bpf_map *> {
    return createStringError(inconvertibleErrorCode(), Why);
  };
  std::string Wanted = Slot.Map;
  if (Slot.MapIsLegacyId) {
    uint32_t Id = 0;
    StringRef(Slot.Map).getAsInteger(10, Id);
    auto Named = Options.LegacyMapIds.find(Id);
    if (Named != Options.LegacyMapIds.end()) {
      Wanted = Named->second;
    } else {
      bpf_map *Only = nullptr;
      unsigned Arrays = 0;
      bpf_map *Map;
      bpf_object__for_each_map(Map, O) {
        if (bpf_map__type(Map) == BPF_MAP_TYPE_PROG_ARRAY) {
          Only = Map;
          ++Arrays;
        }
      }
      if (Arrays == 1)
        return Only;
      return Fail("no map has legacy id " + Twine(Id) +
                  " (program arrays: " + programArrayNames(O) +
                  "); give --map-id " + Twine(Id) + "=NAME");
    }
  }
  bpf_map *Best = nullptr;
  int BestMatch = 0;
  bool Ambiguous = false;
  bpf_map *Map;
  bpf_object__for_each_map(Map, O) {
    int Match = tailcalls::mapNameMatch(bpf_map__name(Map), Wanted);
    if (Match > BestMatch) {
      Best = Map;
      BestMatch = Match;
      Ambiguous = false;
    } else if (Match && Match == BestMatch) {
      Ambiguous = true;
    }
  }
  if (!Best)
    return Fail("no map named '" + Wanted +
                "' (program arrays: " + programArrayNames(O) + ")");
  if (Ambiguous)
    return Fail("more than one map is named '" + Wanted +
                "' up to a test prefix or endpoint suffix");
  return Best;
}

/// \p Options with the legacy ids the pre-pass read, unless --map-id names
/// the id.
LoadOptions withLegacyIds(const LoadedObject &Loaded,
                          const LoadOptions &Options) {
  LoadOptions WithIds = Options;
  for (const auto &[Name, Id] : Loaded.Prepass.MapIds.all())
    if (std::optional<std::string> Only = Loaded.Prepass.MapIds.mapWithId(Id))
      WithIds.LegacyMapIds.try_emplace(Id, *Only);
  return WithIds;
}

Error fillProgramArrays(LoadedObject &Loaded, const LoadOptions &Options) {
  LoadOptions WithIds = withLegacyIds(Loaded, Options);
  bpf_object *O = Loaded.object();
  std::optional<uint32_t> EndpointId = Options.EndpointId;
  if (!EndpointId)
    if (std::optional<uint64_t> Global =
            globalIntegerValue(O, EndpointIdGlobal))
      EndpointId = uint32_t(*Global);
  std::map<std::pair<std::string, uint32_t>, std::string> Taken;
  for (const LoadedProgram &P : Loaded.Programs) {
    if (!P.Slot)
      continue;
    auto Fail = [&](const Twine &Why) {
      return createStringError(inconvertibleErrorCode(),
                               "tail call '" + P.Function + "' (section '" +
                                   P.Section + "'): " + Why);
    };
    Expected<bpf_map *> Found = slotMap(O, *P.Slot, WithIds);
    if (!Found)
      return Fail(toString(Found.takeError()));
    bpf_map *Map = *Found;
    if (bpf_map__type(Map) != BPF_MAP_TYPE_PROG_ARRAY)
      return Fail("map '" + Twine(bpf_map__name(Map)) +
                  "' is not a program array");
    // A template slot is looked up at the endpoint's id: wire both.
    std::vector<uint32_t> Keys = {P.Slot->Key};
    if (P.Slot->Key == TemplateEndpointId && EndpointId &&
        *EndpointId != TemplateEndpointId)
      Keys.push_back(*EndpointId);
    for (uint32_t Key : Keys) {
      if (Key >= bpf_map__max_entries(Map))
        return Fail("key " + Twine(Key) + " is beyond map '" +
                    bpf_map__name(Map) + "' (" +
                    Twine(bpf_map__max_entries(Map)) + " entries)");
      auto [It, New] = Taken.try_emplace({bpf_map__name(Map), Key}, P.Function);
      if (!New)
        return Fail("slot " + Twine(bpf_map__name(Map)) + "/" + Twine(Key) +
                    " is also claimed by '" + It->second + "'");
      int Fd = P.Fd;
      if (bpf_map_update_elem(bpf_map__fd(Map), &Key, &Fd, BPF_ANY))
        return Fail("cannot insert into '" + Twine(bpf_map__name(Map)) +
                    "': " + strerror(errno));
    }
  }
  return Error::success();
}

} // namespace

Expected<bpf_map *> programArrayOf(const LoadedObject &Loaded,
                                   const TailCallSlot &Slot,
                                   const LoadOptions &Options) {
  Expected<bpf_map *> Map =
      slotMap(Loaded.object(), Slot, withLegacyIds(Loaded, Options));
  if (!Map)
    return Map.takeError();
  if (bpf_map__type(*Map) != BPF_MAP_TYPE_PROG_ARRAY)
    return createStringError(inconvertibleErrorCode(),
                             "map '" + Twine(bpf_map__name(*Map)) +
                                 "' is not a program array");
  if (Slot.Key >= bpf_map__max_entries(*Map))
    return createStringError(
        inconvertibleErrorCode(),
        "key " + Twine(Slot.Key) + " is beyond map '" + bpf_map__name(*Map) +
            "' (" + Twine(bpf_map__max_entries(*Map)) + " entries)");
  return *Map;
}

LoadResult loadObject(StringRef Path, const LoadOptions &Options) {
  LoadResult Result;
  takeLibbpfMessages();
  auto Bytes = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                     /*RequiresNullTerminator=*/false);
  if (!Bytes) {
    Result.Error = "cannot read BPF object '" + Path.str() +
                   "': " + Bytes.getError().message();
    return Result;
  }
  Expected<PrepassResult> Prepass =
      prepassObject((*Bytes)->getBuffer(), Path, Options.Prepass);
  if (!Prepass) {
    Result.Error = toString(Prepass.takeError());
    return Result;
  }
  if (!Options.PreparedObjectPath.empty() && Prepass->Rewritten) {
    if (Error E =
            writeToOutput(Options.PreparedObjectPath, [&](raw_ostream &OS) {
              OS << Prepass->Image;
              return Error::success();
            })) {
      Result.Error = toString(std::move(E));
      return Result;
    }
  }
  Expected<ObjectPtr> O = openObject(Path, Prepass->Image, Options.PinRoot);
  if (!O) {
    Result.Error = toString(O.takeError());
    Result.Messages = takeLibbpfMessages();
    return Result;
  }
  std::vector<ProgramPlan> Plans = planPrograms(O->get(), Options);
  applyPlan(O->get(), Plans);
  std::vector<std::vector<char>> Logs;
  bpf_program *Prog;
  bpf_object__for_each_program(Prog, O->get()) {
    Logs.emplace_back(StatsLogSize, 0);
    bpf_program__set_log_level(Prog, LogLevelStats);
    bpf_program__set_log_buf(Prog, Logs.back().data(), Logs.back().size());
  }
  if (int Err = bpf_object__load(O->get())) {
    Result.Error = "loading '" + Path.str() + "' failed: " + strerror(-Err);
    Result.Messages = takeLibbpfMessages();
    if (std::optional<std::string> Map = mapFailure(Result.Messages)) {
      Result.Error =
          "loading '" + Path.str() +
          "' failed before any program reached the verifier: " + *Map;
      return Result;
    }
    diagnoseRejections(Path, Prepass->Image, Plans, Options, Result);
    if (Result.Rejections.empty() || Result.Rejections.size() == Plans.size())
      return Result;
    // Load the others again without the rejected programs: they are still
    // worth running, and a rejection is judged per program.
    O = openObject(Path, Prepass->Image, Options.PinRoot);
    if (!O) {
      consumeError(O.takeError());
      return Result;
    }
    applyPlan(O->get(), Plans);
    Logs.clear();
    bpf_object__for_each_program(Prog, O->get()) {
      StringRef Function = bpf_program__name(Prog);
      bool Rejected = any_of(Result.Rejections, [&](const ProgramRejection &R) {
        return R.Function == Function;
      });
      bpf_program__set_autoload(Prog, !Rejected);
      Logs.emplace_back(StatsLogSize, 0);
      bpf_program__set_log_level(Prog, LogLevelStats);
      bpf_program__set_log_buf(Prog, Logs.back().data(), Logs.back().size());
    }
    if (bpf_object__load(O->get())) {
      takeLibbpfMessages();
      return Result;
    }
    takeLibbpfMessages();
  }

  // libbpf reads the image in place (open_mem does not copy it); moving the
  // string keeps its buffer where it is.
  auto Loaded =
      std::make_unique<LoadedObject>(O->release(), std::move(*Prepass));
  size_t I = 0;
  bpf_object__for_each_program(Prog, Loaded->object()) {
    if (!bpf_program__autoload(Prog)) {
      ++I;
      continue;
    }
    LoadedProgram P;
    P.Handle = Prog;
    P.Function = Plans[I].Function;
    P.Section = Plans[I].Section;
    P.Type = bpf_program__type(Prog);
    P.Slot = Plans[I].Slot;
    P.Fd = bpf_program__fd(Prog);
    Logs[I].back() = 0;
    P.Cost = parseVerifierCost(Logs[I].data());
    if (!P.Cost.Known)
      P.Cost = costFromProgramInfo(P.Fd);
    Loaded->Programs.push_back(std::move(P));
    ++I;
  }
  StringMap<unsigned> SectionUses;
  for (const LoadedProgram &P : Loaded->Programs)
    ++SectionUses[P.Section];
  for (LoadedProgram &P : Loaded->Programs)
    P.Name = SectionUses[P.Section] > 1 ? P.Function : P.Section;
  if (Error E = fillProgramArrays(*Loaded, Options)) {
    Result.Error = toString(std::move(E));
    return Result;
  }
  takeLibbpfMessages();
  Result.Object = std::move(Loaded);
  return Result;
}

} // namespace bpftidy::verify
