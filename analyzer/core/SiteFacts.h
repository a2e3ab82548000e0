//===- SiteFacts.h - what one configuration says about a site ----*- C++
//-*-===//
//
// A fix is text, and text is compiled in every configuration, but whether
// an edit is right can depend on the configuration:
// - notifying at a helper's own `return DROP_X` is safe only where every
//   caller returns the helper's value to the kernel;
// - wrapping `return ret;` in a notification is right only where `ret` can
//   hold nothing but a drop reason (elsewhere it may be a verdict, which
//   the wrap would turn into a drop).
// The analysis records such facts per translation unit, and the bpf-tidy
// command, which sees every configuration, withholds a fix that some
// configuration says is wrong. Facts are recorded only on a thread whose
// driver asked for them (a sink); under stock clang-tidy nothing is.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_SITEFACTS_H
#define BPF_TIDY_ANALYZER_CORE_SITEFACTS_H

#include <string>
#include <vector>

namespace bpftidy {

struct SiteFact {
  enum FactKind {
    /// Whether notifying at this helper `return` is safe here.
    NotifyAtSource,
    /// Whether wrapping this `return`'s value in a notification is right
    /// here (false: nothing is known of the value, not even under a guard).
    WrapReturn,
    /// This `return`'s value may also be a valid verdict here (or the text
    /// is dead code here): a fix must notify only under a guard. Safe: a
    /// `< 0` guard is enough; false: the guard must also spare -1.
    GuardReturn,
    /// This configuration fixes the `return` under a guard; Why holds the
    /// guarded text (one line), Safe whether the guard spares -1.
    GuardedFix,
  };
  FactKind Kind = NotifyAtSource;
  /// Canonical absolute path (llvm::sys::fs::real_path) of the file
  /// holding the `return`.
  std::string File;
  /// Byte offset of the `return` keyword's spelling in that file.
  unsigned Offset = 0;
  bool Safe = false;
  /// Why not (empty when it is).
  std::string Why;
  /// The check whose fix the fact is about: a fact withholds only that
  /// check's fix.
  std::string Check;
};

/// Where the translation units analysed on this thread record their facts;
/// null (the default) records nothing.
void setSiteFactSink(std::vector<SiteFact> *Sink);

/// Whether facts are being recorded on this thread.
bool siteFactsWanted();

/// Records \p Fact into this thread's sink, if any.
void recordSiteFact(SiteFact Fact);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_SITEFACTS_H
