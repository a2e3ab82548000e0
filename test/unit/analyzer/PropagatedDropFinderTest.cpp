//===- PropagatedDropFinderTest.cpp ---------------------------------------===//
//
// The per-translation-unit pass on propagated drops: which returns become
// sites, of which kind, and the source-notify facts it records.
//
//===----------------------------------------------------------------------===//

#include "analyzer/checks/BareDropFinder.h"
#include "analyzer/core/SiteFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;

namespace bpftidy {
namespace {

const char *Prelude = R"c(
#define SEC(N) __attribute__((section(N), used))
#define DROP_INVALID -134
#define DROP_POLICY -133
#define CTX_ACT_OK 0
)c";

struct FoundSite {
  unsigned Line;
  BareDropKind Kind;
  std::string Function;
  bool operator==(const FoundSite &O) const {
    return Line == O.Line && Kind == O.Kind && Function == O.Function;
  }
};

std::ostream &operator<<(std::ostream &OS, const FoundSite &S) {
  return OS << S.Function << ":" << S.Line << ":" << int(S.Kind);
}

class PropagatedDropFinderTest : public ::testing::Test {
protected:
  std::vector<FoundSite> sitesOf(const std::string &Code) {
    Facts.clear();
    setSiteFactSink(&Facts);
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code,
                                            {"-target", "bpf"}, "input.c");
    EXPECT_TRUE(AST);
    ASTContext &Ctx = AST->getASTContext();
    BareDropFinder Finder(Options);
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        Finder.addFunction(*F, Ctx);
    Finder.finish(Ctx);
    setSiteFactSink(nullptr);
    std::vector<FoundSite> Found;
    const SourceManager &SM = Ctx.getSourceManager();
    for (const BareDropSite &Site : Finder.sites())
      Found.push_back({SM.getSpellingLineNumber(Site.Location) - 5,
                       Site.Occurrences.front().Kind,
                       Site.Occurrences.front().Function->getName().str()});
    return Found;
  }

  /// The facts on notifying at a helper's source, in order.
  std::vector<SiteFact> notifyFacts() const {
    std::vector<SiteFact> Kept;
    for (const SiteFact &F : Facts)
      if (F.Kind == SiteFact::NotifyAtSource)
        Kept.push_back(F);
    return Kept;
  }

  Conventions Options;
  std::unique_ptr<ASTUnit> AST;
  std::vector<SiteFact> Facts;
};

TEST_F(PropagatedDropFinderTest, HelperChainLandsAtTheSource) {
  auto Sites = sitesOf(R"c(
static int b(void *ctx) {
  if (!ctx) return DROP_INVALID;
  return CTX_ACT_OK;
}
static int a(void *ctx) { return b(ctx); }
SEC("tc") int prog(void *ctx) { return a(ctx); }
)c");
  EXPECT_EQ(Sites,
            (std::vector<FoundSite>{{3, BareDropKind::InlineCallee, "b"}}));
  std::vector<SiteFact> Facts = notifyFacts();
  ASSERT_EQ(Facts.size(), 1u);
  EXPECT_TRUE(Facts[0].Safe);
}

TEST_F(PropagatedDropFinderTest, TestedHelperLandsAtTheProgram) {
  auto Sites = sitesOf(R"c(
static int b(void *ctx) {
  if (!ctx) return DROP_INVALID;
  return CTX_ACT_OK;
}
static int a(void *ctx) { return b(ctx); }
SEC("tc") int prog(void *ctx) {
  int ret = a(ctx);
  if (ret < 0)
    return ret;
  return b(ctx);
}
)c");
  // b is returned directly by prog, but also by a, whose value prog tests.
  EXPECT_EQ(Sites,
            (std::vector<FoundSite>{{10, BareDropKind::Propagated, "prog"},
                                    {11, BareDropKind::Propagated, "prog"}}));
  std::vector<SiteFact> Facts = notifyFacts();
  ASSERT_EQ(Facts.size(), 2u); // b's return DROP_INVALID and a's return b()
  EXPECT_FALSE(Facts[0].Safe);
  EXPECT_FALSE(Facts[0].Why.empty());
}

TEST_F(PropagatedDropFinderTest, AddressTakenHelperIsNotNotifiedInside) {
  auto Sites = sitesOf(R"c(
static int b(void *ctx) { return ctx ? CTX_ACT_OK : DROP_POLICY; }
static int (*hook)(void *) = b;
SEC("tc") int prog(void *ctx) {
  int (*f)(void *) = b;
  (void)f;
  return b(ctx);
}
)c");
  EXPECT_EQ(Sites,
            (std::vector<FoundSite>{{7, BareDropKind::Propagated, "prog"}}));
}

TEST_F(PropagatedDropFinderTest, CallCycleTerminatesAndIsNotSafe) {
  auto Sites = sitesOf(R"c(
static int a(void *ctx, int n);
static int b(void *ctx, int n) {
  if (!n) return DROP_INVALID;
  return a(ctx, n - 1);
}
static int a(void *ctx, int n) { return b(ctx, n); }
SEC("tc") int prog(void *ctx) {
  int ret = a(ctx, 3);
  if (ret < 0)
    return ret;
  return CTX_ACT_OK;
}
)c");
  EXPECT_EQ(Sites,
            (std::vector<FoundSite>{{11, BareDropKind::Propagated, "prog"}}));
}

TEST_F(PropagatedDropFinderTest, LiteralsInProgramsAreUnchanged) {
  auto Sites = sitesOf(R"c(
SEC("tc") int prog(void *ctx) {
  if (!ctx)
    return DROP_INVALID;
  return CTX_ACT_OK;
}
)c");
  EXPECT_EQ(Sites,
            (std::vector<FoundSite>{{4, BareDropKind::Literal, "prog"}}));
}

} // namespace
} // namespace bpftidy
