//===- SourceNotifyFactsTest.cpp ------------------------------------------===//

#include "analyzer/SourceNotifyFacts.h"
#include "gtest/gtest.h"
#include <thread>

namespace bpftidy {
namespace {

TEST(SourceNotifyFactsTest, TakeReturnsWhatWasRecordedOnce) {
  takeSourceNotifyFacts();
  recordSourceNotifyFact({"/src/lib/ipv4.h", 120, true, ""});
  recordSourceNotifyFact({"/src/lib/ipv4.h", 300, false, "tested"});
  std::vector<SourceNotifyFact> Facts = takeSourceNotifyFacts();
  ASSERT_EQ(Facts.size(), 2u);
  EXPECT_EQ(Facts[0].Offset, 120u);
  EXPECT_TRUE(Facts[0].Safe);
  EXPECT_EQ(Facts[1].Why, "tested");
  EXPECT_TRUE(takeSourceNotifyFacts().empty());
}

TEST(SourceNotifyFactsTest, ConcurrentRecordsAreAllKept) {
  takeSourceNotifyFacts();
  std::vector<std::thread> Threads;
  for (unsigned T = 0; T < 4; ++T)
    Threads.emplace_back([T] {
      for (unsigned I = 0; I < 250; ++I)
        recordSourceNotifyFact({"f", T * 1000 + I, true, ""});
    });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(takeSourceNotifyFacts().size(), 1000u);
}

} // namespace
} // namespace bpftidy
