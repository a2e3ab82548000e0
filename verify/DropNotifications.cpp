//===- DropNotifications.cpp - read a run's drops as a profile says -------===//

#include "verify/DropNotifications.h"

#include "verify/BtfLayouts.h"
#include "verify/DwarfLayouts.h"
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstring>
#include <map>

using namespace llvm;

namespace bpftidy::verify {

// Pages per CPU for the perf buffer: plenty for one run's notifications.
constexpr size_t PerfPagesPerCpu = 8;

static Error notificationError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

std::optional<DropEvent> EventDecoder::decode(ArrayRef<uint8_t> Bytes,
                                              std::string &Error) const {
  auto Read = [&](const std::optional<FieldLayout> &F) -> int64_t {
    if (!F)
      return 0;
    return readField(Bytes, *F).value_or(0);
  };
  if (Type) {
    std::optional<int64_t> T = readField(Bytes, *Type);
    if (!T) {
      Error = "a record of " + std::to_string(Bytes.size()) +
              " bytes is too short for struct " + Record.Name;
      return std::nullopt;
    }
    if (*T != TypeValue)
      return std::nullopt;
  }
  std::optional<int64_t> R = readField(Bytes, Reason);
  if (!R) {
    Error = "a record of " + std::to_string(Bytes.size()) +
            " bytes is too short for struct " + Record.Name;
    return std::nullopt;
  }
  DropEvent E;
  E.Reason = static_cast<int32_t>(ReasonIsAbsolute ? -*R : *R);
  E.Direction = static_cast<uint8_t>(Read(Direction));
  E.SourceFile = static_cast<uint32_t>(Read(File));
  E.SourceLine = static_cast<uint32_t>(Read(Line));
  E.SourceIdentity = static_cast<uint32_t>(Read(Identity));
  E.ExitCode = static_cast<uint8_t>(Read(ExitCode));
  return E;
}

void directionsFromMetrics(std::vector<DropEvent> &Events,
                           ArrayRef<MetricCount> Metrics) {
  for (DropEvent &E : Events) {
    if (E.Direction)
      continue;
    uint32_t Reason =
        static_cast<uint32_t>(E.Reason < 0 ? -E.Reason : E.Reason);
    std::optional<uint32_t> Direction;
    bool Agree = true;
    for (const MetricCount &M : Metrics) {
      if (M.Reason != (Reason & 0xff) || !M.Count || M.Reason == 0)
        continue;
      if (Direction && *Direction != M.Direction)
        Agree = false;
      Direction = M.Direction;
    }
    if (Direction && Agree)
      E.Direction = static_cast<uint8_t>(*Direction);
  }
}

namespace {

/// Finds records in BTF, then in DWARF (opened only when needed).
class RecordFinder {
public:
  RecordFinder(bpf_object *Object, StringRef ObjectPath)
      : Btf(bpf_object__btf(Object)), ObjectPath(ObjectPath) {}

  Expected<RecordLayout> record(StringRef Name, std::string &From) {
    if (std::optional<RecordLayout> L = recordLayoutFromBtf(Btf, Name)) {
      From = "BTF";
      return *L;
    }
    if (Error E = openDwarf())
      return std::move(E);
    if (std::optional<RecordLayout> L = Dwarf->record(Name)) {
      From = "DWARF";
      return *L;
    }
    return notificationError("struct " + Name +
                             " is neither in the BTF nor "
                             "in the DWARF of " +
                             ObjectPath + " (built without -g?)");
  }

  Expected<int64_t> value(StringRef Text) {
    int64_t Number;
    if (!Text.getAsInteger(0, Number))
      return Number;
    if (std::optional<int64_t> V = enumeratorFromBtf(Btf, Text))
      return *V;
    if (Error E = openDwarf())
      return std::move(E);
    if (std::optional<int64_t> V = Dwarf->enumerator(Text))
      return *V;
    return notificationError("enumerator " + Text +
                             " is neither in the BTF nor in the DWARF of " +
                             ObjectPath);
  }

private:
  Error openDwarf() {
    if (Dwarf)
      return Error::success();
    Expected<std::unique_ptr<DwarfTypes>> Opened = DwarfTypes::open(ObjectPath);
    if (!Opened)
      return Opened.takeError();
    Dwarf = std::move(*Opened);
    return Error::success();
  }

  const struct btf *Btf;
  std::string ObjectPath;
  std::unique_ptr<DwarfTypes> Dwarf;
};

Expected<FieldLayout> field(const RecordLayout &Record, StringRef Name) {
  if (const FieldLayout *F = Record.find(Name))
    return *F;
  std::string Known;
  for (const FieldLayout &F : Record.Fields)
    Known += (Known.empty() ? "" : ", ") + F.Name;
  return notificationError("struct " + Record.Name + " has no scalar field '" +
                           Name + "' (fields: " + Known + ")");
}

Error optionalField(const RecordLayout &Record, StringRef Name,
                    std::optional<FieldLayout> &Out) {
  if (Name.empty())
    return Error::success();
  Expected<FieldLayout> F = field(Record, Name);
  if (!F)
    return F.takeError();
  Out = *F;
  return Error::success();
}

} // namespace

Expected<std::unique_ptr<DropNotifications>>
DropNotifications::create(bpf_object *Object, StringRef ObjectPath,
                          const DatapathProfile &Profile) {
  std::unique_ptr<DropNotifications> N(new DropNotifications());
  RecordFinder Finder(Object, ObjectPath);
  std::string Where = "profile '" + Profile.Name + "'";

  if (Profile.Events)
    if (bpf_map *Map = findProfileMap(Object, Profile.Events->Map)) {
      const EventSpec &S = *Profile.Events;
      bpf_map_type Wanted = S.MapType == "perf" ? BPF_MAP_TYPE_PERF_EVENT_ARRAY
                                                : BPF_MAP_TYPE_RINGBUF;
      if (bpf_map__type(Map) != Wanted)
        return notificationError(
            Where + ": map '" + bpf_map__name(Map) + "' is not a " +
            (S.MapType == "perf" ? "perf event array" : "ring buffer"));
      std::string From;
      Expected<RecordLayout> Record = Finder.record(S.Record, From);
      if (!Record)
        return Record.takeError();
      EventDecoder &D = N->Decoder;
      D.Record = *Record;
      D.ReasonIsAbsolute = S.ReasonIsAbsolute;
      Expected<FieldLayout> Reason = field(D.Record, S.ReasonField);
      if (!Reason)
        return Reason.takeError();
      D.Reason = *Reason;
      for (auto [Name, Out] :
           {std::pair<StringRef, std::optional<FieldLayout> *>{S.TypeField,
                                                               &D.Type},
            {S.DirectionField, &D.Direction},
            {S.FileField, &D.File},
            {S.LineField, &D.Line},
            {S.IdentityField, &D.Identity},
            {S.ExitCodeField, &D.ExitCode}})
        if (Error E = optionalField(D.Record, Name, *Out))
          return std::move(E);
      if (D.Type) {
        Expected<int64_t> Value = Finder.value(S.TypeValue);
        if (!Value)
          return Value.takeError();
        D.TypeValue = *Value;
      }
      N->HasDirection = D.Direction.has_value();
      int Fd = bpf_map__fd(Map);
      if (Wanted == BPF_MAP_TYPE_RINGBUF)
        N->Ring = ring_buffer__new(Fd, &DropNotifications::onRingRecord,
                                   N.get(), nullptr);
      else
        N->Perf = perf_buffer__new(
            Fd, PerfPagesPerCpu, &DropNotifications::onPerfSample,
            &DropNotifications::onPerfLost, N.get(), nullptr);
      if (!N->Ring && !N->Perf)
        return createStringError(
            std::error_code(errno, std::generic_category()),
            "cannot read %s '%s': %s",
            Wanted == BPF_MAP_TYPE_RINGBUF ? "ring buffer" : "perf event array",
            bpf_map__name(Map), strerror(errno));
      N->Description =
          std::string(Wanted == BPF_MAP_TYPE_RINGBUF ? "ring buffer"
                                                     : "perf event array") +
          " '" + bpf_map__name(Map) + "' (struct " + S.Record + " from " +
          From + ")";
    }

  if (Profile.Metrics)
    if (bpf_map *Map = findProfileMap(Object, Profile.Metrics->Map)) {
      const MetricsSpec &S = *Profile.Metrics;
      std::string KeyFrom, ValueFrom;
      Expected<RecordLayout> Key = Finder.record(S.KeyRecord, KeyFrom);
      if (!Key)
        return Key.takeError();
      Expected<RecordLayout> Value = Finder.record(S.ValueRecord, ValueFrom);
      if (!Value)
        return Value.takeError();
      Expected<FieldLayout> Reason = field(*Key, S.KeyReasonField);
      if (!Reason)
        return Reason.takeError();
      Expected<FieldLayout> Direction = field(*Key, S.KeyDirectionField);
      if (!Direction)
        return Direction.takeError();
      Expected<FieldLayout> Count = field(*Value, S.ValueCountField);
      if (!Count)
        return Count.takeError();
      N->KeyReason = *Reason;
      N->KeyDirection = *Direction;
      N->ValueCount = *Count;
      N->MetricsFd = bpf_map__fd(Map);
      N->MetricsKeySize = bpf_map__key_size(Map);
      N->MetricsValueSize = bpf_map__value_size(Map);
      N->MetricsPerCpu = bpf_map__type(Map) == BPF_MAP_TYPE_PERCPU_HASH ||
                         bpf_map__type(Map) == BPF_MAP_TYPE_LRU_PERCPU_HASH ||
                         bpf_map__type(Map) == BPF_MAP_TYPE_PERCPU_ARRAY;
      N->Description += std::string(N->Description.empty() ? "" : ", ") +
                        "metrics '" + bpf_map__name(Map) + "' (struct " +
                        S.KeyRecord + " from " + KeyFrom + ")";
    }
  return N;
}

DropNotifications::~DropNotifications() {
  ring_buffer__free(Ring);
  perf_buffer__free(Perf);
}

std::string DropNotifications::describe() const { return Description; }

int DropNotifications::onRingRecord(void *Context, void *Data, size_t Size) {
  static_cast<DropNotifications *>(Context)->onRecord(
      ArrayRef<uint8_t>(static_cast<const uint8_t *>(Data), Size));
  return 0;
}

void DropNotifications::onPerfSample(void *Context, int, void *Data,
                                     uint32_t Size) {
  static_cast<DropNotifications *>(Context)->onRecord(
      ArrayRef<uint8_t>(static_cast<const uint8_t *>(Data), Size));
}

void DropNotifications::onPerfLost(void *Context, int Cpu,
                                   unsigned long long Count) {
  auto *N = static_cast<DropNotifications *>(Context);
  if (!N->Discarding)
    N->Current.Error = std::to_string(Count) + " notification(s) lost on CPU " +
                       std::to_string(Cpu);
}

void DropNotifications::onRecord(ArrayRef<uint8_t> Bytes) {
  if (Discarding)
    return;
  std::string Error;
  if (std::optional<DropEvent> E = Decoder.decode(Bytes, Error))
    Current.Events.push_back(*E);
  else if (!Error.empty())
    Current.Error = Error;
}

void DropNotifications::discard() {
  Discarding = true;
  if (Ring)
    ring_buffer__consume(Ring);
  if (Perf)
    perf_buffer__consume(Perf);
  Discarding = false;
  Current = RunNotifications();
}

std::vector<MetricCount>
DropNotifications::readMetrics(std::string &Error) const {
  std::vector<MetricCount> Counts;
  if (MetricsFd < 0)
    return Counts;
  int Cpus = MetricsPerCpu ? libbpf_num_possible_cpus() : 1;
  if (Cpus <= 0) {
    Error = "cannot count the possible CPUs";
    return Counts;
  }
  // The kernel copies a per-CPU value as one 8-byte aligned slot per CPU.
  size_t Slot =
      MetricsPerCpu ? (MetricsValueSize + 7) / 8 * 8 : MetricsValueSize;
  std::vector<uint8_t> Key(MetricsKeySize), Next(MetricsKeySize);
  std::vector<uint8_t> Values(Slot * Cpus);
  std::map<std::pair<uint32_t, uint32_t>, uint64_t> Sums;
  void *Previous = nullptr;
  while (bpf_map_get_next_key(MetricsFd, Previous, Next.data()) == 0) {
    Key = Next;
    Previous = Key.data();
    if (bpf_map_lookup_elem(MetricsFd, Key.data(), Values.data()))
      continue; // deleted meanwhile
    uint64_t Count = 0;
    for (int Cpu = 0; Cpu < Cpus; ++Cpu)
      Count += readField(ArrayRef<uint8_t>(Values).slice(Cpu * Slot, Slot),
                         ValueCount)
                   .value_or(0);
    uint32_t Reason = readField(Key, KeyReason).value_or(0);
    uint32_t Direction = readField(Key, KeyDirection).value_or(0);
    Sums[{Reason, Direction}] += Count;
  }
  for (auto &[Key, Count] : Sums)
    Counts.push_back({Key.first, Key.second, Count});
  return Counts;
}

RunNotifications DropNotifications::collect() {
  int Err = 0;
  if (Ring)
    Err = ring_buffer__consume(Ring);
  else if (Perf)
    Err = perf_buffer__consume(Perf);
  if (Err < 0 && Current.Error.empty())
    Current.Error = std::string("reading notifications: ") + strerror(-Err);
  std::string MetricsError;
  Current.Metrics = readMetrics(MetricsError);
  if (!MetricsError.empty() && Current.Error.empty())
    Current.Error = MetricsError;
  if (!HasDirection)
    directionsFromMetrics(Current.Events, Current.Metrics);
  RunNotifications Result = std::move(Current);
  Current = RunNotifications();
  return Result;
}

Error sizePerfEventArrays(bpf_object *Object) {
  int Cpus = libbpf_num_possible_cpus();
  if (Cpus <= 0)
    return notificationError("cannot count the possible CPUs: " +
                             Twine(strerror(-Cpus)));
  bpf_map *Map;
  bpf_object__for_each_map(Map, Object) {
    if (bpf_map__type(Map) != BPF_MAP_TYPE_PERF_EVENT_ARRAY ||
        bpf_map__max_entries(Map) >= unsigned(Cpus))
      continue;
    if (int Err = bpf_map__set_max_entries(Map, Cpus))
      return notificationError("cannot size perf event array '" +
                               Twine(bpf_map__name(Map)) + "' to " +
                               Twine(Cpus) + " CPUs: " + strerror(-Err));
  }
  return Error::success();
}

} // namespace bpftidy::verify
