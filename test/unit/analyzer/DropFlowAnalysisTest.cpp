//===- DropFlowAnalysisTest.cpp -------------------------------------------===//

#include "analyzer/core/DropFlowAnalysis.h"
#include "analyzer/core/DropReasonMatcher.h"
#include "analyzer/core/FunctionDropSummaries.h"
#include "analyzer/core/ProgramClassifier.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;

namespace bpftidy {
namespace {

const char *Prelude = R"c(
#define DROP_INVALID -134
#define DROP_POLICY -133
#define CTX_ACT_OK 0
#define CTX_ACT_REDIRECT 7
#define unlikely(X) __builtin_expect(!!(X), 0)
#define IS_ERR(x) (unlikely((x) < 0))
int send_drop_notify_error(void *ctx, int reason);
int unknown(void);
)c";

class DropFlowAnalysisTest : public ::testing::Test {
protected:
  /// The values returned by \p Name's returns, in source order.
  std::vector<DropValue> returnsOf(const std::string &Code,
                                   llvm::StringRef Name) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code,
                                            {"-target", "bpf"}, "input.c");
    EXPECT_TRUE(AST);
    ASTContext &Ctx = AST->getASTContext();
    Summaries = std::make_unique<FunctionDropSummaries>(Matcher, Classifier);
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        if (F->getName() == Name && F->hasBody()) {
          const FunctionFlow &Flow = Summaries->flow(*F, Ctx);
          EXPECT_TRUE(Flow.Analysed);
          std::vector<std::pair<unsigned, DropValue>> Ordered;
          for (const auto &[Return, Value] : Flow.Returns)
            Ordered.emplace_back(
                Ctx.getSourceManager().getFileOffset(Return->getReturnLoc()),
                Value);
          llvm::sort(Ordered, [](const auto &A, const auto &B) {
            return A.first < B.first;
          });
          std::vector<DropValue> Values;
          for (auto &[Offset, Value] : Ordered)
            Values.push_back(Value);
          return Values;
        }
    ADD_FAILURE() << "no function " << Name.str();
    return {};
  }

  Conventions Options;
  DropReasonMatcher Matcher{Options};
  ProgramClassifier Classifier{Options};
  std::unique_ptr<FunctionDropSummaries> Summaries;
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(DropFlowAnalysisTest, GuardedReturnCarriesTheCalleesDrop) {
  auto Values = returnsOf(R"c(
static int helper(int x) { if (x) return DROP_INVALID; return 20; }
int prog(int x) {
  int ret = helper(x);
  if (ret < 0)
    return ret;
  return ret;
}
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 2u);
  EXPECT_TRUE(Values[0].mayBeDrop());
  EXPECT_FALSE(Values[0].mayBeNonDrop());
  EXPECT_EQ(Values[0].drops().begin()->first.Name, "helper");
  EXPECT_EQ(*Values[0].drops().begin()->second.begin(), "DROP_INVALID");
  EXPECT_FALSE(Values[1].mayBeDrop());
}

TEST_F(DropFlowAnalysisTest, IsErrAndNotOkGuards) {
  auto Values = returnsOf(R"c(
static int check(int x) { if (x) return DROP_POLICY; return CTX_ACT_OK; }
int prog(int x) {
  int ret = check(x);
  if (IS_ERR(ret))
    return ret;
  ret = check(x + 1);
  if (ret != CTX_ACT_OK)
    return ret;
  return CTX_ACT_REDIRECT;
}
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 3u);
  EXPECT_TRUE(Values[0].mayBeDrop());
  EXPECT_TRUE(Values[1].mayBeDrop());
  EXPECT_FALSE(Values[1].mayBeNonDrop());
  EXPECT_FALSE(Values[2].mayBeDrop());
}

// Cilium's IS_ERR(x) is `x < 0 || x == CTX_ACT_DROP`: past the guard the
// value is neither; and a predicate helper's body refines what it tests.
TEST_F(DropFlowAnalysisTest, OrGuardsAndPredicateHelpers) {
  auto Values = returnsOf(R"c(
#define CTX_ACT_DROP 2
#define CTX_ACT_TX 3
#define IS_ERR_OR_DROP(x) (unlikely((x < 0) || (x == CTX_ACT_DROP)))
static int check(int x) { if (x) return DROP_POLICY; return CTX_ACT_OK; }
static int fib_ok(int ret) {
  return __builtin_expect(!!(ret == CTX_ACT_TX || ret == CTX_ACT_REDIRECT), 1);
}
int prog(int x) {
  int ret = check(x);
  if (IS_ERR_OR_DROP(ret))
    return send_drop_notify_error(0, ret);
  if (x > 9)
    return ret;
  ret = check(x + 1);
  if (fib_ok(ret))
    return ret;
  return ret;
}
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 4u);
  EXPECT_FALSE(Values[1].mayBeDrop());
  EXPECT_FALSE(Values[2].mayBeDrop());
  EXPECT_TRUE(Values[3].mayBeDrop());
}

// In a helper an errno is for its callers; only named drop reasons count.
TEST_F(DropFlowAnalysisTest, HelpersReturnNamedDropsOnly) {
  auto Values = returnsOf(R"c(
static int redirect(int x) { if (x) return -95; return CTX_ACT_REDIRECT; }
__attribute__((section("tc"))) int prog(int x) {
  int ret = redirect(x);
  if (x == 3)
    return -22;
  return ret;
}
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 2u);
  EXPECT_TRUE(Values[0].mayBeDrop());
  EXPECT_FALSE(Values[1].mayBeDrop());
}

TEST_F(DropFlowAnalysisTest, StructFieldsAndPaths) {
  auto Values = returnsOf(R"c(
struct buf { int ret; int len; };
static int lookup(int x) { return x ? DROP_INVALID : 1; }
int prog(int x) {
  struct buf b = {};
  int ret = CTX_ACT_OK;
  b.ret = lookup(x);
  b.len = 3;
  if (b.ret < 0)
    return b.ret;
  if (x == 2)
    ret = DROP_POLICY;
  return ret;
}
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 2u);
  EXPECT_TRUE(Values[0].mayBeDrop());
  EXPECT_TRUE(Values[1].mayBeDrop());
  EXPECT_TRUE(Values[1].mayBeNonDrop()); // CTX_ACT_OK on the other path
}

TEST_F(DropFlowAnalysisTest, NotifiedAndVerdictValuesAreNotDrops) {
  auto Values = returnsOf(R"c(
int prog(void *ctx, int x) {
  int ret = -1;
  if (x)
    ret = send_drop_notify_error(ctx, DROP_INVALID);
  return ret;
}
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 1u);
  EXPECT_FALSE(Values[0].mayBeDrop());
}

TEST_F(DropFlowAnalysisTest, LoopsConvergeAndAddressTakenIsUnknown) {
  auto Values = returnsOf(R"c(
void fill(int *p);
int prog(int x) {
  int i, len = 0, ret = DROP_INVALID;
  for (i = 0; i < 4; i++)
    len += x;
  fill(&ret);
  if (len < 0)
    return len;
  return ret;
}
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 2u);
  EXPECT_FALSE(Values[0].mayBeDrop());
  // Still may be the drop reason (fill() may leave it), and anything else.
  EXPECT_TRUE(Values[1].mayBeDrop());
  EXPECT_TRUE(Values[1].mayBeNonDrop());
}

TEST_F(DropFlowAnalysisTest, RecursionIsCut) {
  auto Values = returnsOf(R"c(
static int a(int x);
static int b(int x) { return x ? a(x - 1) : DROP_INVALID; }
static int a(int x) { return b(x); }
int prog(int x) { return a(x); }
)c",
                          "prog");
  ASSERT_EQ(Values.size(), 1u);
  EXPECT_TRUE(Values[0].mayBeDrop());
}

} // namespace
} // namespace bpftidy
