//===- IntendedSites.cpp - the bare drops a datapath has on purpose -------===//

#include "verify/IntendedSites.h"

#include "verify/PacketBuilder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace bpftidy::verify {

std::string IntendedSite::location() const {
  return File + ":" + std::to_string(Line) + ":" + std::to_string(Column);
}

ArrayRef<StringRef> knownSiteKinds() {
  static const StringRef Kinds[] = {
      "literal", "propagated",       "inline-callee",
      "entry",   "missed-tail-call", "ignored-tail-call-result"};
  return Kinds;
}

namespace {

/// Reads one site object, naming the site and field in every error.
class SiteReader {
public:
  SiteReader(StringRef Path, size_t Index, const json::Object &Object)
      : Path(Path), Index(Index), Object(Object) {}

  Expected<IntendedSite> read() {
    IntendedSite S;
    if (Error E = string("id", S.Id))
      return E;
    if (Error E = string("file", S.File))
      return E;
    if (Error E = integer("line", S.Line, 1, UINT32_MAX))
      return E;
    if (Error E = integer("column", S.Column, 1, UINT32_MAX))
      return E;
    if (Error E = string("kind", S.Kind))
      return E;
    if (!is_contained(knownSiteKinds(), StringRef(S.Kind)))
      return fail("'kind' is '" + S.Kind +
                  "'; expected literal, propagated, inline-callee, entry, "
                  "missed-tail-call or ignored-tail-call-result");
    if (const json::Value *F = Object.get("function"))
      if (std::optional<StringRef> Name = F->getAsString())
        S.Function = Name->str();
    if (Error E = stringList("configurations", S.Configurations))
      return E;
    if (Error E = string("reason", S.Reason))
      return E;
    if (Error E = integer("reason_value", S.ReasonValue, INT32_MIN, -1))
      return E;
    if (Error E = string("direction", S.Direction))
      return E;
    if (Error E = integer("direction_value", S.DirectionValue, 0, 255))
      return E;
    if (Error E = string("program", S.Program))
      return E;
    if (Error E = string("packet", S.Packet))
      return E;
    Expected<std::vector<uint8_t>> Packet = buildPacket(S.Packet);
    if (!Packet)
      return fail(toString(Packet.takeError()));
    if (const json::Value *Empty = Object.get("slot_left_empty")) {
      std::optional<bool> Flag = Empty->getAsBoolean();
      if (!Flag)
        return fail("'slot_left_empty' must be true or false");
      S.SlotLeftEmpty = *Flag;
    }
    if (const json::Value *Slot = Object.get("empty_slot")) {
      std::optional<StringRef> Text = Slot->getAsString();
      std::optional<tailcalls::TailCallSlot> Parsed;
      if (Text)
        Parsed = tailcalls::parseTailCallSection(*Text);
      if (!Parsed)
        return fail("'empty_slot' must be a slot \"MAP/KEY\" as a tail "
                    "call's section names it (\"2/14\", \"cilium_calls/14\")");
      S.EmptySlot = *Parsed;
    }
    if (Object.get("verdict_before")) {
      int32_t Verdict = 0;
      if (Error E = integer("verdict_before", Verdict, INT32_MIN, INT32_MAX))
        return E;
      S.VerdictBefore = Verdict;
    }
    if (S.Kind == "missed-tail-call" && !S.EmptySlot && !S.SlotLeftEmpty)
      return fail("a 'missed-tail-call' site needs 'empty_slot' (or "
                  "'slot_left_empty'): a tail call misses only when its "
                  "slot is empty");
    return S;
  }

private:
  Error fail(const Twine &Message) {
    std::string Name = "site " + std::to_string(Index);
    if (const json::Value *Id = Object.get("id"))
      if (std::optional<StringRef> Text = Id->getAsString())
        Name += " ('" + Text->str() + "')";
    return createStringError(inconvertibleErrorCode(),
                             Path + ": " + Name + ": " + Message);
  }

  Error string(StringRef Key, std::string &Out) {
    const json::Value *V = Object.get(Key);
    if (!V)
      return fail("missing '" + Key + "'");
    std::optional<StringRef> Text = V->getAsString();
    if (!Text || Text->empty())
      return fail("'" + Key + "' must be a non-empty string");
    Out = Text->str();
    return Error::success();
  }

  template <typename T>
  Error integer(StringRef Key, T &Out, int64_t Min, int64_t Max) {
    const json::Value *V = Object.get(Key);
    if (!V)
      return fail("missing '" + Key + "'");
    std::optional<int64_t> N = V->getAsInteger();
    if (!N || *N < Min || *N > Max)
      return fail("'" + Key + "' must be an integer in [" + Twine(Min) + ", " +
                  Twine(Max) + "]");
    Out = static_cast<T>(*N);
    return Error::success();
  }

  Error stringList(StringRef Key, std::vector<std::string> &Out) {
    const json::Array *A = Object.getArray(Key);
    if (!A || A->empty())
      return fail("'" + Key + "' must be a non-empty array of strings");
    for (const json::Value &V : *A) {
      std::optional<StringRef> Text = V.getAsString();
      if (!Text)
        return fail("'" + Key + "' must be a non-empty array of strings");
      Out.push_back(Text->str());
    }
    return Error::success();
  }

  StringRef Path;
  size_t Index;
  const json::Object &Object;
};

} // namespace

Expected<std::vector<IntendedSite>> parseIntendedSites(StringRef Text,
                                                       StringRef Path) {
  auto Fail = [&](const Twine &Message) -> Error {
    return createStringError(inconvertibleErrorCode(), Path + ": " + Message);
  };
  Expected<json::Value> Root = json::parse(Text);
  if (!Root)
    return Fail("not valid JSON: " + toString(Root.takeError()));
  const json::Object *Top = Root->getAsObject();
  if (!Top)
    return Fail("the top level must be an object");
  std::optional<int64_t> Version = Top->getInteger("version");
  if (!Version || *Version != 1)
    return Fail("'version' must be 1");
  const json::Array *Sites = Top->getArray("sites");
  if (!Sites)
    return Fail("missing 'sites' array");

  std::vector<IntendedSite> Result;
  StringSet<> Ids;
  for (size_t I = 0; I < Sites->size(); ++I) {
    const json::Object *Object = (*Sites)[I].getAsObject();
    if (!Object)
      return Fail("site " + Twine(I) + " is not an object");
    Expected<IntendedSite> Site = SiteReader(Path, I, *Object).read();
    if (!Site)
      return Site.takeError();
    if (!Ids.insert(Site->Id).second)
      return Fail("duplicate site id '" + Site->Id + "'");
    Result.push_back(std::move(*Site));
  }
  return Result;
}

Expected<std::vector<IntendedSite>> readIntendedSites(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read sites file '" + Path +
                                 "': " + Buffer.getError().message());
  return parseIntendedSites((*Buffer)->getBuffer(), Path);
}

} // namespace bpftidy::verify
