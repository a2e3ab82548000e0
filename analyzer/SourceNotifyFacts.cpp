//===- SourceNotifyFacts.cpp ----------------------------------------------===//

#include "analyzer/SourceNotifyFacts.h"
#include <mutex>

namespace bpftidy {

namespace {
struct Registry {
  std::mutex Lock;
  std::vector<SourceNotifyFact> Facts;
};

Registry &registry() {
  static Registry R;
  return R;
}
} // namespace

void recordSourceNotifyFact(SourceNotifyFact Fact) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  R.Facts.push_back(std::move(Fact));
}

std::vector<SourceNotifyFact> takeSourceNotifyFacts() {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  std::vector<SourceNotifyFact> Taken;
  Taken.swap(R.Facts);
  return Taken;
}

} // namespace bpftidy
