//===- BareDropFinder.h - find bare drops in one translation unit -*- C++ -*-//
//
// The per-translation-unit pass: for each program (ProgramClassifier), each
// `return` whose value is a drop reason that no notification helper has
// seen, grouped into sites by spelling location.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_BAREDROPFINDER_H
#define BPF_TIDY_ANALYZER_BAREDROPFINDER_H

#include "analyzer/BareDropOptions.h"
#include "analyzer/BareDropSite.h"
#include "analyzer/DropReasonMatcher.h"
#include "analyzer/ProgramClassifier.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace bpftidy {

class BareDropFinder {
public:
  explicit BareDropFinder(const BareDropOptions &Options);

  /// Examines one function definition; programs contribute occurrences.
  void addFunction(const clang::FunctionDecl &F, clang::ASTContext &Ctx);

  /// The sites found so far, in source order of their first occurrence.
  const std::vector<BareDropSite> &sites() const { return Sites; }

  const DropReasonMatcher &matcher() const { return Matcher; }

  void clear();

private:
  void addOccurrence(BareDropOccurrence Occurrence, clang::ASTContext &Ctx);

  ProgramClassifier Classifier;
  DropReasonMatcher Matcher;
  std::vector<BareDropSite> Sites;
  llvm::DenseMap<unsigned, size_t> SiteIndex; // raw spelling loc -> Sites
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_BAREDROPFINDER_H
