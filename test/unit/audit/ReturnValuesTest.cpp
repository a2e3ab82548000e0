//===- ReturnValuesTest.cpp - values a program's returns can take ---------===//
//
// Hand-written IR in the shapes the BPF target leaves after -O2: a branch
// on a constant the passthrough wrapper hides, the same behind casts, a
// switch on one. The edge such a branch never takes brings no value.
//
//===----------------------------------------------------------------------===//

#include "audit/ReturnValues.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace bpftidy::audit;
using namespace llvm;

namespace {

/// The known values returned by @prog in \p Body's module, sorted.
std::vector<int64_t> knownValues(StringRef Body) {
  LLVMContext Context;
  SMDiagnostic Error;
  std::unique_ptr<Module> M = parseAssemblyString(Body, Error, Context);
  if (!M) {
    ADD_FAILURE() << Error.getMessage().str();
    return {};
  }
  std::vector<int64_t> Values;
  for (const ReturnedValue &R :
       returnValues(*M->getFunction("prog"), ProgramType::Tc)) {
    EXPECT_TRUE(R.Known) << R.Detail;
    Values.push_back(R.Value);
  }
  std::sort(Values.begin(), Values.end());
  return Values;
}

constexpr const char *Declarations = R"(
declare i1 @llvm.bpf.passthrough.i1.i1(i32, i1)
declare i32 @llvm.bpf.passthrough.i32.i32(i32, i32)
)";

/// The copy of `out:` LLVM makes for the path with -133: \p Guard computes
/// `%guard`, the copy branches on it to the notification (its true edge
/// when \p NotifyIfTrue) or to the `ret`, which takes -133 from the copy.
std::string copyOfOut(StringRef Guard, bool NotifyIfTrue) {
  return std::string(Declarations) + R"(
define i32 @prog(i1 %bad, i1 %why) {
entry:
  br i1 %bad, label %copy, label %done
copy:
)" + Guard.str() +
         (NotifyIfTrue ? "  br i1 %guard, label %notify, label %done\n"
                       : "  br i1 %guard, label %done, label %notify\n") +
         R"(
notify:
  br label %done
done:
  %ret = phi i32 [ 0, %entry ], [ -133, %copy ], [ 2, %notify ]
  ret i32 %ret
}
)";
}

// `ret < 0` folded to true inside the wrapper, the branch kept: only the
// notification's edge is taken.
TEST(ReturnValuesTest, BranchOnPassthroughTrueNeverTakesItsFalseEdge) {
  EXPECT_EQ(knownValues(copyOfOut(
                "  %guard = call i1 @llvm.bpf.passthrough.i1.i1(i32 38, i1 "
                "true)\n",
                /*NotifyIfTrue=*/true)),
            (std::vector<int64_t>{0, 2}));
}

TEST(ReturnValuesTest, BranchOnPassthroughFalseNeverTakesItsTrueEdge) {
  EXPECT_EQ(knownValues(copyOfOut(
                "  %guard = call i1 @llvm.bpf.passthrough.i1.i1(i32 7, i1 "
                "false)\n",
                /*NotifyIfTrue=*/false)),
            (std::vector<int64_t>{0, 2}));
}

// The constant behind a wrapper, a freeze and a cast: trunc of 2 is false.
TEST(ReturnValuesTest, ConstantConditionThroughCasts) {
  EXPECT_EQ(
      knownValues(copyOfOut(
          "  %wrapped = call i32 @llvm.bpf.passthrough.i32.i32(i32 3, i32 2)\n"
          "  %frozen = freeze i32 %wrapped\n"
          "  %guard = trunc i32 %frozen to i1\n",
          /*NotifyIfTrue=*/false)),
      (std::vector<int64_t>{0, 2}));
}

// A condition that is not constant: both edges bring their values.
TEST(ReturnValuesTest, BranchOnUnknownConditionKeepsBothEdges) {
  EXPECT_EQ(knownValues(copyOfOut(
                "  %guard = call i1 @llvm.bpf.passthrough.i1.i1(i32 38, i1 "
                "%why)\n",
                /*NotifyIfTrue=*/true)),
            (std::vector<int64_t>{-133, 0, 2}));
}

TEST(ReturnValuesTest, SwitchOnPassthroughConstantTakesOnlyItsCase) {
  EXPECT_EQ(knownValues(std::string(Declarations) + R"(
define i32 @prog(i1 %bad) {
entry:
  br i1 %bad, label %copy, label %done
copy:
  %code = call i32 @llvm.bpf.passthrough.i32.i32(i32 4, i32 1)
  switch i32 %code, label %done [
    i32 1, label %notify
    i32 2, label %done
  ]
notify:
  br label %done
done:
  %ret = phi i32 [ 0, %entry ], [ -136, %copy ], [ -136, %copy ], [ 2, %notify ]
  ret i32 %ret
}
)"),
            (std::vector<int64_t>{0, 2}));
}

// Where the value is decided on the paths into the return (a switch on
// it), an edge never taken brings none of its constants either.
TEST(ReturnValuesTest, PathsIntoTheReturnSkipEdgesNeverTaken) {
  EXPECT_EQ(knownValues(std::string(Declarations) + R"(
define i32 @prog(i32 %code) {
entry:
  switch i32 %code, label %zero [
    i32 -137, label %copy
    i32 2, label %back
  ]
copy:
  %guard = call i1 @llvm.bpf.passthrough.i1.i1(i32 9, i1 true)
  br i1 %guard, label %zero, label %back
zero:
  ret i32 0
back:
  ret i32 %code
}
)"),
            (std::vector<int64_t>{0, 2}));
}

} // namespace
