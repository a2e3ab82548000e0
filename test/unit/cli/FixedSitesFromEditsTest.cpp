//===- FixedSitesFromEditsTest.cpp ----------------------------------------===//

#include "cli/FixedSitesFromEdits.h"
#include "gtest/gtest.h"

using namespace bpftidy;

namespace {

llvm::json::Object parse(llvm::StringRef Text) {
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Text);
  EXPECT_TRUE(bool(V)) << llvm::toString(V.takeError());
  return std::move(*V->getAsObject());
}

std::optional<std::string> noFile(llvm::StringRef) { return std::nullopt; }

/// Findings name files relative to the working directory, here "t/".
std::string inTree(llvm::StringRef Path) {
  return Path.starts_with("t/") ? Path.drop_front(2).str() : Path.str();
}

TEST(FixedSitesFromEdits, LinesMoveByTheNewlinesOfEarlierEdits) {
  // Two edits in a.c: the first adds two lines, so the second moves by two.
  // The second finding repeats the first edit (one edit, one site).
  llvm::json::Object Findings = parse(R"js({"findings": [
    {"fixed": true, "configurations": ["c1"], "function": "f", "notes": [],
     "fix": [{"file": "a.c", "offset": 10, "length": 3, "line": 2,
              "end_line": 2, "replacement": "n(ctx,\n\tX,\n\tMETRIC_EGRESS)"}]
},
    {"fixed": true, "configurations": ["c1"], "function": "f", "notes": [],
     "fix": [{"file": "a.c", "offset": 10, "length": 3, "line": 2,
              "end_line": 2, "replacement": "n(ctx,\n\tX,\n\tMETRIC_EGRESS)"}]},
    {"fixed": true, "configurations": ["c1", "c2"], "function": "g",
     "notes": [],
     "fix": [{"file": "a.c", "offset": 50, "length": 3, "line": 7,
              "end_line": 7, "replacement": "n(ctx, Y, D ? METRIC_EGRESS :\n METRIC_INGRESS)"}]},
    {"fixed": false, "configurations": ["c1"], "function": "h", "notes": [],
     "fix": [{"file": "a.c", "offset": 5, "length": 0, "line": 1,
              "end_line": 1, "replacement": "\n\n\n"}]}
  ]
})js");
  std::vector<FixedSiteEntry> Sites =
      fixedSitesFromFindings(Findings, inTree, noFile);
  ASSERT_EQ(Sites.size(), 2u);
  EXPECT_EQ(Sites[0].Id, "a.c:2");
  EXPECT_EQ(Sites[0].Line, 2u);
  EXPECT_EQ(Sites[0].EndLine, 4u);
  EXPECT_EQ(Sites[0].Direction, "METRIC_EGRESS");
  EXPECT_EQ(Sites[1].Id, "a.c:7");
  EXPECT_EQ(Sites[1].Line, 9u);
  EXPECT_EQ(Sites[1].EndLine, 10u);
  // A choice of directions is left to verify (any one passes).
  EXPECT_EQ(Sites[1].Direction, "");
  EXPECT_EQ(Sites[1].Configurations, (std::vector<std::string>{"c1", "c2"}));
}

TEST(FixedSitesFromEdits, AnEditReplacingLinesMovesLaterOnesUp) {
  llvm::json::Object Findings = parse(R"js({"findings": [
    {"fixed": true, "fix": [{"file": "a.c", "offset": 0, "length": 9,
      "line": 1, "end_line": 3, "replacement": "x(METRIC_INGRESS)"}]
},
    {"fixed": true, "fix": [{"file": "a.c", "offset": 40, "length": 1,
      "line": 8, "end_line": 8, "replacement": "y(METRIC_INGRESS)"}]}
  ]
})js");
  std::vector<FixedSiteEntry> Sites =
      fixedSitesFromFindings(Findings, inTree, noFile);
  ASSERT_EQ(Sites.size(), 2u);
  EXPECT_EQ(Sites[1].Line, 6u);
}

TEST(FixedSitesFromEdits, AMacroBodyIsASitePerExpansion) {
  // The fix is in the macro's body in m.h (adding a line there); its
  // expansions in a.c come after a fix in a.c that added one line, and the
  // second invocation spans three lines.
  llvm::json::Object Findings = parse(R"js({"findings": [
    {"fixed": true, "function": "M/NAME",
     "notes": [
       {"file": "m.h", "line": 4, "message": "the value of 'tail_a' is returned to the kernel by entry program 'entry'"},
       {"file": "t/a.c", "line": 10, "message": "function 'tail_a' is expanded here"},
       {"file": "a.c", "line": 20, "message": "function 'tail_b' is expanded here"}],
     "fix": [{"file": "t/m.h", "offset": 30, "length": 3, "line": 4,
              "end_line": 4, "replacement": "n(ctx,\\\n DIR)"}]
},
    {"fixed": true, "fix": [{"file": "a.c", "offset": 5, "length": 3,
      "line": 2, "end_line": 2, "replacement": "n(ctx,\n METRIC_EGRESS)"}]}
  ]
})js");
  std::string FixedA = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\nM(tail_a)\n"
                       "12\n13\n14\n15\n16\n17\n18\n19\n20\n"
                       "M(tail_b, /* ) */ \")\",\n  f(x),\n  y)\n";
  auto Read = [&](llvm::StringRef File) -> std::optional<std::string> {
    if (File == "a.c")
      return FixedA;
    return std::nullopt;
  };
  std::vector<FixedSiteEntry> Sites =
      fixedSitesFromFindings(Findings, inTree, Read);
  ASSERT_EQ(Sites.size(), 3u);
  EXPECT_EQ(Sites[0].Id, "m.h:4@a.c:10");
  EXPECT_EQ(Sites[0].File, "a.c");
  EXPECT_EQ(Sites[0].Line, 11u);
  EXPECT_EQ(Sites[0].EndLine, 11u);
  EXPECT_EQ(Sites[1].Id, "m.h:4@a.c:20");
  EXPECT_EQ(Sites[1].Line, 21u);
  EXPECT_EQ(Sites[1].EndLine, 23u);
  EXPECT_EQ(Sites[0].Programs,
            (std::vector<std::string>{"tail_a", "entry", "M/NAME"}));
  // The function an expansion defines comes first.
  EXPECT_EQ(Sites[1].Programs,
            (std::vector<std::string>{"tail_b", "tail_a", "entry", "M/NAME"}));
  EXPECT_EQ(Sites[2].Id, "a.c:2");
}

TEST(FixedSitesFromEdits, TheFixesOfOneExpansionAreOneSite) {
  // Two returns in one macro body fixed, expanded twice: every return of an
  // expansion notifies with the expansion's __LINE__, so a notification
  // cannot tell them apart. One site per expansion, named by both body
  // lines; directions that differ leave the direction open, and the
  // configurations and programs are those of both fixes.
  llvm::json::Object Findings = parse(R"js({"findings": [
    {"fixed": true, "function": "M/NAME", "configurations": ["c1"],
     "notes": [
       {"file": "a.c", "line": 10, "message": "function 'tail_a' is expanded here"},
       {"file": "a.c", "line": 20, "message": "function 'tail_b' is expanded here"}],
     "fix": [{"file": "m.h", "offset": 30, "length": 3, "line": 4,
              "end_line": 4, "replacement": "n(ctx, METRIC_EGRESS)"}]},
    {"fixed": true, "function": "M/NAME", "configurations": ["c2"],
     "notes": [
       {"file": "a.c", "line": 10, "message": "function 'tail_a' is expanded here"},
       {"file": "a.c", "line": 20, "message": "function 'tail_b' is expanded here"}],
     "fix": [{"file": "m.h", "offset": 90, "length": 3, "line": 9,
              "end_line": 9, "replacement": "n(ctx, METRIC_INGRESS)"}]},
    {"fixed": true, "function": "M/NAME", "configurations": ["c1"],
     "notes": [
       {"file": "a.c", "line": 10, "message": "function 'tail_a' is expanded here"}],
     "fix": [{"file": "m.h", "offset": 120, "length": 3, "line": 12,
              "end_line": 12, "replacement": "n(ctx, METRIC_EGRESS)"}]}
  ]
})js");
  std::vector<FixedSiteEntry> Sites =
      fixedSitesFromFindings(Findings, inTree, noFile);
  ASSERT_EQ(Sites.size(), 2u);
  EXPECT_EQ(Sites[0].Id, "m.h:4,9,12@a.c:10");
  EXPECT_EQ(Sites[0].File, "a.c");
  EXPECT_EQ(Sites[0].Line, 10u);
  EXPECT_EQ(Sites[0].Direction, "");
  EXPECT_EQ(Sites[0].Configurations, (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(Sites[0].Programs, (std::vector<std::string>{"tail_a", "M/NAME"}));
  EXPECT_EQ(Sites[1].Id, "m.h:4,9@a.c:20");
  EXPECT_EQ(Sites[1].Line, 20u);
}

TEST(FixedSitesFromEdits, OneExpansionKeepsOneDirectionAndAllConfigurations) {
  // Both fixes name the same direction; one of them exists in every
  // configuration (no list), so the merged site does too.
  llvm::json::Object Findings = parse(R"js({"findings": [
    {"fixed": true, "configurations": ["c1"],
     "notes": [{"file": "a.c", "line": 3, "message": "function 'f' is expanded here"}],
     "fix": [{"file": "m.h", "offset": 1, "length": 1, "line": 1,
              "end_line": 1, "replacement": "n(METRIC_EGRESS)"}]},
    {"fixed": true,
     "notes": [{"file": "a.c", "line": 3, "message": "function 'f' is expanded here"}],
     "fix": [{"file": "m.h", "offset": 9, "length": 1, "line": 2,
              "end_line": 2, "replacement": "n(METRIC_EGRESS)"}]}
  ]
})js");
  std::vector<FixedSiteEntry> Sites =
      fixedSitesFromFindings(Findings, inTree, noFile);
  ASSERT_EQ(Sites.size(), 1u);
  EXPECT_EQ(Sites[0].Id, "m.h:1,2@a.c:3");
  EXPECT_EQ(Sites[0].Direction, "METRIC_EGRESS");
  EXPECT_TRUE(Sites[0].Configurations.empty());
}

TEST(FixedSitesFromEdits, APlainSiteBeforeAnExpansion) {
  // A fix outside any macro comes first, then two fixes of one expansion:
  // the expansion's site is still named by both body lines.
  llvm::json::Object Findings = parse(R"js({"findings": [
    {"fixed": true, "notes": [],
     "fix": [{"file": "a.c", "offset": 1, "length": 1, "line": 1,
              "end_line": 1, "replacement": "n(METRIC_EGRESS)"}]},
    {"fixed": true,
     "notes": [{"file": "a.c", "line": 9, "message": "function 'f' is expanded here"}],
     "fix": [{"file": "m.h", "offset": 1, "length": 1, "line": 3,
              "end_line": 3, "replacement": "n(METRIC_EGRESS)"}]},
    {"fixed": true,
     "notes": [{"file": "a.c", "line": 9, "message": "function 'f' is expanded here"}],
     "fix": [{"file": "m.h", "offset": 9, "length": 1, "line": 5,
              "end_line": 5, "replacement": "n(METRIC_EGRESS)"}]}
  ]
})js");
  std::vector<FixedSiteEntry> Sites =
      fixedSitesFromFindings(Findings, inTree, noFile);
  ASSERT_EQ(Sites.size(), 2u);
  EXPECT_EQ(Sites[0].Id, "a.c:1");
  EXPECT_EQ(Sites[1].Id, "m.h:3,5@a.c:9");
}

TEST(FixedSitesFromEdits, InvocationEndLine) {
  EXPECT_EQ(invocationEndLine("a\nF(x,\n y)\n", 2), 3u);
  EXPECT_EQ(invocationEndLine("F(x) // (\n", 1), 1u);
  // No call: the line itself.
  EXPECT_EQ(invocationEndLine("a\nb\n", 2), 2u);
}

TEST(FixedSitesFromEdits, AFixThatShowsElsewhereIsASiteAtItsNotification) {
  // `ret = invoke(...)` (line 5) is notified by the error block at line 9
  // (its "fix-effect" note); an earlier edit added a line, so the
  // notification is at line 10 after the fix, spread over two lines, and
  // its direction is the one it names. A second ignored result feeding the
  // same block is the same site.
  llvm::json::Object Findings = parse(R"js({"findings": [
    {"fixed": true, "function": "f", "notes": [],
     "fix": [{"file": "t/a.c", "offset": 2, "length": 1, "line": 1,
              "end_line": 1, "replacement": "n(\n)"}]},
    {"fixed": true, "function": "f", "configurations": ["c1"],
     "notes": [
       {"file": "t/a.c", "line": 8, "column": 2, "reason": "explanation",
        "message": "the error block that notifies 'ret'"},
       {"file": "t/a.c", "line": 9, "column": 10, "reason": "fix-effect",
        "message": "the assigned value is notified here"}],
     "fix": [{"file": "t/a.c", "offset": 40, "length": 0, "line": 5,
              "end_line": 5, "replacement": "ret = "}]},
    {"fixed": true, "function": "f", "configurations": ["c2"],
     "notes": [
       {"file": "t/a.c", "line": 9, "column": 10, "reason": "fix-effect",
        "message": "the assigned value is notified here"}],
     "fix": [{"file": "t/a.c", "offset": 60, "length": 0, "line": 6,
              "end_line": 6, "replacement": "ret = "}]}
  ]
})js");
  auto Fixed = [](llvm::StringRef File) -> std::optional<std::string> {
    if (File != "a.c")
      return std::nullopt;
    return std::string("n(\n)\n\n\n\n\tret = g();\n\tret = h();\n\n"
                       "\tif (ret < 0)\n"
                       "\t\treturn notify(ctx, (ret),\n"
                       "\t\t\t      METRIC_INGRESS);\n");
  };
  std::vector<FixedSiteEntry> Sites =
      fixedSitesFromFindings(Findings, inTree, Fixed);
  ASSERT_EQ(Sites.size(), 2u);
  EXPECT_EQ(Sites[1].Id, "a.c:5,6=>a.c:9");
  EXPECT_EQ(Sites[1].File, "a.c");
  EXPECT_EQ(Sites[1].Line, 10u);
  EXPECT_EQ(Sites[1].EndLine, 11u);
  EXPECT_EQ(Sites[1].Direction, "METRIC_INGRESS");
  EXPECT_EQ(Sites[1].Configurations, (std::vector<std::string>{"c1", "c2"}));
}

TEST(FixedSitesFromEdits, TheEndOfACallStartsAtItsColumn) {
  // `if (x) return n(a,\n b);`: the call is the second on its line.
  EXPECT_EQ(invocationEndLine("if (x) return n(a,\n b);\n", 1, 15), 2u);
  EXPECT_EQ(invocationEndLine("if (x) return n(a,\n b);\n", 1), 1u);
}

TEST(FixedSitesFromEdits, TheFileHasVersionAndSites) {
  FixedSiteEntry S;
  S.Id = "a.c:2";
  S.File = "a.c";
  S.Line = 3;
  S.EndLine = 4;
  S.Direction = "METRIC_EGRESS";
  llvm::json::Value V = fixedSitesToJson({S});
  std::string Text;
  llvm::raw_string_ostream(Text) << V;
  EXPECT_EQ(Text,
            R"({"fixed_sites":[{"direction":"METRIC_EGRESS","end_line":4,)"
            R"("file":"a.c","id":"a.c:2","line":3}],"version":1})");
}

} // namespace
