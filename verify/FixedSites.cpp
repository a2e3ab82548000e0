//===- FixedSites.cpp - notified drops attributed to the fixes ------------===//

#include "verify/FixedSites.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace bpftidy::verify {

static Error fixedSitesError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<std::vector<FixedSite>> parseFixedSites(StringRef Text,
                                                 StringRef Path) {
  Expected<json::Value> Root = json::parse(Text);
  if (!Root)
    return fixedSitesError(Path + ": " + toString(Root.takeError()));
  const json::Object *O = Root->getAsObject();
  const json::Array *Sites = O ? O->getArray("fixed_sites") : nullptr;
  if (!O || O->getInteger("version") != 1 || !Sites)
    return fixedSitesError(Path + ": expected {\"version\": 1, "
                                  "\"fixed_sites\": [...]}");
  std::vector<FixedSite> Result;
  for (size_t I = 0; I < Sites->size(); ++I) {
    std::string Where = (Path + ": fixed site " + Twine(I + 1)).str();
    const json::Object *S = (*Sites)[I].getAsObject();
    if (!S)
      return fixedSitesError(Where + " is not an object");
    FixedSite F;
    std::optional<StringRef> File = S->getString("file");
    std::optional<int64_t> Line = S->getInteger("line");
    std::optional<int64_t> Reason = S->getInteger("reason_value");
    std::optional<int64_t> Direction = S->getInteger("direction_value");
    if (!File || File->empty() || !Line || *Line < 1 || *Line > UINT32_MAX)
      return fixedSitesError(Where + ": needs 'file' and 'line' (>= 1)");
    if (S->get("reason_value") &&
        (!Reason || *Reason >= 0 || *Reason < INT32_MIN))
      return fixedSitesError(Where +
                             ": 'reason_value' must be a negative number");
    if (S->get("direction_value") &&
        (!Direction || *Direction < 0 || *Direction > 255))
      return fixedSitesError(Where +
                             ": 'direction_value' must be a number 0-255");
    F.File = File->str();
    F.Line = *Line;
    F.EndLine = S->getInteger("end_line").value_or(*Line);
    if (F.EndLine < F.Line)
      return fixedSitesError(Where + ": 'end_line' is before 'line'");
    if (Reason)
      F.ReasonValue = *Reason;
    if (Direction)
      F.DirectionValue = *Direction;
    F.Reason = S->getString("reason").value_or("").str();
    F.Direction = S->getString("direction").value_or("").str();
    F.Id = S->getString("id").value_or("").str();
    if (F.Id.empty())
      F.Id = F.File + ":" + std::to_string(F.Line);
    if (const json::Array *Configs = S->getArray("configurations"))
      for (const json::Value &C : *Configs) {
        std::optional<StringRef> Name = C.getAsString();
        if (!Name)
          return fixedSitesError(Where +
                                 ": 'configurations' must hold strings");
        F.Configurations.push_back(Name->str());
      }
    Result.push_back(std::move(F));
  }
  return Result;
}

Expected<std::vector<FixedSite>> readFixedSites(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> File =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!File)
    return fixedSitesError("cannot read '" + Path +
                           "': " + File.getError().message());
  return parseFixedSites((*File)->getBuffer(), Path);
}

std::map<uint32_t, std::string> parseFileIds(StringRef Text) {
  std::map<uint32_t, std::string> Ids;
  // Statement by statement; comments and preprocessor lines hold none.
  std::string Clean;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      I = End == StringRef::npos ? Text.size() : End + 1;
      continue;
    }
    if (Text.substr(I).starts_with("//") ||
        (Text[I] == '#' && (I == 0 || Text[I - 1] == '\n'))) {
      while (I < Text.size() && Text[I] != '\n') // macro bodies included
        I += Text[I] == '\\' ? 2 : 1;
      continue;
    }
    Clean += Text[I];
  }
  SmallVector<StringRef, 64> Statements;
  StringRef(Clean).split(Statements, ';');
  for (StringRef S : Statements) {
    std::optional<std::string> Name;
    std::optional<uint32_t> Id;
    bool Ambiguous = false;
    for (size_t I = 0; I < S.size(); ++I) {
      char C = S[I];
      if (C == '"') {
        size_t End = S.find('"', I + 1);
        if (End == StringRef::npos)
          break;
        Ambiguous |= Name.has_value();
        Name = S.slice(I + 1, End).str();
        I = End;
      } else if (isDigit(C) &&
                 (I == 0 || !(isAlnum(S[I - 1]) || S[I - 1] == '_'))) {
        size_t End = I;
        while (End < S.size() && isAlnum(S[End]))
          ++End;
        uint32_t Value;
        if (!S.slice(I, End).getAsInteger(0, Value)) {
          Ambiguous |= Id.has_value();
          Id = Value;
        }
        I = End - 1;
      } else if (isAlpha(C) || C == '_') {
        while (I + 1 < S.size() && (isAlnum(S[I + 1]) || S[I + 1] == '_'))
          ++I;
      }
    }
    if (Name && Id && !Ambiguous)
      Ids.emplace(*Id, *Name);
  }
  return Ids;
}

void resolveDirections(
    std::vector<FixedSite> &Sites,
    const std::function<std::optional<int64_t>(StringRef)> &Enumerator) {
  for (FixedSite &S : Sites)
    if (!S.DirectionValue && !S.Direction.empty())
      if (std::optional<int64_t> V = Enumerator(S.Direction))
        if (*V >= 0 && *V <= 255)
          S.DirectionValue = *V;
}

StringRef fixedSiteStatusName(FixedSiteStatus Status) {
  switch (Status) {
  case FixedSiteStatus::Proven:
    return "proven";
  case FixedSiteStatus::NotReached:
    return "not reached";
  case FixedSiteStatus::Failed:
    return "failed";
  }
  return "?";
}

static bool inConfiguration(const FixedSite &Site, StringRef Configuration) {
  return Site.Configurations.empty() ||
         is_contained(Site.Configurations, Configuration);
}

/// Whether \p After notifies a missed tail call (its drop reason).
static bool notifiesMissedTailCall(const PacketRun &After) {
  return any_of(After.Events, [](const DropEvent &E) {
    return E.Reason == -PacketRun::MissedTailCallReason;
  });
}

Attribution attributeFixedDrops(const TreeResults &Before,
                                const TreeResults &After,
                                ArrayRef<FixedSite> Sites,
                                const std::map<uint32_t, std::string> &FileIds,
                                const std::set<std::string> &Broken) {
  Attribution Result;
  std::map<std::pair<const FixedSite *, std::string>, size_t> Index;
  // One check per site and configuration that ran packets.
  for (const FixedSite &Site : Sites)
    for (const PacketRun &R : Before.Runs)
      if (!Broken.count(R.Configuration) &&
          inConfiguration(Site, R.Configuration) &&
          Index.try_emplace({&Site, R.Configuration}, Result.Checks.size())
              .second)
        Result.Checks.push_back(
            {&Site, R.Configuration, FixedSiteStatus::NotReached, {}});

  for (const PacketRun &B : Before.Runs) {
    if (Broken.count(B.Configuration) || !B.Error.empty() || !B.Events.empty())
      continue;
    const PacketRun *A = After.findRun(B.Configuration, B.Program, B.Packet);
    if (!A || !A->Error.empty() || A->Events.empty())
      continue;
    // Not a bare drop before: only a missed tail call notified after is a
    // fix's doing; any other change is the differential's to report.
    bool SilentMiss = !B.isBareDrop();
    if (SilentMiss && !notifiesMissedTailCall(*A))
      continue;
    bool AllProven = true;
    std::string Run = B.Program + ": " + B.Packet;
    Failure F{"fixed-site", B.Configuration, B.Program, B.Packet, "", ""};
    for (const DropEvent &E : A->Events) {
      auto Name = FileIds.find(E.SourceFile);
      const FixedSite *Site = nullptr;
      if (Name != FileIds.end())
        for (const FixedSite &S : Sites)
          if (inConfiguration(S, B.Configuration) &&
              sys::path::filename(S.File) == Name->second &&
              S.Line <= E.SourceLine && E.SourceLine <= S.EndLine)
            Site = &S;
      if (!Site) {
        F.Message =
            "a drop notified after the fix (" + E.describe() + ", " +
            (Name == FileIds.end()
                 ? "file id " + std::to_string(E.SourceFile) + " unknown"
                 : Name->second + ":" + std::to_string(E.SourceLine)) +
            ") matches no fixed site";
        Result.Failures.push_back(F);
        AllProven = false;
        continue;
      }
      FixedSiteCheck &C = Result.Checks[Index[{Site, B.Configuration}]];
      std::string Wrong;
      int32_t Reason = Site->ReasonValue.value_or(
          SilentMiss ? -PacketRun::MissedTailCallReason : B.Verdict);
      if (E.Reason != Reason)
        Wrong = "reason " + std::to_string(E.Reason) + ", " +
                (Site->ReasonValue ? "the fix wrote "
                 : SilentMiss      ? "a missed tail call's is "
                                   : "the bare drop's was ") +
                std::to_string(Reason);
      else if (Site->DirectionValue && E.Direction != *Site->DirectionValue)
        Wrong = "direction " + std::to_string(E.Direction) +
                ", the fix wrote " + std::to_string(*Site->DirectionValue);
      else if (!E.Direction)
        Wrong = "no direction (neither the notification nor the metrics "
                "tell one)";
      else if (A->Events.size() != 1)
        Wrong = std::to_string(A->Events.size()) + " notifications";
      else if (!A->DropVerdict || A->Verdict != *A->DropVerdict)
        Wrong = "verdict " + std::to_string(A->Verdict);
      if (!Wrong.empty()) {
        C.Status = FixedSiteStatus::Failed;
        F.Message = "fixed site " + Site->Id + ": " + Wrong;
        Result.Failures.push_back(F);
        AllProven = false;
        continue;
      }
      if (C.Status == FixedSiteStatus::NotReached)
        C.Status = FixedSiteStatus::Proven;
      C.Packets.push_back(Run);
    }
    if (SilentMiss && AllProven)
      Result.NotifiedMisses.insert({B.Configuration, B.Program, B.Packet});
  }
  return Result;
}

} // namespace bpftidy::verify
