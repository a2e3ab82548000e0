//===- BareDropFixPlanner.h - the notification call for a site -*- C++ -*-===//
//
// Decides what a site's fix is: the text range to replace and the values of
// the notification's placeholders (core/NotificationCall.h builds the call). A
// fix must be right for every occurrence of the site (every expansion of a
// generating macro); when the tool cannot be sure it offers no fix and says
// why.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_BAREDROPFIXPLANNER_H
#define BPF_TIDY_ANALYZER_CHECKS_BAREDROPFIXPLANNER_H

#include "analyzer/checks/BareDropSite.h"
#include "analyzer/core/Conventions.h"
#include "analyzer/core/DirectionResolver.h"
#include "analyzer/core/NotificationCall.h"
#include "rewriters/KernelStyleLayout.h"
#include "clang/Tooling/Core/Replacement.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace bpftidy {

struct PlannedFix {
  /// The edit, at spelling locations, laid out in kernel style.
  clang::tooling::Replacement Edit;
  /// The notification call put in place of the reason.
  std::string Call;
  /// Where the direction was read, for a note.
  std::string DirectionSource;
  /// The guard under which the value is notified; empty when it is
  /// notified whatever it holds.
  std::string Guard;
  /// The placeholders taken from the function's own notifications
  /// ("${src} identity"), for a note; empty when none.
  std::string SiblingArguments;
};

struct FixPlan {
  std::optional<PlannedFix> Fix;
  /// Why there is no fix.
  std::string WhyNot;
};

class BareDropFixPlanner {
public:
  BareDropFixPlanner(const Conventions &Options,
                     const DropReasonMatcher &Matcher);

  FixPlan plan(const BareDropSite &Site, clang::ASTContext &Ctx,
               clang::Preprocessor &PP);

  /// See DirectionResolver::useExpansions.
  void useExpansions(const NotifyExpansions *Recorded) {
    Directions.useExpansions(Recorded);
  }

  /// Forgets per-translation-unit state.
  void reset();

private:
  /// `if (COND) return CALL; return VALUE` in place of [Offset, +Length),
  /// the `return` keyword up to the value's end, at \p Indent.
  static clang::tooling::Replacement
  guardedStatement(llvm::StringRef FilePath, unsigned Offset, unsigned Length,
                   llvm::StringRef Indent, llvm::StringRef Condition,
                   llvm::StringRef Call, llvm::StringRef Value,
                   const rewriters::LayoutStyle &Style);
  /// Tells the bpf-tidy command that this configuration fixes a site under
  /// a guard (SiteFacts.h), so that it can prefer that fix where another
  /// configuration wraps the whole value.
  static void recordGuardedFix(const clang::tooling::Replacement &Edit,
                               bool GuardIsLessThanZero,
                               const clang::SourceManager &SM,
                               clang::SourceLocation Site);

  /// The direction of one occurrence: its program's, or the one every
  /// program returning the helper's value agrees on.
  std::optional<Direction> occurrenceDirection(const BareDropOccurrence &O,
                                               clang::ASTContext &Ctx,
                                               clang::Preprocessor &PP,
                                               std::string &WhyNot);
  std::optional<Direction> siteDirection(const BareDropSite &Site,
                                         clang::ASTContext &Ctx,
                                         clang::Preprocessor &PP,
                                         std::string &WhyNot);

  const Conventions &Options;
  DirectionResolver Directions;
  NotificationCallBuilder Calls;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_BAREDROPFIXPLANNER_H
