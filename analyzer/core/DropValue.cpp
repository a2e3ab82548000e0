//===- DropValue.cpp ------------------------------------------------------===//

#include "analyzer/core/DropValue.h"
#include "llvm/ADT/STLExtras.h"
#include <limits>

using namespace clang;

namespace bpftidy {

DropValue DropValue::drop(DropOrigin Origin, std::set<std::string> Reasons) {
  DropValue V;
  V.Drops.emplace(std::move(Origin), std::move(Reasons));
  return V;
}

DropValue DropValue::constant(int64_t Value) {
  DropValue V;
  V.Constants.insert(Value);
  return V;
}

DropValue DropValue::notified() {
  DropValue V;
  V.Notified = true;
  return V;
}

DropValue DropValue::unknown() {
  DropValue V;
  V.OtherNegative = V.OtherNonNegative = true;
  return V;
}

void DropValue::join(const DropValue &Other) {
  for (const auto &[Origin, Reasons] : Other.Drops)
    Drops[Origin].insert(Reasons.begin(), Reasons.end());
  Constants.insert(Other.Constants.begin(), Other.Constants.end());
  Notified |= Other.Notified;
  OtherNegative |= Other.OtherNegative;
  OtherNonNegative |= Other.OtherNonNegative;
  if (Constants.size() > MaxConstants) {
    for (int64_t C : Constants)
      (C < 0 ? OtherNegative : OtherNonNegative) = true;
    Constants.clear();
  }
}

bool DropValue::operator==(const DropValue &O) const {
  return Drops == O.Drops && Constants == O.Constants &&
         Notified == O.Notified && OtherNegative == O.OtherNegative &&
         OtherNonNegative == O.OtherNonNegative;
}

/// Whether `V Op K` holds.
static bool compare(int64_t V, BinaryOperatorKind Op, int64_t K) {
  switch (Op) {
  case BO_LT:
    return V < K;
  case BO_LE:
    return V <= K;
  case BO_GT:
    return V > K;
  case BO_GE:
    return V >= K;
  case BO_EQ:
    return V == K;
  case BO_NE:
    return V != K;
  default:
    return true;
  }
}

/// Whether some value in [Low, High] satisfies `V Op K`.
static bool satisfiable(int64_t Low, int64_t High, BinaryOperatorKind Op,
                        int64_t K) {
  switch (Op) {
  case BO_LT:
    return Low < K;
  case BO_LE:
    return Low <= K;
  case BO_GT:
    return High > K;
  case BO_GE:
    return High >= K;
  case BO_EQ:
    return Low <= K && K <= High;
  case BO_NE:
    return !(Low == K && High == K);
  default:
    return true;
  }
}

static BinaryOperatorKind negate(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_LT:
    return BO_GE;
  case BO_LE:
    return BO_GT;
  case BO_GT:
    return BO_LE;
  case BO_GE:
    return BO_LT;
  case BO_EQ:
    return BO_NE;
  case BO_NE:
    return BO_EQ;
  default:
    return Op;
  }
}

void DropValue::refine(BinaryOperatorKind Op, int64_t K, bool Holds) {
  if (!Holds)
    Op = negate(Op);
  constexpr int64_t Min = std::numeric_limits<int64_t>::min();
  constexpr int64_t Max = std::numeric_limits<int64_t>::max();
  // Drop reasons lie below -1; notified values are verdicts (>= 0).
  if (!satisfiable(Min, -2, Op, K))
    Drops.clear();
  if (!satisfiable(0, Max, Op, K))
    Notified = false;
  if (!satisfiable(Min, -1, Op, K))
    OtherNegative = false;
  if (!satisfiable(0, Max, Op, K))
    OtherNonNegative = false;
  for (auto It = Constants.begin(); It != Constants.end();)
    It = compare(*It, Op, K) ? std::next(It) : Constants.erase(It);
}

DropValue DropValue::asSeenByCaller(const DropOrigin &Origin) const {
  DropValue V = *this;
  V.Drops.clear();
  for (const auto &[From, Reasons] : Drops)
    V.Drops[Origin].insert(Reasons.begin(), Reasons.end());
  return V;
}

void DropValue::forgetCallee(const FunctionDecl *Callee) {
  for (auto It = Drops.begin(); It != Drops.end();)
    It = It->first.Callee == Callee ? Drops.erase(It) : std::next(It);
}

bool DropValue::mayBeNonDrop() const {
  if (Notified || OtherNonNegative)
    return true;
  return llvm::any_of(Constants, [](int64_t C) { return C >= -1; });
}

} // namespace bpftidy
