//===- BareDropFixPlanner.h - the notification call for a site -*- C++ -*-===//
//
// Decides what a site's fix is: the notification helper's shape (a preset,
// or detected from the helper's arity in this translation unit), the values
// of the template's placeholders, and the text range to replace. A fix must
// be right for every occurrence of the site (every expansion of a generating
// macro); when the tool cannot be sure it offers no fix and says why.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_BAREDROPFIXPLANNER_H
#define BPF_TIDY_ANALYZER_CHECKS_BAREDROPFIXPLANNER_H

#include "analyzer/checks/BareDropSite.h"
#include "analyzer/core/Conventions.h"
#include "analyzer/core/DirectionResolver.h"
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
  /// The template to use in this translation unit, or an error text.
  bool resolveTemplate(clang::ASTContext &Ctx, clang::Preprocessor &PP,
                       std::string &Template, std::string &WhyNot);
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
  std::optional<std::pair<std::string, std::string>> TemplateForTU;
};

/// Arity of the function or function-like macro \p Name visible at the end
/// of the translation unit, if any.
std::optional<unsigned> helperArity(llvm::StringRef Name,
                                    clang::ASTContext &Ctx,
                                    clang::Preprocessor &PP);

/// Whether \p Expression can be used here: an identifier must be a macro or
/// a declaration; other expressions are taken as they are.
bool isExpressionAvailable(llvm::StringRef Expression, clang::ASTContext &Ctx,
                           clang::Preprocessor &PP);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_BAREDROPFIXPLANNER_H
