//===- NotifyHelperShape.h - where a notification takes what -*- C++ -*-===//
//
// The tree's own notifications tell a fix its direction and source: which
// argument is which depends on the helper. The template in use, each
// preset and each NotifyHelpers item written as a call of placeholders
// (`drop_for_direction(${ctx}, ${direction}, ${reason}, ${ext_err})`, a
// wrapper whose direction is a conntrack CT_* value) say it; any other
// helper passes the source second and the direction last, as every Cilium
// shape does.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_NOTIFYHELPERSHAPE_H
#define BPF_TIDY_ANALYZER_CORE_NOTIFYHELPERSHAPE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace bpftidy {

struct HelperShape {
  /// The function or macro called.
  std::string Helper;
  /// How many arguments it takes.
  size_t Arity = 0;
  /// Each placeholder that is a whole argument ("direction", "src", ...)
  /// and its index.
  llvm::StringMap<size_t> Roles;
};

/// The shape of a call template such as
/// `send_drop_notify_error(${ctx}, ${src}, ${reason}, ${exitcode},
/// ${direction})`, or nothing if it is no call.
std::optional<HelperShape> shapeOfCall(llvm::StringRef Template);

/// The helper a NotifyHelpers item names: the item itself, or the callee
/// of an item written as a call of placeholders.
llvm::StringRef helperOfItem(llvm::StringRef Item);

/// Why \p Item is no NotifyHelpers item: a name, or a call of that name
/// whose arguments are known placeholders, one of them ${direction}.
std::optional<std::string> helperItemError(llvm::StringRef Item);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_NOTIFYHELPERSHAPE_H
