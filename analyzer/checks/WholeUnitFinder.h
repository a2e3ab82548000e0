//===- WholeUnitFinder.h - an analysis of a whole unit -----------*- C++
//-*-===//
//
// What the passes of the tail-call checks share: they judge a site by the
// programs that reach it, so they see every definition of the unit first
// (addFunction), then classify the programs and find the definitions those
// reach, with the shared conventions, drop-reason matcher, value summaries
// and tail-call sites at hand. A finder derives from this and adds its own
// judgement and sites.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_WHOLEUNITFINDER_H
#define BPF_TIDY_ANALYZER_CHECKS_WHOLEUNITFINDER_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/FunctionDropSummaries.h"
#include "analyzer/core/FunctionUses.h"
#include "analyzer/core/ProgramClassifier.h"
#include "analyzer/core/TailCallSites.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace bpftidy {

class WholeUnitFinder {
public:
  explicit WholeUnitFinder(const Conventions &Options);

  /// Records a definition of the unit (declarations without a body are
  /// ignored).
  void addFunction(const clang::FunctionDecl &F);

  const DropReasonMatcher &matcher() const { return Matcher; }

protected:
  /// Classifies the definitions recorded, records their uses, and returns
  /// the ones programs reach (programs included).
  std::vector<const clang::FunctionDecl *> reachedDefinitions();

  bool isProgram(const clang::FunctionDecl &F) const;
  /// The classification of program \p F.
  ProgramInfo &programInfo(const clang::FunctionDecl &F);

  /// Forgets the unit.
  void clearUnit();

  const Conventions &Options;
  ProgramClassifier Classifier;
  DropReasonMatcher Matcher;
  FunctionUses Uses;
  FunctionDropSummaries Summaries;
  TailCallSites Calls;
  std::vector<const clang::FunctionDecl *> Definitions;

private:
  llvm::DenseMap<const clang::FunctionDecl *, ProgramInfo> Programs;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_WHOLEUNITFINDER_H
