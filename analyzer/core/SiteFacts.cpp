//===- SiteFacts.cpp ------------------------------------------------------===//

#include "analyzer/core/SiteFacts.h"

namespace bpftidy {

static thread_local std::vector<SiteFact> *CurrentSink = nullptr;

void setSiteFactSink(std::vector<SiteFact> *Sink) { CurrentSink = Sink; }

bool siteFactsWanted() { return CurrentSink != nullptr; }

void recordSiteFact(SiteFact Fact) {
  if (CurrentSink)
    CurrentSink->push_back(std::move(Fact));
}

} // namespace bpftidy
