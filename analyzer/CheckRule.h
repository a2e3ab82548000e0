//===- CheckRule.h - what reports say about a check --------------*- C++
//-*-===//
//
// Each check registers one rule with the module (analyzer/BpfTidyModule.cpp):
// its id, what it finds in one line and in full, where its documentation
// is, and what its fix does. Reports (SARIF's rules) read it from there
// instead of knowing any check.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKRULE_H
#define BPF_TIDY_ANALYZER_CHECKRULE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace bpftidy {

struct CheckRule {
  /// The check's name, e.g. "bpf-bare-drop-return".
  llvm::StringRef Id;
  llvm::StringRef ShortDescription;
  llvm::StringRef FullDescription;
  /// The documentation page, relative to bpf-tidy's source tree.
  llvm::StringRef HelpUri;
  /// What applying the check's fix does, in one line.
  llvm::StringRef FixDescription;
};

/// The rules of every registered check, in registration order (defined by
/// the module).
llvm::ArrayRef<CheckRule> checkRules();

/// The rule of check \p Id, or null.
inline const CheckRule *findCheckRule(llvm::StringRef Id) {
  for (const CheckRule &Rule : checkRules())
    if (Rule.Id == Id)
      return &Rule;
  return nullptr;
}

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKRULE_H
