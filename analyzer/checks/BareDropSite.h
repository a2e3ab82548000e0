//===- BareDropSite.h - the site model ----------------------------*- C++
//-*-===//
//
// A finding is keyed by its *site*: the spelling location of the `return`
// in the text a human edits (inside the #define when the function comes
// from a macro). One site can be reached by several occurrences: each
// expansion of a generating macro, each configuration.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_BAREDROPSITE_H
#define BPF_TIDY_ANALYZER_CHECKS_BAREDROPSITE_H

#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/FunctionUses.h"
#include "analyzer/core/ProgramClassifier.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class ParmVarDecl;
class ReturnStmt;
} // namespace clang

namespace bpftidy {

/// How the drop reason reaches the `return`.
enum class BareDropKind {
  /// `return DROP_X;` in a program.
  Literal,
  /// `return ret;` (a variable, a struct field, a call) in a program, or in
  /// a helper whose value programs return directly, where the value may be
  /// a drop reason that no notification helper has seen.
  Propagated,
  /// `return DROP_X;` in a helper whose every call is returned directly by
  /// a program (or by such a helper): the drop is fixed at its source.
  InlineCallee,
};

/// One `return` of one function (one expansion, one configuration).
struct BareDropOccurrence {
  /// The function holding the `return`: a program, or a helper whose value
  /// programs return directly (Kind InlineCallee, or Propagated).
  const clang::FunctionDecl *Function = nullptr;
  /// What Function is (NotAProgram for a helper).
  ProgramInfo Info;
  const clang::ReturnStmt *Return = nullptr;
  BareDropKind Kind = BareDropKind::Literal;
  /// The literal drop reason (Literal, InlineCallee).
  DropReason Reason;

  /// The parameter of Function that holds the program's context (${ctx});
  /// null when there is none, WhyNoContext then says why.
  const clang::ParmVarDecl *Context = nullptr;
  std::string WhyNoContext;
  /// The programs that return this value to the kernel: Function itself,
  /// or those returning the helper's value.
  std::vector<std::pair<const clang::FunctionDecl *, ProgramInfo>> Programs;
  /// For a helper: the programs' `return`s that hand its value to the
  /// kernel.
  std::vector<KernelReturn> KernelReturns;

  /// Propagated: what is returned ("'ret'", "the value of 'f'"), where the
  /// drop reasons come from ("a drop reason from 'f'"), which ones.
  std::string Returned;
  std::string From;
  std::vector<std::string> Reasons;
  /// Why the `return` gets no fix at all; empty when it may get one.
  std::string WhyNoFix;
  /// The value may also be a valid verdict or another non-drop value (here,
  /// or where the same text is compiled elsewhere), or the text is dead code
  /// in some expansion: only its negative values may be notified, under a
  /// guard that leaves every other value as it is.
  bool NeedsGuard = false;
  /// ... and that guard must spare -1 (TC_ACT_UNSPEC, a valid tc verdict).
  bool GuardSparesMinusOne = false;
};

struct BareDropSite {
  /// Where a human edits the site (a file location): the spelling of the
  /// `return` keyword, inside the #define when the `return` comes from a
  /// macro's body; but the macro's use when the returned value is one of
  /// its arguments (`BAIL_IF(cond, DROP_X)`), since each use is its own site.
  clang::SourceLocation Location;
  /// The macro whose body holds the `return` at Location; empty otherwise.
  std::string Macro;
  /// Whether Macro also generates the function (TAIL_CT_LOOKUP4 expanded
  /// into a whole tail call), rather than being used inside it.
  bool MacroGeneratesFunction = false;
  std::vector<BareDropOccurrence> Occurrences;
};

/// Whether \p F's context is an XDP one (`struct xdp_md *`): no valid
/// verdict is negative there, and a drop is XDP_DROP.
bool takesXdpContext(const clang::FunctionDecl &F);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_BAREDROPSITE_H
