//===- Shard.cpp ----------------------------------------------------------===//

#include "cli/Shard.h"
#include <algorithm>
#include <tuple>

namespace bpftidy {

llvm::Expected<Shard> Shard::parse(llvm::StringRef Text) {
  auto [Left, Right] = Text.split('/');
  Shard S;
  if (Left.getAsInteger(10, S.Index) || Right.getAsInteger(10, S.Count) ||
      S.Count == 0 || S.Index == 0 || S.Index > S.Count)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--shard: expected K/N with 1 <= K <= N (e.g. 2/4), got '" + Text +
            "'");
  return S;
}

std::vector<AnalysisUnit> Shard::select(std::vector<AnalysisUnit> Units) const {
  // Sorted by file and configuration; equal ones keep their given order.
  std::vector<size_t> Order(Units.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return std::tie(Units[A].File, Units[A].Configuration, A) <
           std::tie(Units[B].File, Units[B].Configuration, B);
  });
  std::vector<AnalysisUnit> Mine;
  for (size_t I = Index - 1; I < Order.size(); I += Count)
    Mine.push_back(std::move(Units[Order[I]]));
  return Mine;
}

} // namespace bpftidy
