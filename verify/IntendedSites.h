//===- IntendedSites.h - the bare drops a datapath has on purpose -*- C++ -*-//
//
// Reader of the intended-sites file (docs/formats.md, section 2): each site
// names the packet and the program that reach it, and the drop reason and
// direction its notification must carry once fixed.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_INTENDEDSITES_H
#define BPF_TIDY_VERIFY_INTENDEDSITES_H

#include "tailcalls/TailCallSlot.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy::verify {

struct IntendedSite {
  std::string Id;
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// literal, propagated, inline-callee, entry or missed-tail-call.
  std::string Kind;
  std::string Function;
  std::vector<std::string> Configurations;
  std::string Reason;
  int32_t ReasonValue = 0;
  std::string Direction;
  uint8_t DirectionValue = 0;
  /// Section name of the entry program the packet is sent to.
  std::string Program;
  /// Packet recipe (docs/formats.md, section 3).
  std::string Packet;
  /// The packet's path ends in a tail call whose slot the datapath leaves
  /// empty on purpose: its missed tail call is no failure.
  bool SlotLeftEmpty = false;
  /// The slot verify empties for this site's packet alone: a missed tail
  /// call is reached only when its slot is empty.
  std::optional<tailcalls::TailCallSlot> EmptySlot;
  /// The verdict the packet gives before the fix; unset: the reason itself
  /// (a bare drop). A stale `ret` after a missed tail call gives CTX_ACT_OK.
  std::optional<int32_t> VerdictBefore;

  int32_t verdictBefore() const { return VerdictBefore.value_or(ReasonValue); }

  /// "file:line:column", how reports name the site.
  std::string location() const;
};

/// The site kinds docs/formats.md defines.
llvm::ArrayRef<llvm::StringRef> knownSiteKinds();

/// Parses the JSON text \p Text; \p Path names the file in errors.
llvm::Expected<std::vector<IntendedSite>>
parseIntendedSites(llvm::StringRef Text, llvm::StringRef Path);

llvm::Expected<std::vector<IntendedSite>>
readIntendedSites(llvm::StringRef Path);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_INTENDEDSITES_H
