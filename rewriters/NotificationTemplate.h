//===- NotificationTemplate.h - notification call templates -----*- C++ -*-===//
//
// A fix replaces a bare drop reason with a call of the project's notification
// helper. The call is written from a template with named placeholders
// (${ctx}, ${reason}, ...); presets cover the helper shapes of the known
// datapath eras. Rewriters do not know which check asked for the text.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_REWRITERS_NOTIFICATIONTEMPLATE_H
#define BPF_TIDY_REWRITERS_NOTIFICATIONTEMPLATE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace bpftidy::rewriters {

/// A known notification helper shape.
struct NotifyPreset {
  llvm::StringRef Name;        ///< e.g. "cilium-2022"
  llvm::StringRef Helper;      ///< the function or macro the template calls
  unsigned HelperArity;        ///< how many arguments the helper takes
  llvm::StringRef Template;    ///< e.g. "send_drop_notify_error(${ctx}, ...)"
  llvm::StringRef Description; ///< one line for --help and docs
};

/// All presets, in a stable order.
llvm::ArrayRef<NotifyPreset> notifyPresets();

/// The preset called \p Name, or null.
const NotifyPreset *findNotifyPreset(llvm::StringRef Name);

/// The placeholder names a template may use, in a stable order:
/// ctx, reason, direction, src, ext_err, exitcode, dst, dst_id.
llvm::ArrayRef<llvm::StringRef> templatePlaceholders();

/// Replaces each ${name} in \p Template with \p Values[name]. Fails on an
/// unknown placeholder name, a placeholder without a value, or a malformed
/// "${" sequence. "$$" stands for a literal "$".
llvm::Expected<std::string>
expandTemplate(llvm::StringRef Template,
               const llvm::StringMap<std::string> &Values);

/// Checks \p Template when it is read, so that a fix never writes code
/// that does not compile: every ${...} known, and with the placeholders
/// standing for names, one C expression (brackets and quotes balanced).
/// Offsets in the error are into \p Template.
llvm::Error validateTemplate(llvm::StringRef Template);

/// The placeholder names \p Template uses (in order of first use), or an
/// error as expandTemplate would give.
llvm::Expected<std::vector<std::string>> templateUses(llvm::StringRef Template);

} // namespace bpftidy::rewriters

#endif // BPF_TIDY_REWRITERS_NOTIFICATIONTEMPLATE_H
