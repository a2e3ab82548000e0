//===- intended-sites.cpp - fuzz the intended-sites reader ----------------===//
//
// docs/formats.md, section 2. Invariants: an error names the file; sites that
// parse have unique ids, known kinds and packets that build, and a
// missed-tail-call site has a slot to empty; and they read back the same
// once written out again (parse -> print -> parse), empty_slot and
// verdict_before included.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"
#include "verify/IntendedSites.h"
#include "verify/PacketBuilder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"

using namespace bpftidy;
using namespace bpftidy::verify;
namespace json = llvm::json;

static const char *const Path = "sites.json";

static std::string print(const std::vector<IntendedSite> &Sites) {
  json::Array Array;
  for (const IntendedSite &S : Sites) {
    json::Object O{{"id", S.Id},
                   {"file", S.File},
                   {"line", S.Line},
                   {"column", S.Column},
                   {"kind", S.Kind},
                   {"configurations", S.Configurations},
                   {"reason", S.Reason},
                   {"reason_value", S.ReasonValue},
                   {"direction", S.Direction},
                   {"direction_value", S.DirectionValue},
                   {"program", S.Program},
                   {"packet", S.Packet}};
    if (!S.Function.empty())
      O["function"] = S.Function;
    if (S.SlotLeftEmpty)
      O["slot_left_empty"] = true;
    if (S.EmptySlot)
      O["empty_slot"] = S.EmptySlot->describe();
    if (S.VerdictBefore)
      O["verdict_before"] = *S.VerdictBefore;
    Array.push_back(std::move(O));
  }
  std::string Text;
  llvm::raw_string_ostream(Text)
      << json::Value(json::Object{{"version", 1}, {"sites", std::move(Array)}});
  return Text;
}

static auto fields(const IntendedSite &S) {
  std::optional<std::string> Slot;
  if (S.EmptySlot)
    Slot = S.EmptySlot->describe();
  return std::make_tuple(S.Id, S.File, S.Line, S.Column, S.Kind, S.Function,
                         S.Configurations, S.Reason, S.ReasonValue, S.Direction,
                         S.DirectionValue, S.Program, S.Packet, S.SlotLeftEmpty,
                         Slot, S.VerdictBefore);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::Expected<std::vector<IntendedSite>> Sites =
      parseIntendedSites(fuzz::asText(Data, Size), Path);
  if (!Sites) {
    std::string Message = llvm::toString(Sites.takeError());
    FUZZ_CHECK(llvm::StringRef(Message).starts_with(std::string(Path) + ": ") &&
                   Message.size() > strlen(Path) + 2,
               "an error that does not name the file: " + Message);
    return 0;
  }
  llvm::StringSet<> Ids;
  for (const IntendedSite &S : *Sites) {
    FUZZ_CHECK(Ids.insert(S.Id).second, "duplicate id " + S.Id);
    FUZZ_CHECK(llvm::is_contained(knownSiteKinds(), S.Kind),
               "unknown kind " + S.Kind);
    FUZZ_CHECK(S.ReasonValue < 0, "a drop reason that is not negative");
    FUZZ_CHECK(S.Line >= 1 && S.Column >= 1, "line or column 0");
    FUZZ_CHECK(S.Kind != "missed-tail-call" || S.EmptySlot || S.SlotLeftEmpty,
               "a missed-tail-call site no slot is empty for");
    FUZZ_CHECK(S.verdictBefore() == S.VerdictBefore.value_or(S.ReasonValue),
               "verdict before neither given nor the reason");
    llvm::Expected<std::vector<uint8_t>> Packet = buildPacket(S.Packet);
    FUZZ_CHECK(static_cast<bool>(Packet), "a site whose packet does not build");
  }
  std::string Printed = print(*Sites);
  llvm::Expected<std::vector<IntendedSite>> Again =
      parseIntendedSites(Printed, Path);
  FUZZ_CHECK(static_cast<bool>(Again),
             "printed sites do not parse: " + Printed);
  FUZZ_CHECK(Again->size() == Sites->size(), "printed sites lost a site");
  for (size_t I = 0; I < Sites->size(); ++I)
    FUZZ_CHECK(fields((*Sites)[I]) == fields((*Again)[I]),
               "a site reads back different: " + Printed);
  return 0;
}
