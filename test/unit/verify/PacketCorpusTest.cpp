//===- PacketCorpusTest.cpp - the generated corpus ------------------------===//

#include "verify/PacketCorpus.h"

#include "verify/PacketBuilder.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

bool hasRecipe(const std::vector<CorpusPacket> &Corpus, StringRef Recipe) {
  return any_of(Corpus,
                [&](const CorpusPacket &P) { return P.Recipe == Recipe; });
}

size_t countContaining(const std::vector<CorpusPacket> &Corpus,
                       StringRef Word) {
  return count_if(Corpus, [&](const CorpusPacket &P) {
    return StringRef(P.Recipe).contains(Word);
  });
}

TEST(PacketCorpusTest, EveryGeneratedRecipeBuilds) {
  for (const std::string &Recipe : generatedRecipes()) {
    Expected<std::vector<uint8_t>> Bytes = buildPacket(Recipe);
    EXPECT_TRUE(bool(Bytes))
        << Recipe << ": " << (Bytes ? "" : toString(Bytes.takeError()));
    if (Bytes)
      EXPECT_GE(Bytes->size(), MinPacketSize) << Recipe;
  }
}

TEST(PacketCorpusTest, CoversTheRequiredFamilies) {
  Expected<std::vector<CorpusPacket>> Corpus = buildCorpus({});
  ASSERT_TRUE(bool(Corpus)) << toString(Corpus.takeError());
  // Valid traffic of both families and all L4 protocols.
  for (StringRef R : {"ipv4 tcp", "ipv4 udp", "ipv4 icmp", "ipv6 tcp",
                      "ipv6 udp", "ipv6 icmpv6"})
    EXPECT_TRUE(hasRecipe(*Corpus, R)) << R.str();
  // Malformed and unusual traffic.
  EXPECT_GE(countContaining(*Corpus, "truncate="), 10u);
  EXPECT_GE(countContaining(*Corpus, "ihl="), 3u);
  EXPECT_GE(countContaining(*Corpus, "tot_len="), 3u);
  EXPECT_GE(countContaining(*Corpus, "payload_len="), 3u);
  EXPECT_GE(countContaining(*Corpus, "ethertype="), 3u);
  EXPECT_TRUE(hasRecipe(*Corpus, "arp"));
  EXPECT_GE(countContaining(*Corpus, "proto="), 4u);
  EXPECT_GE(countContaining(*Corpus, "frag="), 3u);
  EXPECT_GE(countContaining(*Corpus, "options="), 3u);
  EXPECT_GE(countContaining(*Corpus, "exthdr=hop"), 2u);
}

TEST(PacketCorpusTest, SiteRecipesComeFirstAndOnce) {
  Expected<std::vector<CorpusPacket>> Corpus =
      buildCorpus({"ipv4  tcp   ihl=4", "ipv4 tcp ihl=4", "ipv4 tcp"});
  ASSERT_TRUE(bool(Corpus)) << toString(Corpus.takeError());
  ASSERT_GE(Corpus->size(), 2u);
  EXPECT_EQ((*Corpus)[0].Recipe, "ipv4 tcp ihl=4");
  EXPECT_EQ((*Corpus)[1].Recipe, "ipv4 tcp");
  EXPECT_EQ(count_if(*Corpus,
                     [](const CorpusPacket &P) {
                       return P.Recipe == "ipv4 tcp ihl=4" ||
                              P.Recipe == "ipv4 tcp";
                     }),
            2);
  for (const CorpusPacket &P : *Corpus)
    EXPECT_EQ(P.Bytes, *buildPacket(P.Recipe)) << P.Recipe;
}

TEST(PacketCorpusTest, BadSiteRecipeFails) {
  Expected<std::vector<CorpusPacket>> Corpus = buildCorpus({"ipv4 tcp nope"});
  ASSERT_FALSE(bool(Corpus));
  EXPECT_EQ(toString(Corpus.takeError()),
            "packet recipe 'ipv4 tcp nope': expected key=value, not 'nope'");
}

TEST(PacketCorpusTest, NormalizeRecipe) {
  EXPECT_EQ(normalizeRecipe("  ipv4\ttcp  ihl=4 "), "ipv4 tcp ihl=4");
  EXPECT_EQ(normalizeRecipe("ipv6   udp"), "ipv6 udp");
}

} // namespace
