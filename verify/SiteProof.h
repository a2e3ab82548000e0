//===- SiteProof.h - does a site's packet show the fix? ---------*- C++ -*-===//
//
// An intended site is proven in a configuration when its packet, sent to its
// program, gave the bare drop before (the negative reason as verdict, or the
// site's verdict_before, and no event) and the program type's drop verdict
// with exactly one event of that reason and direction after. A site with an
// empty_slot is judged on its packet's run with that slot emptied.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_SITEPROOF_H
#define BPF_TIDY_VERIFY_SITEPROOF_H

#include "verify/IntendedSites.h"
#include "verify/RunResults.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>

namespace bpftidy::verify {

enum class SiteStatus {
  /// Single mode: the packet shows the bare drop.
  Reached,
  /// Differential: bare before, notified after.
  Proven,
  /// Still bare after, and the tool does not fix this kind yet.
  NotFixedYet,
  /// The packet did not reach the site before: nothing can be proven.
  Unverified,
  /// Reached before, but after is not the notified drop it should be.
  Failed,
};

llvm::StringRef siteStatusName(SiteStatus Status);
/// Whether \p Status fails the run.
bool isFailingStatus(SiteStatus Status);

/// One site in one configuration.
struct SiteCheck {
  std::string SiteId;
  std::string Location;
  std::string Kind;
  std::string Configuration;
  std::string Program;
  std::string Packet;
  SiteStatus Status = SiteStatus::Unverified;
  /// Why, in words, when the status is not the good one.
  std::string Detail;
  const PacketRun *Before = nullptr;
  const PacketRun *After = nullptr;
};

/// How runs name \p Site's packet: its normalized recipe, followed by
/// " [slot MAP/KEY empty]" when the site asks for an empty slot.
std::string sitePacketName(const IntendedSite &Site);

/// The name of a run of \p Recipe (normalized) with \p Slot emptied.
std::string emptySlotRunName(llvm::StringRef Recipe,
                             const tailcalls::TailCallSlot &Slot);

/// Single mode: does \p Site's packet show its bare drop in \p Tree?
SiteCheck checkSiteReached(const IntendedSite &Site,
                           llvm::StringRef Configuration,
                           const TreeResults &Tree);

/// Differential mode. \p KindFixedByTool: whether the tool fixes this site's
/// kind today; if not, a drop still bare after is "not fixed yet".
SiteCheck proveSite(const IntendedSite &Site, llvm::StringRef Configuration,
                    const TreeResults &Before, const TreeResults &After,
                    bool KindFixedByTool);

/// A site's status over all its configurations: the worst one.
SiteStatus combinedStatus(llvm::ArrayRef<SiteCheck> Checks);

/// "verdict -134, no event" / "verdict 2, 1 event (reason -134 dir 2 ...)".
std::string describeOutcome(const PacketRun &Run);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_SITEPROOF_H
