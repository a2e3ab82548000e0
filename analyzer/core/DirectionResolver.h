//===- DirectionResolver.h - which way a dropped packet was going -*- C++ -*-//
//
// A drop notification carries the metric direction (ingress, egress). A
// wrong direction in a drop event is worse than no fix, so the direction is
// only taken from what the code says:
//  1. notifications in the same program that pass a constant direction, or
//     that all pass one expression told at run time which holds at every
//     return (`dir == NAT_DIR_INGRESS ? METRIC_INGRESS : METRIC_EGRESS`,
//     `dir` a parameter or a local declared with its value first);
//  2. configured rules on the program's section name, then its function
//     name (DirectionRules; by default, under the Cilium presets, the
//     checked table of CiliumSectionDirections);
//  3. for a tail call, the programs entering it (TailCallGraph), as their
//     own notifications (or DirectionRules) tell it, never those of the
//     helpers they call: Cilium's 2020 bpf_host.c enters the DSR tail
//     calls from handlers whose helpers notify METRIC_INGRESS, where
//     upstream's fix of those tail calls notifies METRIC_EGRESS;
//  4. the configured default.
// Constants of other enums (conntrack's CT_INGRESS is 1, but METRIC_INGRESS
// is also 1 and METRIC_EGRESS 2) count only through DirectionMapping.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_DIRECTIONRESOLVER_H
#define BPF_TIDY_ANALYZER_CORE_DIRECTIONRESOLVER_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/NamePattern.h"
#include "analyzer/core/NotifyHelperShape.h"
#include "analyzer/core/ProgramClassifier.h"
#include "analyzer/core/TailCallGraph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class Preprocessor;
} // namespace clang

namespace bpftidy {

class DropReasonMatcher;
class NotifyExpansions;

struct Direction {
  /// The expression to pass, e.g. "METRIC_EGRESS".
  std::string Expression;
  /// Where it was read, for notes: "section 'from-container'".
  std::string Source;
};

class DirectionResolver {
public:
  DirectionResolver(const Conventions &Options,
                    const DropReasonMatcher &Matcher);

  /// The direction of drops in program \p F, or nothing; \p WhyNot says why.
  std::optional<Direction> programDirection(const clang::FunctionDecl &F,
                                            const ProgramInfo &Program,
                                            clang::ASTContext &Ctx,
                                            clang::Preprocessor &PP,
                                            std::string &WhyNot);

  /// The metric direction a constant written as \p Text stands for: itself
  /// if it names a metric direction, its mapping if it is mapped.
  std::optional<std::string> directionOfConstant(llvm::StringRef Text) const;

  /// An expression that turns macro parameter \p Param (holding a mapped
  /// constant or a metric direction) into a metric direction; nothing when
  /// no dispatch helper and no mapping is configured.
  std::string parameterExpression(llvm::StringRef Param,
                                  bool ParamHoldsMetricDirection) const;

  /// Tells which argument of \p Template's helper is the direction
  /// (${direction}) and the source and destination; other notification
  /// helpers pass them as their preset does, or the source second and the
  /// direction last, as every Cilium shape does.
  void useTemplate(llvm::StringRef Template);

  /// A notification in a function: its helper, its arguments as written,
  /// and which of them is each placeholder of the helper's shape.
  struct Notification {
    std::string Helper;
    std::vector<std::string> Args;
    /// "direction", "src", "dst", "dst_id" -> argument index.
    llvm::StringMap<size_t> Roles;
    /// The argument playing \p Role, if the shape has it.
    const std::string *argument(llvm::StringRef Role) const;
  };
  /// The notifications written in \p F's body.
  std::vector<Notification> notificationsIn(const clang::FunctionDecl &F,
                                            clang::ASTContext &Ctx,
                                            clang::Preprocessor &PP) const;

  /// What every notification of \p F whose direction is
  /// \p DirectionExpression passes for ${\p Placeholder} ("src", "dst",
  /// "dst_id"), when they all pass the same identifier or integer
  /// constant; nothing when none does, one passes another expression, or
  /// they differ.
  std::optional<std::string>
  siblingArgument(const clang::FunctionDecl &F, llvm::StringRef Placeholder,
                  llvm::StringRef DirectionExpression, clang::ASTContext &Ctx,
                  clang::Preprocessor &PP) const;

  /// The notification macros expanded in this translation unit, recorded
  /// while preprocessing (without them, macro helpers give no evidence).
  void useExpansions(const NotifyExpansions *Recorded) {
    Expansions = Recorded;
  }

  /// Forgets what was learnt of the previous translation unit's functions.
  void reset() {
    Cache.clear();
    CacheWhyNot.clear();
    HelperFunctions.reset();
    Graph.reset();
    ToldCache.clear();
  }

private:
  std::vector<std::string> notifiedDirections(const clang::FunctionDecl &F,
                                              clang::ASTContext &Ctx,
                                              clang::Preprocessor &PP) const;
  /// Where each placeholder is among \p Count arguments of \p Helper.
  llvm::StringMap<size_t> roles(llvm::StringRef Helper, size_t Count) const;

  /// What the notifications in \p F's own body pass as direction.
  struct Told {
    /// The metric directions of those passing a constant.
    std::set<std::string> Constants;
    /// The first direction told at run time, as written (spaces joined).
    std::string RunTime;
    /// Whether others are told at run time by a different expression.
    bool RunTimeDiffers = false;
  };
  /// Whether \p Text, a direction told at run time in \p F, means the
  /// same at every return of \p F: it names constants, \p F's parameters
  /// and locals it declares with a value before any statement.
  bool holdsEverywhere(llvm::StringRef Text, const clang::FunctionDecl &F,
                       clang::ASTContext &Ctx, clang::Preprocessor &PP) const;
  const Told &toldIn(const clang::FunctionDecl &F, clang::ASTContext &Ctx,
                     clang::Preprocessor &PP);
  /// What a program entering a tail call tells: its own notifications,
  /// else DirectionRules.
  std::optional<std::string> enteringDirection(const clang::FunctionDecl &F,
                                               clang::ASTContext &Ctx,
                                               clang::Preprocessor &PP);
  /// The direction the programs entering tail call \p F agree on; \p
  /// WhyNot names them when they do not.
  std::optional<Direction> tailCallerDirection(const clang::FunctionDecl &F,
                                               clang::ASTContext &Ctx,
                                               clang::Preprocessor &PP,
                                               bool &Entered,
                                               std::string &WhyNot);
  TailCallGraph Graph;
  llvm::DenseMap<const clang::FunctionDecl *, Told> ToldCache;

  /// From useTemplate(): the template's helper, its arity and where it
  /// takes the direction.
  const NotifyExpansions *Expansions = nullptr;
  /// Whether any notification helper is a function in this translation
  /// unit (otherwise calls need not be walked).
  mutable std::optional<bool> HelperFunctions;
  std::string TemplateHelper;
  size_t TemplateArity = 0;
  llvm::StringMap<size_t> TemplateRoles;
  /// The NotifyHelpers items written as calls of placeholders.
  std::vector<HelperShape> ConfiguredShapes;

  const Conventions &Options;
  const DropReasonMatcher &Matcher;
  NamePattern DirectionPattern;
  std::vector<std::pair<NamePattern, std::string>> Rules;
  /// Whether Rules are the Cilium presets' section table (no
  /// DirectionRules configured).
  bool RulesFromTable = false;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<Direction>> Cache;
  llvm::DenseMap<const clang::FunctionDecl *, std::string> CacheWhyNot;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_DIRECTIONRESOLVER_H
