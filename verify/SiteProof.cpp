//===- SiteProof.cpp - does a site's packet show the fix? -----------------===//

#include "verify/SiteProof.h"

#include "verify/PacketCorpus.h"

using namespace llvm;

namespace bpftidy::verify {

StringRef siteStatusName(SiteStatus Status) {
  switch (Status) {
  case SiteStatus::Reached:
    return "reached";
  case SiteStatus::Proven:
    return "proven";
  case SiteStatus::NotFixedYet:
    return "not fixed by the tool yet";
  case SiteStatus::Unverified:
    return "unverified";
  case SiteStatus::Failed:
    return "failed";
  }
  return "?";
}

bool isFailingStatus(SiteStatus Status) {
  return Status == SiteStatus::Unverified || Status == SiteStatus::Failed;
}

std::string describeOutcome(const PacketRun &Run) {
  if (!Run.Error.empty())
    return "test run failed: " + Run.Error;
  std::string Text = "verdict " + std::to_string(Run.Verdict) + ", ";
  if (Run.Events.empty())
    return Text + "no event";
  Text += std::to_string(Run.Events.size()) +
          (Run.Events.size() == 1 ? " event" : " events") + " (";
  for (size_t I = 0; I < Run.Events.size(); ++I)
    Text += (I ? "; " : "") + Run.Events[I].describe();
  return Text + ")";
}

std::string emptySlotRunName(StringRef Recipe,
                             const tailcalls::TailCallSlot &Slot) {
  return Recipe.str() + " [slot " + Slot.describe() + " empty]";
}

std::string sitePacketName(const IntendedSite &Site) {
  std::string Recipe = normalizeRecipe(Site.Packet);
  return Site.EmptySlot ? emptySlotRunName(Recipe, *Site.EmptySlot) : Recipe;
}

static SiteCheck startCheck(const IntendedSite &Site, StringRef Configuration) {
  SiteCheck C;
  C.SiteId = Site.Id;
  C.Location = Site.location();
  C.Kind = Site.Kind;
  C.Configuration = Configuration.str();
  C.Program = Site.Program;
  C.Packet = sitePacketName(Site);
  return C;
}

/// Whether \p Run is the unnotified drop \p Site describes (its reason, or
/// its verdict_before, and no event); otherwise why not.
static bool showsBareDrop(const IntendedSite &Site, const PacketRun &Run,
                          std::string &Why) {
  if (!Run.Error.empty()) {
    Why = "test run failed: " + Run.Error;
    return false;
  }
  if (Run.Verdict == Site.verdictBefore() && Run.Events.empty())
    return true;
  Why = "the packet did not reach the site: " + describeOutcome(Run) +
        "; expected verdict " + std::to_string(Site.verdictBefore()) + " (" +
        (Site.VerdictBefore ? "verdict_before" : Site.Reason) +
        ") and no event";
  return false;
}

SiteCheck checkSiteReached(const IntendedSite &Site, StringRef Configuration,
                           const TreeResults &Tree) {
  SiteCheck C = startCheck(Site, Configuration);
  C.Before = Tree.findRun(Configuration, Site.Program, C.Packet);
  if (!C.Before) {
    C.Status = SiteStatus::Unverified;
    C.Detail = "no entry program '" + Site.Program + "' was run";
    return C;
  }
  C.Status = showsBareDrop(Site, *C.Before, C.Detail) ? SiteStatus::Reached
                                                      : SiteStatus::Unverified;
  return C;
}

SiteCheck proveSite(const IntendedSite &Site, StringRef Configuration,
                    const TreeResults &Before, const TreeResults &After,
                    bool KindFixedByTool) {
  SiteCheck C = checkSiteReached(Site, Configuration, Before);
  if (C.Status != SiteStatus::Reached) {
    C.Detail = "before: " + C.Detail;
    return C;
  }
  C.After = After.findRun(Configuration, Site.Program, C.Packet);
  if (!C.After) {
    C.Status = SiteStatus::Failed;
    C.Detail = "after: no entry program '" + Site.Program + "' was run";
    return C;
  }
  const PacketRun &A = *C.After;
  if (A.Error.empty() && A.DropVerdict && A.Verdict == *A.DropVerdict &&
      A.Events.size() == 1 && A.Events[0].Reason == Site.ReasonValue &&
      A.Events[0].Direction == Site.DirectionValue) {
    C.Status = SiteStatus::Proven;
    return C;
  }
  if (!KindFixedByTool && A.Error.empty() &&
      A.Verdict == Site.verdictBefore() && A.Events.empty()) {
    C.Status = SiteStatus::NotFixedYet;
    C.Detail = "still unnotified after; the tool does not fix '" + Site.Kind +
               "' sites yet";
    return C;
  }
  C.Status = SiteStatus::Failed;
  std::string Expected =
      A.DropVerdict ? "verdict " + std::to_string(*A.DropVerdict)
                    : std::string("a drop verdict (unknown for this program "
                                  "type)");
  C.Detail = "after: " + describeOutcome(A) + "; expected " + Expected +
             " and exactly one event with reason " +
             std::to_string(Site.ReasonValue) + " (" + Site.Reason +
             ") and direction " + std::to_string(Site.DirectionValue) + " (" +
             Site.Direction + ")";
  return C;
}

SiteStatus combinedStatus(ArrayRef<SiteCheck> Checks) {
  // From best to worst; the combined status is the worst seen.
  static const SiteStatus Order[] = {
      SiteStatus::Proven, SiteStatus::Reached, SiteStatus::NotFixedYet,
      SiteStatus::Unverified, SiteStatus::Failed};
  auto Rank = [](SiteStatus S) {
    return std::find(std::begin(Order), std::end(Order), S) - std::begin(Order);
  };
  SiteStatus Worst = Checks.empty() ? SiteStatus::Unverified : Checks[0].Status;
  for (const SiteCheck &C : Checks)
    if (Rank(C.Status) > Rank(Worst))
      Worst = C.Status;
  return Worst;
}

} // namespace bpftidy::verify
