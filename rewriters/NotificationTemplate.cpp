//===- NotificationTemplate.cpp - notification call templates -------------===//

#include "rewriters/NotificationTemplate.h"
#include "rewriters/ExpressionSyntax.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace bpftidy::rewriters {

namespace {

// Signatures follow the Cilium headers of each era (design.md): the 2022
// helpers take an explicit exit code, the 2025 ones default it to
// CTX_ACT_DROP, and the _ext forms add ext_err after the reason.
const NotifyPreset Presets[] = {
    {"cilium-2022", "send_drop_notify_error", 5,
     "send_drop_notify_error(${ctx}, ${src}, ${reason}, ${exitcode}, "
     "${direction})",
     "Cilium 2022: send_drop_notify_error(ctx, src, reason, exitcode, "
     "direction)"},
    {"cilium-2022-ext", "send_drop_notify_error_ext", 6,
     "send_drop_notify_error_ext(${ctx}, ${src}, ${reason}, ${ext_err}, "
     "${exitcode}, ${direction})",
     "Cilium 2022 with extended error: send_drop_notify_error_ext(ctx, src, "
     "reason, ext_err, exitcode, direction)"},
    {"cilium-2022-notify", "send_drop_notify", 7,
     "send_drop_notify(${ctx}, ${src}, ${dst}, ${dst_id}, ${reason}, "
     "${exitcode}, ${direction})",
     "Cilium 2022 with destination: send_drop_notify(ctx, src, dst, dst_id, "
     "reason, exitcode, direction)"},
    {"cilium-2025", "send_drop_notify_error", 4,
     "send_drop_notify_error(${ctx}, ${src}, ${reason}, ${direction})",
     "Cilium 2025, exit code implied: send_drop_notify_error(ctx, src, "
     "reason, direction)"},
    {"cilium-2025-ext", "send_drop_notify_error_ext", 5,
     "send_drop_notify_error_ext(${ctx}, ${src}, ${reason}, ${ext_err}, "
     "${direction})",
     "Cilium 2025 with extended error: send_drop_notify_error_ext(ctx, src, "
     "reason, ext_err, direction)"},
    {"custom", "", 0, "",
     "a template of your own, given by the NotifyTemplate option"},
};

const StringRef Placeholders[] = {"ctx",     "reason",   "direction", "src",
                                  "ext_err", "exitcode", "dst",       "dst_id"};

Error templateError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

std::string knownPlaceholders() {
  std::string S;
  raw_string_ostream OS(S);
  ListSeparator LS;
  for (StringRef P : Placeholders)
    OS << LS << "${" << P << "}";
  return S;
}

bool isPlaceholderNameChar(char C) { return isAlnum(C) || C == '_'; }

/// Walks \p Template once; calls \p OnText for literal text and
/// \p OnPlaceholder for each known ${name}. Both expansion and
/// templateUses() go through here, so they report the same errors.
template <typename TextFn, typename PlaceholderFn>
Error scanTemplate(StringRef Template, TextFn OnText,
                   PlaceholderFn OnPlaceholder) {
  size_t I = 0;
  while (I < Template.size()) {
    size_t Dollar = Template.find('$', I);
    OnText(Template.slice(I, Dollar));
    if (Dollar == StringRef::npos)
      break;
    StringRef Rest = Template.substr(Dollar + 1);
    if (Rest.starts_with("$")) {
      OnText("$");
      I = Dollar + 2;
      continue;
    }
    if (!Rest.starts_with("{"))
      return templateError("stray '$' at offset " + Twine(Dollar) +
                           " in notification template '" + Template +
                           "'; write '${name}' for a placeholder or '$$' for "
                           "a literal '$'");
    size_t Close = Rest.find('}');
    if (Close == StringRef::npos)
      return templateError("unterminated '${' at offset " + Twine(Dollar) +
                           " in notification template '" + Template + "'");
    StringRef Name = Rest.slice(1, Close);
    if (Name.empty() || !all_of(Name, isPlaceholderNameChar))
      return templateError("malformed placeholder '${" + Name +
                           "}' in notification template '" + Template +
                           "'; known: " + knownPlaceholders());
    if (!is_contained(Placeholders, Name))
      return templateError(
          "unknown placeholder '${" + Name +
          "}' in notification template; known: " + knownPlaceholders());
    if (Error E = OnPlaceholder(Name))
      return E;
    I = Dollar + 1 + Close + 1;
  }
  return Error::success();
}

} // namespace

ArrayRef<NotifyPreset> notifyPresets() { return Presets; }

const NotifyPreset *findNotifyPreset(StringRef Name) {
  for (const NotifyPreset &P : Presets)
    if (P.Name == Name)
      return &P;
  return nullptr;
}

ArrayRef<StringRef> templatePlaceholders() { return Placeholders; }

Expected<std::string> expandTemplate(StringRef Template,
                                     const StringMap<std::string> &Values) {
  std::string Out;
  Error E = scanTemplate(
      Template, [&](StringRef Text) { Out += Text; },
      [&](StringRef Name) -> Error {
        auto It = Values.find(Name);
        if (It == Values.end())
          return templateError("no value for placeholder '${" + Name +
                               "}' in notification template '" + Template +
                               "'");
        Out += It->second;
        return Error::success();
      });
  if (E)
    return E;
  return Out;
}

Error validateTemplate(StringRef Template) {
  // Each ${name} becomes a name of the same length, so that offsets in the
  // syntax error are the template's.
  std::string AsCode;
  Error E = scanTemplate(
      Template, [&](StringRef Text) { AsCode += Text; },
      [&](StringRef Name) -> Error {
        AsCode += "_" + Name.str() + "__";
        return Error::success();
      });
  if (E)
    return E;
  return checkExpressionSyntax(AsCode);
}

Expected<std::vector<std::string>> templateUses(StringRef Template) {
  std::vector<std::string> Uses;
  Error E = scanTemplate(
      Template, [](StringRef) {},
      [&](StringRef Name) -> Error {
        if (!is_contained(Uses, Name))
          Uses.push_back(Name.str());
        return Error::success();
      });
  if (E)
    return E;
  return Uses;
}

} // namespace bpftidy::rewriters
