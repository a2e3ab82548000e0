//===- NotifyExpansions.h - where notification macros are used --*- C++ -*-===//
//
// Cilium's notification helpers are macros (they capture __LINE__). The
// direction other notifications of a program pass is read from their
// invocations; recording each expansion of a notification macro while
// preprocessing costs one name lookup per expansion, where finding them
// afterwards means walking every call's macro chain.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_NOTIFYEXPANSIONS_H
#define BPF_TIDY_ANALYZER_CORE_NOTIFYEXPANSIONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class PPCallbacks;
class SourceManager;
} // namespace clang

namespace bpftidy {

struct NotifyExpansion {
  std::string Macro;
  /// Where the macro's name is (possibly inside another macro's body).
  clang::SourceLocation NameLoc;
  /// The invocation's arguments as written, once read (a notification in a
  /// helper is seen from every program that calls it).
  mutable std::optional<std::vector<std::string>> Args;
};

class NotifyExpansions {
public:
  /// Callbacks that record the expansions of the macros in \p Helpers.
  std::unique_ptr<clang::PPCallbacks>
  recorder(const llvm::StringSet<> &Helpers);

  const std::vector<NotifyExpansion> &all() const { return Expansions; }

  /// The expansions whose outermost expansion location lies within the
  /// file range [\p Begin, \p End] (both file locations of one file).
  std::vector<const NotifyExpansion *>
  within(clang::SourceLocation Begin, clang::SourceLocation End,
         const clang::SourceManager &SM) const;

  void clear() {
    Expansions.clear();
    Index.clear();
  }

private:
  std::vector<NotifyExpansion> Expansions;
  /// (file, offset) of each expansion's outermost location, sorted; built
  /// on first use, after preprocessing.
  mutable std::vector<std::tuple<unsigned, unsigned, size_t>> Index;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_NOTIFYEXPANSIONS_H
