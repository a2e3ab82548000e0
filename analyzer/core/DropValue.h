//===- DropValue.h - what a value may be, for the drop analysis -*- C++ -*-===//
//
// The abstract value of the forward dataflow over a function's CFG: which
// kinds of value a variable, a struct field or a returned expression may
// hold at a point. A drop reason is negative and below -1 (-1 is
// TC_ACT_UNSPEC); a notified value came out of a notification helper (a
// verdict); constants are kept exactly while few, so that verdicts such as
// CTX_ACT_OK can be told from drop reasons and removed by a guard such as
// `x != CTX_ACT_OK`; anything else is "other", with what is known of its
// sign.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_DROPVALUE_H
#define BPF_TIDY_ANALYZER_CORE_DROPVALUE_H

#include "clang/AST/OperationKinds.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace bpftidy {

/// Where a drop reason a value may hold comes from: a drop reason written
/// in this function (`ret = DROP_X`), or the result of a callee.
struct DropOrigin {
  /// The drop reason's name (literal) or the callee's name.
  std::string Name;
  /// The callee, or null for a literal.
  const clang::FunctionDecl *Callee = nullptr;

  bool operator<(const DropOrigin &O) const {
    return std::tie(Name, Callee) < std::tie(O.Name, O.Callee);
  }
  bool operator==(const DropOrigin &O) const {
    return Name == O.Name && Callee == O.Callee;
  }
};

class DropValue {
public:
  /// More distinct constants than this and the value is "other".
  static constexpr size_t MaxConstants = 8;

  static DropValue drop(DropOrigin Origin, std::set<std::string> Reasons);
  static DropValue constant(int64_t Value);
  static DropValue notified();
  /// A value nothing is known of (a parameter, an unknown call, arithmetic).
  static DropValue unknown();

  /// Least upper bound: a value that may be either.
  void join(const DropValue &Other);
  bool operator==(const DropValue &O) const;
  bool operator!=(const DropValue &O) const { return !(*this == O); }

  /// Keeps only what can satisfy `value Op K` (or its negation when
  /// \p Holds is false), e.g. `ret < 0` true keeps the drop reasons.
  void refine(clang::BinaryOperatorKind Op, int64_t K, bool Holds);

  /// Replaces every drop origin with \p Origin, keeping the reasons: the
  /// value as the caller of a function returning it sees it.
  DropValue asSeenByCaller(const DropOrigin &Origin) const;

  /// Drops the origins naming \p Callee.
  void forgetCallee(const clang::FunctionDecl *Callee);

  bool mayBeDrop() const { return !Drops.empty(); }
  /// Whether the value may be something a program may validly return (a
  /// verdict, a notified value, or a value not known to be negative).
  bool mayBeNonDrop() const;

  /// Whether the value may be -1 (TC_ACT_UNSPEC, a valid tc verdict), which
  /// a `< 0` guard would take for a drop.
  bool mayBeMinusOne() const { return OtherNegative || Constants.count(-1); }

  /// Origins and, for each, the drop reasons it may carry.
  const std::map<DropOrigin, std::set<std::string>> &drops() const {
    return Drops;
  }
  const std::set<int64_t> &constants() const { return Constants; }
  bool mayBeNotified() const { return Notified; }

private:
  std::map<DropOrigin, std::set<std::string>> Drops;
  std::set<int64_t> Constants;
  bool Notified = false;
  /// "Other" values, split by what a guard has proven of their sign.
  bool OtherNegative = false;
  bool OtherNonNegative = false;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_DROPVALUE_H
