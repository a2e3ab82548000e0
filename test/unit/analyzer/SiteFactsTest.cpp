//===- SiteFactsTest.cpp --------------------------------------------------===//

#include "analyzer/core/SiteFacts.h"
#include "gtest/gtest.h"
#include <thread>

namespace bpftidy {
namespace {

TEST(SiteFactsTest, RecordedIntoThisThreadsSinkOnly) {
  recordSiteFact({SiteFact::NotifyAtSource, "/src/a.h", 1, true, "", "c"});
  std::vector<SiteFact> Facts;
  setSiteFactSink(&Facts);
  EXPECT_TRUE(siteFactsWanted());
  recordSiteFact(
      {SiteFact::NotifyAtSource, "/src/lib/ipv4.h", 120, true, "", "c"});
  recordSiteFact(
      {SiteFact::WrapReturn, "/src/lib/ipv4.h", 300, false, "x", "c"});
  setSiteFactSink(nullptr);
  EXPECT_FALSE(siteFactsWanted());
  recordSiteFact({SiteFact::NotifyAtSource, "/src/b.h", 2, true, "", "c"});
  ASSERT_EQ(Facts.size(), 2u);
  EXPECT_EQ(Facts[0].Offset, 120u);
  EXPECT_TRUE(Facts[0].Safe);
  EXPECT_EQ(Facts[1].Kind, SiteFact::WrapReturn);
  EXPECT_EQ(Facts[1].Why, "x");
  EXPECT_EQ(Facts[1].Check, "c");
}

TEST(SiteFactsTest, ThreadsKeepTheirOwnFacts) {
  std::vector<std::vector<SiteFact>> PerThread(4);
  std::vector<std::thread> Threads;
  for (unsigned T = 0; T < 4; ++T)
    Threads.emplace_back([T, &PerThread] {
      setSiteFactSink(&PerThread[T]);
      for (unsigned I = 0; I < 250; ++I)
        recordSiteFact(
            {SiteFact::WrapReturn, "f", T * 1000 + I, true, "", "c"});
      setSiteFactSink(nullptr);
    });
  for (std::thread &T : Threads)
    T.join();
  for (unsigned T = 0; T < 4; ++T) {
    ASSERT_EQ(PerThread[T].size(), 250u);
    EXPECT_EQ(PerThread[T].front().Offset, T * 1000);
  }
}

} // namespace
} // namespace bpftidy
