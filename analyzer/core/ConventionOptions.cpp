//===- ConventionOptions.cpp ----------------------------------------------===//

#include "analyzer/core/ConventionOptions.h"
#include "analyzer/core/NotifyHelperShape.h"
#include "rewriters/NotificationTemplate.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/YAMLTraits.h"

namespace bpftidy {

using C = Conventions;

static ConventionOption text(llvm::StringRef Name, OptionKind Kind,
                             std::string C::*Field, llvm::StringRef Meaning) {
  ConventionOption O{Name, Kind, Meaning};
  O.Text = Field;
  return O;
}
static ConventionOption flag(llvm::StringRef Name, bool C::*Field,
                             llvm::StringRef Meaning) {
  ConventionOption O{Name, OptionKind::Flag, Meaning};
  O.Flag = Field;
  return O;
}
static ConventionOption count(llvm::StringRef Name, unsigned C::*Field,
                              unsigned Max, llvm::StringRef Meaning) {
  ConventionOption O{Name, OptionKind::Count, Meaning};
  O.Count = Field;
  O.Max = Max;
  return O;
}
static ConventionOption list(llvm::StringRef Name,
                             std::vector<std::string> C::*Field,
                             llvm::StringRef Meaning) {
  ConventionOption O{Name, OptionKind::List, Meaning};
  O.List = Field;
  return O;
}
static ConventionOption rules(llvm::StringRef Name, OptionKind Kind,
                              std::vector<PatternRule> C::*Field,
                              llvm::StringRef Meaning) {
  ConventionOption O{Name, Kind, Meaning};
  O.Rules = Field;
  return O;
}

llvm::ArrayRef<ConventionOption> conventionOptions() {
  using K = OptionKind;
  static const ConventionOption Options[] = {
      text("DropReasonPattern", K::Regex, &C::DropReasonPattern,
           "names of drop-reason macros and enumerators"),
      flag("NegativeConstantsAreDrops", &C::NegativeConstantsAreDrops,
           "any constant below -1 is a drop reason"),
      list("NotifyHelpers", &C::NotifyHelpers,
           "calls (functions or macros) that report a drop"),
      text("TailCallSections", K::Regex, &C::TailCallSections,
           "sections of tail calls"),
      text("TailCallTags", K::Regex, &C::TailCallTags,
           "btf_decl_tag values of tail calls"),
      text("IgnoredSections", K::Regex, &C::IgnoredSections,
           "sections that are not packet programs"),
      text("NotifyPreset", K::Preset, &C::NotifyPreset,
           "the notification helper's shape: auto, custom or a preset"),
      text("NotifyTemplate", K::Template, &C::NotifyTemplate,
           "the template of the custom preset"),
      text("SourceExpression", K::Text, &C::SourceExpression, "${src}"),
      text("ExitCode", K::Text, &C::ExitCode, "${exitcode}"),
      text("ExtError", K::Text, &C::ExtError, "${ext_err}"),
      text("Destination", K::Text, &C::Destination, "${dst}"),
      text("DestinationId", K::Text, &C::DestinationId, "${dst_id}"),
      text("DirectionPattern", K::Regex, &C::DirectionPattern,
           "constants that are metric directions"),
      rules("DirectionMapping", K::Mapping, &C::DirectionMapping,
            "other constants and the direction they stand for"),
      text("DirectionDispatch", K::Text, &C::DirectionDispatch,
           "a helper turning a macro parameter into a direction, ${arg}"),
      rules("DirectionRules", K::RegexRules, &C::DirectionRules,
            "REGEX=DIRECTION on section, then function names"),
      list("TailCallHelpers", &C::TailCallHelpers,
           "calls that enter a tail call by a constant slot"),
      list("TailCallMacros", &C::TailCallMacros,
           "macros that tail-call in some configurations, call inline in "
           "others"),
      text("MissedTailCallReason", K::Text, &C::MissedTailCallReason,
           "the drop reason notifying a missed tail call"),
      text("DefaultDirection", K::Text, &C::DefaultDirection,
           "the direction when nothing else tells"),
      count("ColumnLimit", &C::ColumnLimit, 1000, "where fixes wrap"),
      count("TabWidth", &C::TabWidth, 16, "columns per tab"),
  };
  return Options;
}

std::string printOption(const ConventionOption &Option,
                        const Conventions &From) {
  switch (Option.Kind) {
  case OptionKind::Flag:
    return From.*Option.Flag ? "true" : "false";
  case OptionKind::Count:
    return std::to_string(From.*Option.Count);
  case OptionKind::List:
    return joinOptionList(From.*Option.List);
  case OptionKind::Mapping:
  case OptionKind::RegexRules:
    return printPatternRules(From.*Option.Rules);
  case OptionKind::Text:
  case OptionKind::Regex:
  case OptionKind::Preset:
  case OptionKind::Template:
    return From.*Option.Text;
  }
  return "";
}

static std::string got(llvm::StringRef Text) {
  return ", got '" + Text.str() + "'";
}

/// Why \p Pattern is not a regular expression, if it is not.
static std::optional<std::string> regexError(llvm::StringRef Pattern) {
  std::string Error;
  if (llvm::Regex(Pattern).isValid(Error))
    return std::nullopt;
  return Error;
}

static std::string presetChoices() {
  std::string Names;
  for (const rewriters::NotifyPreset &Preset : rewriters::notifyPresets())
    if (Preset.Name != "custom")
      Names += (Names.empty() ? "" : ", ") + Preset.Name.str();
  return "auto, custom or a preset (" + Names + ")";
}

std::optional<std::string> readOption(const ConventionOption &Option,
                                      llvm::StringRef Text, Conventions &Into) {
  switch (Option.Kind) {
  case OptionKind::Text:
    Into.*Option.Text = Text.str();
    return std::nullopt;
  case OptionKind::Regex:
    if (std::optional<std::string> Error = regexError(Text))
      return "expected a regular expression" + got(Text) + ": " + *Error;
    Into.*Option.Text = Text.str();
    return std::nullopt;
  case OptionKind::Template:
    if (!Text.empty())
      if (llvm::Error E = rewriters::validateTemplate(Text))
        return "expected a notification template" + got(Text) + ": " +
               llvm::toString(std::move(E));
    Into.*Option.Text = Text.str();
    return std::nullopt;
  case OptionKind::Preset:
    if (Text != "auto" && Text != "custom" &&
        !rewriters::findNotifyPreset(Text))
      return "expected " + presetChoices() + got(Text);
    Into.*Option.Text = Text.str();
    return std::nullopt;
  case OptionKind::Flag: {
    // As clang-tidy reads a bool: YAML's words, or an integer.
    std::optional<bool> Value = llvm::yaml::parseBool(Text);
    long long Number;
    if (!Value && !Text.getAsInteger(10, Number))
      Value = Number != 0;
    if (!Value)
      return "expected true or false" + got(Text);
    Into.*Option.Flag = *Value;
    return std::nullopt;
  }
  case OptionKind::Count: {
    unsigned Value;
    if (Text.trim().getAsInteger(10, Value) || Value < 1 || Value > Option.Max)
      return "expected an integer from 1 to " + std::to_string(Option.Max) +
             got(Text);
    Into.*Option.Count = Value;
    return std::nullopt;
  }
  case OptionKind::List:
    if (Option.List == &Conventions::NotifyHelpers)
      for (const std::string &Item : splitOptionList(Text))
        if (std::optional<std::string> Why = helperItemError(Item))
          return *Why;
    Into.*Option.List = splitOptionList(Text);
    return std::nullopt;
  case OptionKind::Mapping:
  case OptionKind::RegexRules: {
    std::vector<PatternRule> Rules;
    std::string Error;
    if (!parsePatternRules(Text, Rules, Error))
      return Error;
    if (Option.Kind == OptionKind::RegexRules)
      for (const PatternRule &Rule : Rules)
        if (std::optional<std::string> Why = regexError(Rule.Pattern))
          return "expected a regular expression before '='" +
                 got(Rule.Pattern) + ": " + *Why;
    Into.*Option.Rules = std::move(Rules);
    return std::nullopt;
  }
  }
  return std::nullopt;
}

Conventions
readConventions(llvm::StringRef CheckName, OptionLookup Own,
                OptionLookup Shared,
                llvm::function_ref<void(const std::string &Name,
                                        const std::string &Expected)>
                    Invalid) {
  Conventions Read;
  for (const ConventionOption &Option : conventionOptions()) {
    std::string Name = (CheckName + "." + Option.Name).str();
    std::optional<llvm::StringRef> Text = Own(Option.Name);
    if (!Text) {
      Name = (SharedOptionPrefix + "." + Option.Name).str();
      Text = Shared(Option.Name);
    }
    if (!Text)
      continue;
    if (std::optional<std::string> Expected = readOption(Option, *Text, Read))
      Invalid(Name, *Expected);
  }
  return Read;
}

} // namespace bpftidy
