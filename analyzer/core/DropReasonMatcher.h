//===- DropReasonMatcher.h - recognise drop reasons and notifications -*-
// C++-*-//
//
// A drop reason is a negative code naming why a packet is dropped: a macro or
// enumerator whose name matches the configured pattern (DROP_* by default),
// or an integer constant below -1. -1 is TC_ACT_UNSPEC, a valid verdict.
// A notification is a call of one of the configured helpers, which are
// usually macros (they capture __LINE__), so both calls and macro
// expansions count.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_DROPREASONMATCHER_H
#define BPF_TIDY_ANALYZER_CORE_DROPREASONMATCHER_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/NamePattern.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace bpftidy {

struct DropReason {
  /// How the reason is named: the macro or enumerator, or the source text
  /// of a plain constant ("-22").
  std::string Name;
  /// Its value, when it is a constant.
  std::optional<int64_t> Value;
};

class DropReasonMatcher {
public:
  explicit DropReasonMatcher(const Conventions &Options);

  /// The drop reason \p E literally is, if any.
  /// \p NamedOnly leaves out plain negative constants: in a helper,
  /// `return -ENOTSUPP;` is an errno for its callers, not a drop reason
  /// (a program that returns it to the kernel is still reported).
  std::optional<DropReason> literalDropReason(const clang::Expr &E,
                                              clang::ASTContext &Ctx,
                                              bool NamedOnly = false) const;

  /// Whether \p E is a call of a notification helper (a function call or
  /// a macro expansion covering all of \p E).
  bool isNotification(const clang::Expr &E, clang::ASTContext &Ctx) const;

  const llvm::StringSet<> &notifyHelpers() const { return NotifyHelpers; }
  bool isNotifyHelperName(llvm::StringRef Name) const {
    return NotifyHelpers.contains(Name);
  }
  bool isDropReasonName(llvm::StringRef Name) const {
    return DropReasonPattern.match(Name);
  }

private:
  NamePattern DropReasonPattern;
  bool NegativeConstantsAreDrops;
  llvm::StringSet<> NotifyHelpers;
};

/// The name of a macro whose single expansion spells all of \p E, searching
/// from the innermost macro outwards, and for which \p Accept is true.
std::optional<std::string>
macroSpellingWholeExpr(const clang::Expr &E, clang::ASTContext &Ctx,
                       llvm::function_ref<bool(llvm::StringRef)> Accept);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_DROPREASONMATCHER_H
