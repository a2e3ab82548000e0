//===- BareDropFinder.h - find bare drops in one translation unit -*- C++ -*-//
//
// The per-translation-unit pass. Definitions are collected while the AST is
// matched; at the end of the unit, for each program (ProgramClassifier) and
// each function a program reaches, each `return` whose value is or may be a
// drop reason that no notification helper has seen becomes an occurrence of
// a site (grouped by spelling location): literal drops in programs,
// propagated values (DropFlowAnalysis, FunctionDropSummaries), and drops of
// helpers whose value programs return directly (SourceNotifyRule).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_BAREDROPFINDER_H
#define BPF_TIDY_ANALYZER_CHECKS_BAREDROPFINDER_H

#include "analyzer/checks/BareDropSite.h"
#include "analyzer/core/Conventions.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/FunctionDropSummaries.h"
#include "analyzer/core/FunctionUses.h"
#include "analyzer/core/ProgramClassifier.h"
#include "analyzer/core/SiteFacts.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class ReturnStmt;
class SourceManager;
} // namespace clang

namespace bpftidy {

class DropValue;
struct SourceNotifyDecision;
class SourceNotifyRule;

class BareDropFinder {
public:
  /// \p CheckName names the check in the site facts recorded.
  BareDropFinder(const Conventions &Options,
                 llvm::StringRef CheckName = "bpf-bare-drop-return");
  ~BareDropFinder();

  /// Records one function definition of the translation unit.
  void addFunction(const clang::FunctionDecl &F, clang::ASTContext &Ctx);

  /// Analyses the functions recorded; call once, after the last one.
  void finish(clang::ASTContext &Ctx);

  /// The sites found, in source order of their first occurrence.
  const std::vector<BareDropSite> &sites() const { return Sites; }

  const DropReasonMatcher &matcher() const { return Matcher; }

  void clear();

private:
  void examine(const clang::FunctionDecl &F, const ProgramInfo &Info,
               const SourceNotifyDecision *Helper, clang::ASTContext &Ctx);
  bool describePropagated(const clang::ReturnStmt &Return,
                          const DropValue &Value, BareDropOccurrence &O,
                          clang::ASTContext &Ctx);
  void addOccurrence(BareDropOccurrence Occurrence, clang::ASTContext &Ctx);

  std::string CheckName;
  ProgramClassifier Classifier;
  DropReasonMatcher Matcher;
  FunctionUses Uses;
  FunctionDropSummaries Summaries;
  /// The reporting rule for helpers; lives while finish() runs.
  std::unique_ptr<SourceNotifyRule> Rule;
  /// Records a fact on \p Return for the command to compare across
  /// configurations (analyzer/core/SiteFacts.h).
  void recordFact(SiteFact::FactKind Kind, const clang::ReturnStmt &Return,
                  bool Safe, std::string Why, const clang::SourceManager &SM);
  /// A spelled `return` whose value may be a verdict (or that is dead code)
  /// in some function of this translation unit: what its fix must respect.
  struct GuardNeed {
    /// Why a fix must not notify its whole value.
    std::string Why;
    /// No guard can help: nothing is known of the value there.
    bool Unguardable = false;
    /// The value may be -1 there, a valid tc verdict.
    bool SpareMinusOne = false;
  };
  /// Spelled returns (raw location) that need a guard, and why.
  llvm::DenseMap<unsigned, GuardNeed> WrapUnsafe;
  /// Canonical path of each file facts were recorded for, by FileID.
  llvm::DenseMap<unsigned, std::string> CanonicalPaths;
  std::vector<const clang::FunctionDecl *> Definitions;
  llvm::DenseMap<const clang::FunctionDecl *, ProgramInfo> Programs;
  std::vector<BareDropSite> Sites;
  llvm::DenseMap<unsigned, size_t> SiteIndex; // raw spelling loc -> Sites
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_BAREDROPFINDER_H
