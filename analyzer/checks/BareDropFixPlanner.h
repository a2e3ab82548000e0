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
