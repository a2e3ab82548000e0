//===- FixedSites.h - notified drops attributed to the fixes ----*- C++ -*-===//
//
// A real tree has no intended-sites file: nobody wrote a packet per bare
// drop. What is known is where the fix wrote each notification (migrate
// knows its edits). The fixed-sites file (docs/formats.md, section 6) lists
// them: the file and lines where the notification's __FILE_NAME__ and
// __LINE__ evaluate, and the reason and direction the fix wrote. Every drop
// notified after the fix whose packet was a bare drop before is attributed
// to a fixed site by the event's file id and line, and must carry that
// site's reason and direction; so is a missed tail call nothing notified
// before that a fixed site notifies after (a fix of a missed tail call or
// of an ignored tail-call result: the packet passed or returned a stale
// value before). A fixed site no packet reached is reported as not
// reached.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_FIXEDSITES_H
#define BPF_TIDY_VERIFY_FIXEDSITES_H

#include "verify/RunResults.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace bpftidy::verify {

struct FixedSite {
  /// How reports name it; defaults to "file:line".
  std::string Id;
  /// Relative to the tree; only its last component is compared (the
  /// datapath's file ids are given to __FILE_NAME__).
  std::string File;
  /// The notification call spans Line..EndLine; __LINE__ is one of them.
  unsigned Line = 0, EndLine = 0;
  /// Without a value, the notification's reason must be the bare drop's
  /// own (the fix keeps the reason).
  std::string Reason;
  std::optional<int32_t> ReasonValue;
  /// Without a value, a direction name is resolved as an enumerator of the
  /// fixed objects (resolveDirections); with neither, any one direction
  /// passes (a macro's parameter, different per expansion).
  std::string Direction;
  std::optional<uint8_t> DirectionValue;
  /// Empty: every configuration.
  std::vector<std::string> Configurations;
};

llvm::Expected<std::vector<FixedSite>> parseFixedSites(llvm::StringRef Text,
                                                       llvm::StringRef Path);
llvm::Expected<std::vector<FixedSite>> readFixedSites(llvm::StringRef Path);

/// Gives each site that names its direction but has no value the value
/// \p Enumerator finds for the name.
void resolveDirections(
    std::vector<FixedSite> &Sites,
    const std::function<std::optional<int64_t>(llvm::StringRef)> &Enumerator);

/// File id -> file name, from the header that maps __FILE_NAME__ to the ids
/// the events carry: each statement (up to ';') holding one string literal
/// and one integer literal pairs them, in either order, as in Cilium's
/// `_strcase_(2, "bpf_lxc.c");` or `if (!strcmp(name, "x.h")) return 3;`.
std::map<uint32_t, std::string> parseFileIds(llvm::StringRef HeaderText);

enum class FixedSiteStatus { Proven, NotReached, Failed };
llvm::StringRef fixedSiteStatusName(FixedSiteStatus Status);

/// One fixed site in one configuration.
struct FixedSiteCheck {
  const FixedSite *Site = nullptr;
  std::string Configuration;
  FixedSiteStatus Status = FixedSiteStatus::NotReached;
  /// Packet runs (program: packet) whose drop it notified.
  std::vector<std::string> Packets;
};

/// A packet run as (configuration, program, packet).
using RunKey = std::tuple<std::string, std::string, std::string>;

struct Attribution {
  std::vector<FixedSiteCheck> Checks;
  std::vector<Failure> Failures;
  /// Runs whose missed tail call nothing notified before and a fixed site
  /// notifies after, as it should: the fix's own verdict change.
  std::set<RunKey> NotifiedMisses;
};

/// Attributes every drop notified after the fix whose packet was a bare
/// drop before (outside \p Broken configurations) to \p Sites; and every
/// DROP_MISSED_TAIL_CALL notified after the fix whose packet nothing
/// notified before (it passed, or returned a stale value: a missed tail
/// call, silent, as in a run with the slot emptied): a fix of a missed tail
/// call or of an ignored tail-call result shows that way.
Attribution attributeFixedDrops(const TreeResults &Before,
                                const TreeResults &After,
                                llvm::ArrayRef<FixedSite> Sites,
                                const std::map<uint32_t, std::string> &FileIds,
                                const std::set<std::string> &Broken);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_FIXEDSITES_H
