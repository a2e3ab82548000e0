//===- TailCallInvocations.h - macros that tail-call or inline -*- C++ -*-===//
//
// Cilium's invoke_tailcall_if(COND, ID, FUNC) is a tail call of slot ID in
// the configurations where COND is 1 and a call of FUNC(ctx) where it is 0:
// the same line is a tail call in some builds and an inline call in others.
// In an inline configuration nothing in the AST says that the call was a
// tail-call invocation; the macro's name does (TailCallMacros). This
// records each expansion of those macros while preprocessing, and tells
// which one produced a statement.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_TAILCALLINVOCATIONS_H
#define BPF_TIDY_ANALYZER_CORE_TAILCALLINVOCATIONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class LangOptions;
class PPCallbacks;
class Preprocessor;
class SourceManager;
class Stmt;
} // namespace clang

namespace bpftidy {

struct TailCallInvocation {
  std::string Macro;
  /// Where the macro's name is (possibly inside another macro's body).
  clang::SourceLocation NameLoc;
  /// The closing parenthesis of its arguments, in the same context.
  clang::SourceLocation End;
};

class TailCallInvocations {
public:
  /// Callbacks that record the expansions of the macros in \p Macros.
  std::unique_ptr<clang::PPCallbacks> recorder(const llvm::StringSet<> &Macros);

  /// The invocation whose expansion holds \p Loc (innermost first), or
  /// null.
  const TailCallInvocation *holding(clang::SourceLocation Loc,
                                    const clang::SourceManager &SM) const;

  /// The invocation whose expansion is all of \p S (both its first and its
  /// last token come from it), or null: `FUNC(ctx)`, `({ ... })` or
  /// `return FUNC(ctx)` is, `ret = invoke_tailcall_if(...)` is not.
  const TailCallInvocation *producing(const clang::Stmt &S,
                                      const clang::SourceManager &SM) const;

  /// Whether the other form of the macro whose body holds \p Loc leaves
  /// the function too: Cilium's forms are pairs named ..._0 (inline) and
  /// ..._1 (tail call); the sibling is the name with that digit swapped,
  /// and it leaves when its body says `return`. Unknown (no such sibling):
  /// nullopt.
  static std::optional<bool> otherFormReturns(clang::SourceLocation Loc,
                                              clang::Preprocessor &PP);

  void clear() {
    Invocations.clear();
    ByName.clear();
  }

private:
  friend class TailCallInvocationRecorder;
  std::vector<TailCallInvocation> Invocations;
  /// Raw encoding of NameLoc -> index in Invocations.
  llvm::DenseMap<unsigned, size_t> ByName;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_TAILCALLINVOCATIONS_H
