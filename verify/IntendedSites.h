//===- IntendedSites.h - the bare drops a datapath has on purpose -*- C++ -*-//
//
// Reader of the intended-sites file (docs/formats.md, section 2): each site
// names the packet and the program that reach it, and the drop reason and
// direction its notification must carry once fixed.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_INTENDEDSITES_H
#define BPF_TIDY_VERIFY_INTENDEDSITES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace bpftidy::verify {

struct IntendedSite {
  std::string Id;
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// literal, propagated, inline-callee or entry.
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
