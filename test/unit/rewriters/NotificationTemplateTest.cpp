//===- NotificationTemplateTest.cpp ---------------------------------------===//

#include "rewriters/NotificationTemplate.h"
#include "gtest/gtest.h"

using namespace bpftidy::rewriters;
using llvm::StringMap;
using llvm::StringRef;

namespace {

StringMap<std::string> allValues() {
  return {{"ctx", "ctx"},
          {"reason", "DROP_INVALID"},
          {"direction", "METRIC_EGRESS"},
          {"src", "SECLABEL"},
          {"ext_err", "0"},
          {"exitcode", "CTX_ACT_DROP"},
          {"dst", "0"},
          {"dst_id", "0"}};
}

std::string expand(StringRef Template) {
  auto R = expandTemplate(Template, allValues());
  if (!R)
    return "error: " + llvm::toString(R.takeError());
  return *R;
}

TEST(NotificationTemplate, PresetsInStableOrder) {
  std::vector<std::string> Names;
  for (const NotifyPreset &P : notifyPresets())
    Names.push_back(P.Name.str());
  EXPECT_EQ(Names, (std::vector<std::string>{
                       "cilium-2022", "cilium-2022-ext", "cilium-2022-notify",
                       "cilium-2025", "cilium-2025-ext", "custom"}));
}

TEST(NotificationTemplate, PresetsExpand) {
  EXPECT_EQ(expand(findNotifyPreset("cilium-2022")->Template),
            "send_drop_notify_error(ctx, SECLABEL, DROP_INVALID, "
            "CTX_ACT_DROP, METRIC_EGRESS)");
  EXPECT_EQ(expand(findNotifyPreset("cilium-2022-ext")->Template),
            "send_drop_notify_error_ext(ctx, SECLABEL, DROP_INVALID, 0, "
            "CTX_ACT_DROP, METRIC_EGRESS)");
  EXPECT_EQ(expand(findNotifyPreset("cilium-2022-notify")->Template),
            "send_drop_notify(ctx, SECLABEL, 0, 0, DROP_INVALID, "
            "CTX_ACT_DROP, METRIC_EGRESS)");
  EXPECT_EQ(expand(findNotifyPreset("cilium-2025")->Template),
            "send_drop_notify_error(ctx, SECLABEL, DROP_INVALID, "
            "METRIC_EGRESS)");
  EXPECT_EQ(expand(findNotifyPreset("cilium-2025-ext")->Template),
            "send_drop_notify_error_ext(ctx, SECLABEL, DROP_INVALID, 0, "
            "METRIC_EGRESS)");
}

// The template must call the preset's helper with exactly its arity, or the
// fix would not build.
TEST(NotificationTemplate, PresetsAgreeWithHelperAndArity) {
  for (const NotifyPreset &P : notifyPresets()) {
    SCOPED_TRACE(P.Name.str());
    EXPECT_FALSE(P.Description.empty());
    if (P.Name == "custom") {
      EXPECT_TRUE(P.Helper.empty());
      EXPECT_EQ(P.HelperArity, 0u);
      EXPECT_TRUE(P.Template.empty());
      continue;
    }
    EXPECT_TRUE(P.Template.starts_with((P.Helper + "(").str()));
    EXPECT_TRUE(P.Template.ends_with(")"));
    EXPECT_EQ(P.Template.count(',') + 1, P.HelperArity);
    auto Uses = templateUses(P.Template);
    ASSERT_TRUE(bool(Uses)) << llvm::toString(Uses.takeError());
    EXPECT_EQ(Uses->size(), P.HelperArity);
    EXPECT_EQ(Uses->front(), "ctx");
    EXPECT_EQ(Uses->back(), "direction");
  }
}

TEST(NotificationTemplate, FindPreset) {
  ASSERT_NE(findNotifyPreset("cilium-2025"), nullptr);
  EXPECT_EQ(findNotifyPreset("cilium-2025")->HelperArity, 4u);
  EXPECT_EQ(findNotifyPreset("cilium-2022-ext")->Helper,
            "send_drop_notify_error_ext");
  EXPECT_EQ(findNotifyPreset("cilium"), nullptr);
  EXPECT_EQ(findNotifyPreset(""), nullptr);
}

TEST(NotificationTemplate, Placeholders) {
  std::vector<std::string> Names;
  for (StringRef P : templatePlaceholders())
    Names.push_back(P.str());
  EXPECT_EQ(Names,
            (std::vector<std::string>{"ctx", "reason", "direction", "src",
                                      "ext_err", "exitcode", "dst", "dst_id"}));
}

TEST(NotificationTemplate, CustomTemplate) {
  EXPECT_EQ(expand("my_notify(${ctx}, ${reason}, ${direction})"),
            "my_notify(ctx, DROP_INVALID, METRIC_EGRESS)");
  // A placeholder may repeat, and text around it is copied as is.
  EXPECT_EQ(expand("${reason} ? f(${reason}) : 0"),
            "DROP_INVALID ? f(DROP_INVALID) : 0");
  EXPECT_EQ(expand("no placeholders"), "no placeholders");
  EXPECT_EQ(expand(""), "");
}

TEST(NotificationTemplate, DollarEscape) {
  EXPECT_EQ(expand("f$$x(${ctx})"), "f$x(ctx)");
  EXPECT_EQ(expand("$$${ctx}$$"), "$ctx$");
  EXPECT_EQ(expand("$${ctx}"), "${ctx}");
}

TEST(NotificationTemplate, UnknownPlaceholder) {
  EXPECT_EQ(expand("f(${ctx}, ${foo})"),
            "error: unknown placeholder '${foo}' in notification template; "
            "known: ${ctx}, ${reason}, ${direction}, ${src}, ${ext_err}, "
            "${exitcode}, ${dst}, ${dst_id}");
  // Names are case-sensitive.
  EXPECT_NE(expand("${CTX}").find("unknown placeholder '${CTX}'"),
            std::string::npos);
}

TEST(NotificationTemplate, Malformed) {
  EXPECT_EQ(expand("f(${ctx"),
            "error: unterminated '${' at offset 2 in notification template "
            "'f(${ctx'");
  EXPECT_EQ(expand("f(${})").substr(0, 37),
            "error: malformed placeholder '${}' in");
  EXPECT_EQ(expand("f(${c tx})").substr(0, 41),
            "error: malformed placeholder '${c tx}' in");
  EXPECT_EQ(expand("f($ctx)"),
            "error: stray '$' at offset 2 in notification template "
            "'f($ctx)'; write '${name}' for a placeholder or '$$' for a "
            "literal '$'");
  EXPECT_NE(expand("f(ctx)$").find("stray '$' at offset 6"), std::string::npos);
}

TEST(NotificationTemplate, MissingValue) {
  StringMap<std::string> Values{{"ctx", "skb"}};
  auto R = expandTemplate("f(${ctx}, ${dst_id})", Values);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "no value for placeholder '${dst_id}' in notification template "
            "'f(${ctx}, ${dst_id})'");
}

TEST(NotificationTemplate, Uses) {
  auto Uses = templateUses("g(${reason}, ${ctx}, ${reason}, $$)");
  ASSERT_TRUE(bool(Uses));
  EXPECT_EQ(*Uses, (std::vector<std::string>{"reason", "ctx"}));

  auto Bad = templateUses("g(${nope})");
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(
      llvm::toString(Bad.takeError()).find("unknown placeholder '${nope}'"),
      std::string::npos);
}

std::string validationError(StringRef Template) {
  llvm::Error E = validateTemplate(Template);
  return E ? llvm::toString(std::move(E)) : "";
}

TEST(NotificationTemplate, PresetsAndUsualShapesValidate) {
  for (const NotifyPreset &P : notifyPresets())
    EXPECT_EQ(validationError(P.Template.empty() ? "f(${ctx})" : P.Template),
              "")
        << P.Name.str();
  for (StringRef Good :
       {"report_drop(${ctx}, ${reason}, METRIC_EGRESS)",
        "notify(${ctx}, (__u32)${reason}, ${direction} == 1 ? 2 : 3)",
        "ctx_notify(&${ctx}->cb[0], -${reason}, \"drop\", 'x', sizeof(int))",
        "DROP_NOTIFY(${ctx}, ${src}, ${reason}).ret",
        "f((struct foo *)${ctx}, ${ext_err} << 2, g())", "$$x(${ctx})"})
    EXPECT_EQ(validationError(Good), "") << Good.str();
}

TEST(NotificationTemplate, MalformedTemplatesAreRefusedWithOffsets) {
  EXPECT_EQ(validationError("report(${ctx}, ${reason}, METRIC_EGRESS"),
            "'(' at offset 6 is never closed");
  EXPECT_EQ(validationError("report(${ctx}], ${reason})"),
            "'(' at offset 6 is closed by ']' at offset 13");
  EXPECT_EQ(validationError("report(${ctx}))"),
            "')' at offset 14 closes nothing");
  EXPECT_EQ(validationError("report(${ctx}, \"drop)"),
            "'\"' at offset 15 is never closed");
  EXPECT_EQ(validationError("report(${ctx}, ${reason},)"),
            "expected an expression at offset 25, found ')'");
  EXPECT_EQ(validationError("report(${ctx}, ${reason});"),
            "unexpected ';' at offset 25: a template is one expression");
  EXPECT_EQ(validationError("report(${ctx}) report(${ctx})"),
            "unexpected 'report' at offset 15");
  EXPECT_EQ(validationError("report(${ctx}, ${reason} +)"),
            "expected an expression at offset 26, found ')'");
  EXPECT_EQ(validationError("  "), "it is empty");
  EXPECT_NE(validationError("report(${reasn})")
                .find("unknown placeholder '${reasn}'"),
            std::string::npos);
}

} // namespace
