//===- KernelStyleLayoutTest.cpp ------------------------------------------===//

#include "rewriters/KernelStyleLayout.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

using namespace bpftidy::rewriters;
using clang::tooling::Replacement;
using llvm::StringRef;

namespace {

const char Notify[] = "send_drop_notify_error(ctx, SECLABEL, DROP_INVALID, "
                      "CTX_ACT_DROP, METRIC_EGRESS)";
const char NotifyDir[] =
    "send_drop_notify_error(ctx, SECLABEL, DROP_INVALID, CTX_ACT_DROP, "
    "(DIR == CT_INGRESS ? METRIC_INGRESS : METRIC_EGRESS))";

std::string applyTo(StringRef Code, const Replacement &R) {
  return (Code.take_front(R.getOffset()) + R.getReplacementText() +
          Code.substr(R.getOffset() + R.getLength()))
      .str();
}

/// The tokens of \p Code as a compiler sees them: '\' line splices and
/// whitespace do not count.
std::vector<std::string> tokens(StringRef Code) {
  clang::LangOptions LO;
  clang::Lexer Lex(clang::SourceLocation(), LO, Code.begin(), Code.begin(),
                   Code.end());
  std::vector<std::string> Out;
  clang::Token Tok;
  while (!Lex.LexFromRawLexer(Tok) || Tok.isNot(clang::tok::eof)) {
    if (Tok.is(clang::tok::eof))
      break;
    unsigned Offset = Tok.getLocation().getRawEncoding();
    Out.push_back(Code.substr(Offset, Tok.getLength()).str());
  }
  return Out;
}

/// Lays out \p NewText in place of the first \p Old in \p Code and checks
/// that only whitespace and line splices differ from a plain replacement.
std::string layout(StringRef Code, StringRef Old, StringRef NewText,
                   LayoutStyle Style = LayoutStyle()) {
  size_t Offset = Code.find(Old);
  EXPECT_NE(Offset, StringRef::npos);
  Replacement R =
      layoutReplacement("f.h", Code, Offset, Old.size(), NewText, Style);
  EXPECT_EQ(R.getFilePath(), "f.h");
  EXPECT_EQ(R.getOffset(), Offset);
  std::string Result = applyTo(Code, R);
  std::string Plain =
      applyTo(Code, Replacement("f.h", Offset, Old.size(), NewText));
  EXPECT_EQ(tokens(Result), tokens(Plain));
  return Result;
}

/// The display column of each '\' at a line end, one entry per line.
std::vector<unsigned> backslashColumns(StringRef Code) {
  std::vector<unsigned> Cols;
  for (size_t Pos = Code.find("\\\n"); Pos != StringRef::npos;
       Pos = Code.find("\\\n", Pos + 1))
    Cols.push_back(displayColumn(Code, Pos));
  return Cols;
}

unsigned longestLine(StringRef Code) {
  unsigned Max = 0;
  for (size_t Pos = Code.find('\n'); Pos != StringRef::npos;
       Pos = Code.find('\n', Pos + 1))
    Max = std::max(Max, displayColumn(Code, Pos));
  return Max;
}

TEST(DisplayColumn, ExpandsTabs) {
  StringRef Code = "x\n\t\treturn X;\t\\\n";
  EXPECT_EQ(displayColumn(Code, 0), 0u);
  EXPECT_EQ(displayColumn(Code, 2), 0u);
  EXPECT_EQ(displayColumn(Code, 3), 8u);
  EXPECT_EQ(displayColumn(Code, 4), 16u);
  EXPECT_EQ(displayColumn(Code, Code.find("X")), 23u);
  EXPECT_EQ(displayColumn(Code, Code.find("\\")), 32u);
  EXPECT_EQ(displayColumn(Code, Code.find("\\"), 4), 20u);
  EXPECT_EQ(displayColumn("ab\tc", 3), 8u);
  // A UTF-8 character takes one column.
  EXPECT_EQ(displayColumn("/* \xc3\xa9 */x", 8), 7u);
}

// (a) Plain line, the result fits: only the expression changes.
TEST(KernelStyleLayout, PlainLineThatFits) {
  StringRef Code = "\tif (!ok)\n\t\treturn DROP_INVALID;\n\treturn 0;\n";
  size_t Offset = Code.find("DROP_INVALID");
  Replacement R = layoutReplacement(
      "f.h", Code, Offset, 12, "send_drop_notify_error(ctx, DROP_INVALID)");
  EXPECT_EQ(R.getOffset(), Offset);
  EXPECT_EQ(R.getLength(), 12u);
  EXPECT_EQ(R.getReplacementText(),
            "send_drop_notify_error(ctx, DROP_INVALID)");
}

// Exactly 80 columns still fits.
TEST(KernelStyleLayout, PlainLineAtTheLimit) {
  // 16 (tabs) + "return " + 56 + ";" = 80.
  std::string Call = "f(" + std::string(50, 'a') + ", b)";
  ASSERT_EQ(Call.size(), 56u);
  EXPECT_EQ(layout("\t\treturn X;\n", "X", Call), "\t\treturn " + Call + ";\n");
  std::string Longer = "f(" + std::string(51, 'a') + ", b)";
  EXPECT_EQ(layout("\t\treturn X;\n", "X", Longer),
            "\t\treturn f(" + std::string(51, 'a') + ",\n\t\t\t b);\n");
}

// (b) Too long: wrap after a top-level comma, align after the '(' with tabs
// then spaces, as many arguments per line as fit.
TEST(KernelStyleLayout, PlainLineWrapsAlignedAfterParen) {
  EXPECT_EQ(layout("\tif (!ok)\n\t\treturn DROP_INVALID;\n\treturn 0;\n",
                   "DROP_INVALID", Notify),
            R"(	if (!ok)
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
					      CTX_ACT_DROP, METRIC_EGRESS);
	return 0;
)");
}

// Commas inside nested parentheses, brackets and literals are not breaks.
TEST(KernelStyleLayout, BreaksOnlyAtTopLevelCommas) {
  EXPECT_EQ(layout("\t\treturn DROP_INVALID;\n", "DROP_INVALID",
                   "notify(ctx, f(a, b), x[g(1, 2)], \"s, t\", ',', "
                   "DROP_INVALID, CTX_ACT_DROP, METRIC_EGRESS)"),
            "\t\treturn notify(ctx, f(a, b), x[g(1, 2)], \"s, t\", ',',\n"
            "\t\t\t      DROP_INVALID, CTX_ACT_DROP, METRIC_EGRESS);\n");
}

// When an argument cannot fit even aligned after the '(', continuation
// lines are indented one tab deeper than the statement.
TEST(KernelStyleLayout, PlainLineFallsBackToOneTabDeeper) {
  EXPECT_EQ(
      layout("\t\treturn DROP_INVALID;\n", "DROP_INVALID", NotifyDir),
      R"(		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,
			CTX_ACT_DROP,
			(DIR == CT_INGRESS ? METRIC_INGRESS : METRIC_EGRESS));
)");
}

// Text after the expression stays and counts towards the limit.
TEST(KernelStyleLayout, PlainLineKeepsTheTail) {
  EXPECT_EQ(layout("\treturn DROP_INVALID; /* the header is bad, drop it */\n",
                   "DROP_INVALID", "notify(ctx, DROP_INVALID, METRIC_EGRESS)"),
            "\treturn notify(ctx, DROP_INVALID,\n"
            "\t\t      METRIC_EGRESS); /* the header is bad, drop it */\n");
}

// Code indented with spaces keeps spaces.
TEST(KernelStyleLayout, SpaceIndentedCodeKeepsSpaces) {
  EXPECT_EQ(layout("        return DROP_INVALID;\n", "DROP_INVALID", Notify),
            "        return send_drop_notify_error(ctx, SECLABEL, "
            "DROP_INVALID, CTX_ACT_DROP,\n"
            "                                      METRIC_EGRESS);\n");
}

// (c) The seed: a TAIL_CT_LOOKUP4-style #define with every '\' at column 80.
const char SeedMacro[] =
    R"(#define TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID, TARGET_NAME)	\
declare_tailcall_if(CONDITION, ID)						\
int NAME(struct __ctx_buff *ctx)						\
{										\
	struct iphdr *ip4;							\
										\
	if (!revalidate_data(ctx, &data, &data_end, &ip4))			\
		return DROP_INVALID;						\
										\
	return ret;								\
}
)";

TEST(KernelStyleLayout, MacroBodyShortReplacementKeepsBackslashColumn) {
  std::string Out = layout(SeedMacro, "DROP_INVALID",
                           "notify(ctx, DROP_INVALID, METRIC_EGRESS)");
  EXPECT_NE(Out.find("\t\treturn notify(ctx, DROP_INVALID, METRIC_EGRESS);"
                     "\t\t\\\n"),
            std::string::npos)
      << Out;
  EXPECT_EQ(backslashColumns(Out), std::vector<unsigned>(10, 80));
}

TEST(KernelStyleLayout, MacroBodyWrapsWithABackslashPerLine) {
  StringRef Code = SeedMacro;
  size_t Offset = Code.find("DROP_INVALID");
  Replacement R = layoutReplacement("f.h", Code, Offset, 12, NotifyDir);
  // The range runs from the expression to just before the '\'.
  EXPECT_EQ(R.getOffset(), Offset);
  EXPECT_EQ(Code.substr(Offset + R.getLength(), 2), "\\\n");

  EXPECT_EQ(
      layout(SeedMacro, "DROP_INVALID", NotifyDir),
      R"(#define TAIL_CT_LOOKUP4(ID, NAME, DIR, CONDITION, TARGET_ID, TARGET_NAME)	\
declare_tailcall_if(CONDITION, ID)						\
int NAME(struct __ctx_buff *ctx)						\
{										\
	struct iphdr *ip4;							\
										\
	if (!revalidate_data(ctx, &data, &data_end, &ip4))			\
		return send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,	\
			CTX_ACT_DROP,						\
			(DIR == CT_INGRESS ? METRIC_INGRESS : METRIC_EGRESS));	\
										\
	return ret;								\
}
)");
}

TEST(KernelStyleLayout, MacroBodyAlignedAfterParenWhenItFits) {
  std::string Out = layout(SeedMacro, "DROP_INVALID", Notify);
  EXPECT_NE(Out.find("\t\treturn send_drop_notify_error(ctx, SECLABEL, "
                     "DROP_INVALID,\t\\\n"
                     "\t\t\t\t\t      CTX_ACT_DROP, METRIC_EGRESS);\t\\\n"),
            std::string::npos)
      << Out;
  EXPECT_EQ(backslashColumns(Out), std::vector<unsigned>(11, 80));
}

// A '\' at column 72 limits the content to column 71.
TEST(KernelStyleLayout, MacroBodyBackslashAt72) {
  StringRef Code = "#define CHECK(x)\t\t\t\t\t\t\t\\\n"
                   "\tif (!(x))\t\t\t\t\t\t\t\\\n"
                   "\t\treturn DROP_INVALID;\t\t\t\t\t\\\n"
                   "\telse\t\t\t\t\t\t\t\t\\\n";
  ASSERT_EQ(backslashColumns(Code), std::vector<unsigned>(4, 72));
  EXPECT_EQ(layout(Code, "DROP_INVALID", Notify),
            "#define CHECK(x)\t\t\t\t\t\t\t\\\n"
            "\tif (!(x))\t\t\t\t\t\t\t\\\n"
            "\t\treturn send_drop_notify_error(ctx, SECLABEL,\t\t\\\n"
            "\t\t\t\t\t      DROP_INVALID,\t\t\\\n"
            "\t\t\t\t\t      CTX_ACT_DROP,\t\t\\\n"
            "\t\t\t\t\t      METRIC_EGRESS);\t\t\\\n"
            "\telse\t\t\t\t\t\t\t\t\\\n");
}

// A direction conditional too long for the line is broken after its '?'
// and ':', aligned inside its '(', so the '\' keeps its column.
TEST(KernelStyleLayout, MacroBodyBreaksLongConditional) {
  StringRef Code = "#define CHECK(x)\t\t\t\t\t\t\t\\\n"
                   "\t\treturn DROP_INVALID;\t\t\t\t\t\\\n"
                   "\telse\t\t\t\t\t\t\t\t\\\n";
  EXPECT_EQ(layout(Code, "DROP_INVALID", NotifyDir),
            "#define CHECK(x)\t\t\t\t\t\t\t\\\n"
            "\t\treturn send_drop_notify_error(ctx, SECLABEL,\t\t\\\n"
            "\t\t\t\t\t      DROP_INVALID,\t\t\\\n"
            "\t\t\t\t\t      CTX_ACT_DROP,\t\t\\\n"
            "\t\t\t\t\t      (DIR == CT_INGRESS ?\t\\\n"
            "\t\t\t\t\t       METRIC_INGRESS :\t\t\\\n"
            "\t\t\t\t\t       METRIC_EGRESS));\t\t\\\n"
            "\telse\t\t\t\t\t\t\t\t\\\n");
}

// A '\' column that is not a tab stop is reached with tabs, then spaces.
TEST(KernelStyleLayout, MacroBodyBackslashOffTabStop) {
  StringRef Code = "#define CHECK(x)\t\t\t\t\t\t\t   \\\n"
                   "\t\treturn DROP_INVALID;\t\t\t\t\t   \\\n"
                   "\t0\t\t\t\t\t\t\t\t   \\\n";
  ASSERT_EQ(backslashColumns(Code), std::vector<unsigned>(3, 75));
  std::string Out = layout(Code, "DROP_INVALID", Notify);
  EXPECT_EQ(Out, "#define CHECK(x)\t\t\t\t\t\t\t   \\\n"
                 "\t\treturn send_drop_notify_error(ctx, SECLABEL, "
                 "DROP_INVALID, \\\n"
                 "\t\t\t\t\t      CTX_ACT_DROP,\t\t   \\\n"
                 "\t\t\t\t\t      METRIC_EGRESS);\t\t   \\\n"
                 "\t0\t\t\t\t\t\t\t\t   \\\n");
  EXPECT_EQ(backslashColumns(Out), std::vector<unsigned>(5, 75));
}

// Macros aligned with spaces keep spaces before the '\'.
TEST(KernelStyleLayout, MacroBodyPaddedWithSpaces) {
  StringRef Code = "#define F(x)                    \\\n"
                   "    return X;                   \\\n"
                   "    0\n";
  ASSERT_EQ(backslashColumns(Code), std::vector<unsigned>(2, 32));
  EXPECT_EQ(layout(Code, "X", "f(ctx, X)"),
            "#define F(x)                    \\\n"
            "    return f(ctx, X);           \\\n"
            "    0\n");
}

// A piece too long for any line pushes that line's '\' one space right.
TEST(KernelStyleLayout, MacroBodyUnbreakablePiecePushesBackslash) {
  std::string Long(70, 'a');
  std::string Code = "#define F(ctx)\t\t\t\t\t\t\t\t\t\\\n"
                     "\t\treturn DROP_INVALID;\t\t\t\t\t\t\\\n"
                     "\t0\n";
  std::string Out = layout(Code, "DROP_INVALID", "f(ctx, " + Long + ")");
  EXPECT_EQ(Out, "#define F(ctx)\t\t\t\t\t\t\t\t\t\\\n"
                 "\t\treturn f(ctx,\t\t\t\t\t\t\t\\\n"
                 "\t\t\t " +
                     Long +
                     "); \\\n"
                     "\t0\n");
  // No split at all: the one line keeps its '\' one space after the code.
  Out = layout(Code, "DROP_INVALID", "f" + Long);
  EXPECT_EQ(Out, "#define F(ctx)\t\t\t\t\t\t\t\t\t\\\n"
                 "\t\treturn f" +
                     Long +
                     "; \\\n"
                     "\t0\n");
}

// (d) A '\' right after the code (one space) stays right after it.
TEST(KernelStyleLayout, MacroBodyUnpaddedBackslash) {
  StringRef Code = "#define F(ctx) \\\n"
                   "\treturn X; \\\n"
                   "\t0\n";
  EXPECT_EQ(layout(Code, "X", "f(ctx, X)"), "#define F(ctx) \\\n"
                                            "\treturn f(ctx, X); \\\n"
                                            "\t0\n");
  // Wrapping keeps the lines within 80 columns, '\' included.
  std::string Out = layout(Code, "X", Notify);
  EXPECT_EQ(Out, "#define F(ctx) \\\n"
                 "\treturn send_drop_notify_error(ctx, SECLABEL, "
                 "DROP_INVALID, \\\n"
                 "\t\t\t\t      CTX_ACT_DROP, METRIC_EGRESS); \\\n"
                 "\t0\n");
  EXPECT_LE(longestLine(Out), 80u);
}

// One space before the '\' is still alignment when a neighbour's '\' is at
// the same column.
TEST(KernelStyleLayout, MacroBodyOneSpaceButAlignedWithNeighbours) {
  StringRef Code = "#define F(ctx)\t\t\t\t\\\n"
                   "\treturn DROP_INVALID_XXXXXXXXXXX \\\n"
                   "\t\t\t\t\t\\\n";
  ASSERT_EQ(backslashColumns(Code), std::vector<unsigned>(3, 40));
  EXPECT_EQ(layout(Code, "DROP_INVALID_XXXXXXXXXXX", "N"),
            "#define F(ctx)\t\t\t\t\\\n"
            "\treturn N\t\t\t\\\n"
            "\t\t\t\t\t\\\n");
}

// A directive's line breaks need a '\' even where the edited line has none:
// a one-line #define ...
TEST(KernelStyleLayout, OneLineDefineGetsContinuations) {
  EXPECT_EQ(
      layout("#define DROP_HERE return DROP_INVALID\n", "DROP_INVALID", Notify),
      "#define DROP_HERE return send_drop_notify_error(ctx, SECLABEL, "
      "DROP_INVALID, \\\n"
      "\t\t\t\t\t\tCTX_ACT_DROP, METRIC_EGRESS)\n");
}

// ... and the last line of a #define, which follows its neighbour's column.
TEST(KernelStyleLayout, LastLineOfMacroBodyGetsAlignedContinuations) {
  StringRef Code = "#define CHECK(x)\t\t\t\t\t\t\t\t\\\n"
                   "\tif (!(x))\t\t\t\t\t\t\t\t\\\n"
                   "\t\treturn DROP_INVALID\n"
                   "int after;\n";
  EXPECT_EQ(
      layout(Code, "DROP_INVALID", Notify),
      "#define CHECK(x)\t\t\t\t\t\t\t\t\\\n"
      "\tif (!(x))\t\t\t\t\t\t\t\t\\\n"
      "\t\treturn send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,\t\\\n"
      "\t\t\t\t\t      CTX_ACT_DROP, METRIC_EGRESS)\n"
      "int after;\n");
}

// A line whose '\' long code had pushed right is re-aligned with its
// neighbours once the code allows.
TEST(KernelStyleLayout, PushedBackslashReturnsToTheNeighboursColumn) {
  std::string Long = "DROP_" + std::string(70, 'X');
  std::string Code = "#define F(ctx)\t\t\t\t\t\t\t\t\t\\\n"
                     "\t\treturn " +
                     Long +
                     "; \\\n"
                     "\t0\t\t\t\t\t\t\t\t\t\\\n";
  EXPECT_EQ(layout(Code, Long, "N"), "#define F(ctx)\t\t\t\t\t\t\t\t\t\\\n"
                                     "\t\treturn N;\t\t\t\t\t\t\t\\\n"
                                     "\t0\t\t\t\t\t\t\t\t\t\\\n");
}

// (e) CRLF is not supported, but the '\r' stays with each line end.
TEST(KernelStyleLayout, CrlfIsNotCorrupted) {
  StringRef Code = "#define F(ctx)\t\t\t\t\t\t\t\t\t\\\r\n"
                   "\t\treturn DROP_INVALID;\t\t\t\t\t\t\\\r\n"
                   "\t0\r\n";
  EXPECT_EQ(layout(Code, "DROP_INVALID", Notify),
            "#define F(ctx)\t\t\t\t\t\t\t\t\t\\\r\n"
            "\t\treturn send_drop_notify_error(ctx, SECLABEL, "
            "DROP_INVALID,\t\\\r\n"
            "\t\t\t\t\t      CTX_ACT_DROP, METRIC_EGRESS);\t\\\r\n"
            "\t0\r\n");
  EXPECT_EQ(layout("\t\treturn DROP_INVALID;\r\n", "DROP_INVALID", Notify),
            "\t\treturn send_drop_notify_error(ctx, SECLABEL, DROP_INVALID,\r\n"
            "\t\t\t\t\t      CTX_ACT_DROP, METRIC_EGRESS);\r\n");
}

// Laying out the text a line already holds changes nothing.
TEST(KernelStyleLayout, ExistingTextIsLeftAsIs) {
  for (StringRef Code :
       {StringRef(SeedMacro),
        StringRef("\t\treturn send_drop_notify_error(ctx, DROP_INVALID);\n"),
        StringRef("#define F(ctx) \\\n\treturn X; \\\n\t0\n"),
        StringRef("#define F(ctx)\t\t\t\t\t\t\t   \\\n"
                  "\t\treturn DROP_INVALID;\t\t\t\t\t   \\\n"),
        StringRef("\treturn X; \\\r\n")}) {
    SCOPED_TRACE(Code.str());
    for (StringRef Old : {"DROP_INVALID",
                          "send_drop_notify_error(ctx, "
                          "DROP_INVALID)",
                          "X"}) {
      size_t Offset = Code.find(Old);
      if (Offset == StringRef::npos)
        continue;
      Replacement R = layoutReplacement("f.h", Code, Offset, Old.size(), Old);
      EXPECT_EQ(applyTo(Code, R), Code.str());
    }
  }
}

// Ranges the layout cannot reason about are replaced as given.
TEST(KernelStyleLayout, MultiLineRangeIsReplacedAsGiven) {
  StringRef Code = "\treturn f(a,\n\t\t b);\n";
  Replacement R = layoutReplacement("f.h", Code, 8, 11, "g(a, b)");
  EXPECT_EQ(R.getOffset(), 8u);
  EXPECT_EQ(R.getLength(), 11u);
  EXPECT_EQ(R.getReplacementText(), "g(a, b)");
}

TEST(KernelStyleLayout, CustomColumnLimitAndTabWidth) {
  LayoutStyle Narrow;
  Narrow.ColumnLimit = 40;
  Narrow.TabWidth = 4;
  EXPECT_EQ(layout("\treturn DROP_INVALID;\n", "DROP_INVALID",
                   "notify(ctx, DROP_INVALID, METRIC_EGRESS)", Narrow),
            "\treturn notify(ctx, DROP_INVALID,\n"
            "\t\t\t\t  METRIC_EGRESS);\n");
}

} // namespace
