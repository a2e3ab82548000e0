//===- DatapathProfile.cpp - where a datapath reports its drops -----------===//

#include "verify/DatapathProfile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <bpf/libbpf.h>

using namespace llvm;

namespace bpftidy::verify {

static DatapathProfile sampleProfile() {
  DatapathProfile P;
  P.Name = "sample";
  EventSpec E;
  E.Map = "drop_events";
  E.MapType = "ringbuf";
  E.Record = "drop_event";
  E.ReasonField = "reason";
  E.DirectionField = "direction";
  E.FileField = "source_file";
  E.LineField = "source_line";
  E.IdentityField = "src_identity";
  E.ExitCodeField = "exit_code";
  P.Events = E;
  P.Metrics = MetricsSpec{"drop_metrics", "drop_metrics_key",   "reason",
                          "direction",    "drop_metrics_value", "count"};
  P.FileIdsHeaders = {"lib/drop.h"};
  return P;
}

/// Cilium from 2020 on: struct drop_notify (NOTIFY_CAPTURE_HDR, then labels,
/// line, file, ext_error, ...) to the perf event array cilium_events, and
/// the per-CPU hash cilium_metrics keyed by struct metrics_key.
static DatapathProfile ciliumProfile() {
  DatapathProfile P;
  P.Name = "cilium";
  EventSpec E;
  E.Map = "cilium_events";
  E.MapType = "perf";
  E.Record = "drop_notify";
  E.TypeField = "type";
  E.TypeValue = "CILIUM_NOTIFY_DROP";
  E.ReasonField = "subtype";
  E.ReasonIsAbsolute = true;
  E.FileField = "file";
  E.LineField = "line";
  E.IdentityField = "src_label";
  P.Events = E;
  P.Metrics = MetricsSpec{"cilium_metrics", "metrics_key", "reason", "dir",
                          "metrics_value",  "count"};
  // Until 2024 a header of its own; later lib/source_info.h.
  P.FileIdsHeaders = {"source_names_to_ids.h", "lib/source_info.h"};
  // ep_config.h: DEFINE_U32(LXC_IPV4, ...), DEFINE_IPV6(LXC_IP, ...);
  // node_config.h: DEFINE_IPV6(ROUTER_IP/HOST_IP, ...) and plain macros.
  P.Configuration = {"LXC_IPV4",  "LXC_IP",  "IPV4_GATEWAY",
                     "ROUTER_IP", "HOST_IP", "NODEPORT_PORT_MIN"};
  return P;
}

ArrayRef<DatapathProfile> builtinProfiles() {
  static const std::vector<DatapathProfile> Profiles = {ciliumProfile(),
                                                        sampleProfile()};
  return Profiles;
}

static Error profileError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<DatapathProfile> parseProfile(StringRef Json, StringRef Origin) {
  Expected<json::Value> Root = json::parse(Json);
  if (!Root)
    return profileError(Origin + ": " + toString(Root.takeError()));
  json::Path::Root PathRoot;
  json::Path Path(PathRoot);
  const json::Object *O = Root->getAsObject();
  if (!O)
    return profileError(Origin + ": a profile is a JSON object");
  DatapathProfile P;
  auto Str = [](const json::Object &Obj, StringRef Key, std::string &Out,
                bool Required, const Twine &Where) -> Error {
    const json::Value *V = Obj.get(Key);
    if (!V) {
      if (Required)
        return profileError(Where + ": '" + Key + "' is missing");
      return Error::success();
    }
    std::optional<StringRef> S = V->getAsString();
    if (!S || S->empty())
      return profileError(Where + ": '" + Key + "' must be a non-empty string");
    Out = S->str();
    return Error::success();
  };
  if (Error E = Str(*O, "name", P.Name, true, Origin))
    return std::move(E);
  if (const json::Value *V = O->get("file_ids_header")) {
    std::optional<StringRef> One = V->getAsString();
    const json::Array *Many = V->getAsArray();
    if (One && !One->empty())
      P.FileIdsHeaders.push_back(One->str());
    for (size_t I = 0; Many && I < Many->size(); ++I)
      if (std::optional<StringRef> H = (*Many)[I].getAsString())
        P.FileIdsHeaders.push_back(H->str());
    if (P.FileIdsHeaders.empty())
      return profileError(Origin + ": 'file_ids_header' must be a path or a "
                                   "list of paths");
  }
  if (const json::Value *V = O->get("events")) {
    const json::Object *Ev = V->getAsObject();
    std::string Where = (Origin + ": events").str();
    if (!Ev)
      return profileError(Where + " must be an object");
    EventSpec S;
    for (auto [Key, Out, Required] :
         {std::tuple<StringRef, std::string *, bool>{"map", &S.Map, true},
          {"map_type", &S.MapType, true},
          {"record", &S.Record, true},
          {"reason", &S.ReasonField, true},
          {"type_field", &S.TypeField, false},
          {"type_value", &S.TypeValue, false},
          {"direction", &S.DirectionField, false},
          {"file", &S.FileField, false},
          {"line", &S.LineField, false},
          {"identity", &S.IdentityField, false},
          {"exit_code", &S.ExitCodeField, false}})
      if (Error E = Str(*Ev, Key, *Out, Required, Where))
        return std::move(E);
    if (S.MapType != "ringbuf" && S.MapType != "perf")
      return profileError(Where +
                          ": 'map_type' must be \"ringbuf\" or "
                          "\"perf\", not \"" +
                          S.MapType + "\"");
    if (S.TypeField.empty() != S.TypeValue.empty())
      return profileError(Where +
                          ": 'type_field' and 'type_value' go together");
    if (const json::Value *Abs = Ev->get("reason_is_absolute")) {
      std::optional<bool> B = Abs->getAsBoolean();
      if (!B)
        return profileError(Where + ": 'reason_is_absolute' must be a boolean");
      S.ReasonIsAbsolute = *B;
    }
    P.Events = S;
  }
  if (const json::Value *V = O->get("metrics")) {
    const json::Object *M = V->getAsObject();
    std::string Where = (Origin + ": metrics").str();
    if (!M)
      return profileError(Where + " must be an object");
    MetricsSpec S;
    for (auto [Key, Out] : {std::pair<StringRef, std::string *>{"map", &S.Map},
                            {"key_record", &S.KeyRecord},
                            {"key_reason", &S.KeyReasonField},
                            {"key_direction", &S.KeyDirectionField},
                            {"value_record", &S.ValueRecord},
                            {"value_count", &S.ValueCountField}})
      if (Error E = Str(*M, Key, *Out, true, Where))
        return std::move(E);
    P.Metrics = S;
  }
  if (const json::Value *V = O->get("configuration")) {
    const json::Object *C = V->getAsObject();
    std::string Where = (Origin + ": configuration").str();
    if (!C)
      return profileError(Where + " must be an object");
    ConfigurationSpec &S = P.Configuration;
    std::vector<std::pair<StringRef, std::string *>> Keys = {
        {"endpoint_ipv4", &S.EndpointIPv4}, {"endpoint_ipv6", &S.EndpointIPv6},
        {"router_ipv4", &S.RouterIPv4},     {"router_ipv6", &S.RouterIPv6},
        {"host_ipv6", &S.HostIPv6},         {"nodeport_port", &S.NodePort}};
    for (auto [Key, Out] : Keys)
      if (Error E = Str(*C, Key, *Out, false, Where))
        return std::move(E);
    for (const auto &KV : *C)
      if (none_of(Keys, [&](const auto &K) {
            return K.first == StringRef(KV.first);
          }))
        return profileError(Where + ": unknown key '" + KV.first.str() + "'");
  }
  if (!P.Events && !P.Metrics)
    return profileError(Origin +
                        ": a profile needs 'events', 'metrics' or both");
  return P;
}

Expected<DatapathProfile> resolveProfile(StringRef NameOrPath) {
  if (!NameOrPath.contains('/') && !NameOrPath.ends_with(".json")) {
    for (const DatapathProfile &P : builtinProfiles())
      if (P.Name == NameOrPath)
        return P;
    std::string Known;
    for (const DatapathProfile &P : builtinProfiles())
      Known += (Known.empty() ? "" : ", ") + P.Name;
    return profileError("unknown profile '" + NameOrPath +
                        "' (built in: " + Known + "; or a JSON file)");
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> File =
      MemoryBuffer::getFile(NameOrPath, /*IsText=*/true);
  if (!File)
    return profileError("cannot read profile '" + NameOrPath +
                        "': " + File.getError().message());
  return parseProfile((*File)->getBuffer(), NameOrPath);
}

bool mapNameMatches(StringRef Actual, StringRef Wanted) {
  if (Actual == Wanted)
    return true;
  return Actual.size() > Wanted.size() && Actual.ends_with(Wanted) &&
         Actual[Actual.size() - Wanted.size() - 1] == '_';
}

bpf_map *findProfileMap(bpf_object *Object, StringRef Wanted) {
  if (Wanted.empty())
    return nullptr;
  bpf_map *Exact = bpf_object__find_map_by_name(Object, Wanted.str().c_str());
  if (Exact)
    return Exact;
  bpf_map *Map;
  bpf_object__for_each_map(
      Map, Object) if (mapNameMatches(bpf_map__name(Map), Wanted)) return Map;
  return nullptr;
}

std::optional<DatapathProfile> detectProfile(bpf_object *Object) {
  for (const DatapathProfile &P : builtinProfiles())
    if ((P.Events && findProfileMap(Object, P.Events->Map)) ||
        (P.Metrics && findProfileMap(Object, P.Metrics->Map)))
      return P;
  return std::nullopt;
}

} // namespace bpftidy::verify
