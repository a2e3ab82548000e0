//===- ConventionOptions.h - the options every bpf-* check reads -*- C++ -*-=//
//
// One table of the conventions' options: name, meaning, the field it sets
// (its default is that field's value in a default Conventions) and the kind
// of value it takes, which is also how it is validated. A check reads every
// option through this table, so a bad value is refused the same way in every
// check and in both front doors, with the option's name and what was
// expected (docs/configuration.md).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_CONVENTIONOPTIONS_H
#define BPF_TIDY_ANALYZER_CORE_CONVENTIONOPTIONS_H

#include "analyzer/core/Conventions.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>

namespace bpftidy {

/// What an option's value must look like.
enum class OptionKind {
  /// Any text (an expression, a name).
  Text,
  /// A regular expression.
  Regex,
  /// true or false (also yes/no, on/off, 1/0, as clang-tidy reads them).
  Flag,
  /// A positive integer, at most the option's Max.
  Count,
  /// Names separated by ';'.
  List,
  /// NAME=VALUE items separated by ';'.
  Mapping,
  /// REGEX=VALUE items separated by ';'.
  RegexRules,
  /// "auto", "custom" or the name of a notification preset.
  Preset,
  /// A notification template: one C expression whose ${...} placeholders
  /// are known (rewriters::validateTemplate), or empty.
  Template,
};

struct ConventionOption {
  llvm::StringRef Name;
  OptionKind Kind;
  llvm::StringRef Meaning;
  /// The field the option sets: the one of its kind.
  std::string Conventions::*Text = nullptr;
  bool Conventions::*Flag = nullptr;
  unsigned Conventions::*Count = nullptr;
  std::vector<std::string> Conventions::*List = nullptr;
  std::vector<PatternRule> Conventions::*Rules = nullptr;
  /// Count: the largest value accepted.
  unsigned Max = 0;
};

/// Every option of the conventions, in documentation order.
llvm::ArrayRef<ConventionOption> conventionOptions();

/// The option's value in \p From, written as option text (its default when
/// \p From is a default Conventions).
std::string printOption(const ConventionOption &Option,
                        const Conventions &From);

/// Sets \p Option in \p Into from \p Text. When the text is not a valid
/// value, leaves \p Into unchanged and returns what was expected
/// ("expected true or false, got 'maybe'").
std::optional<std::string> readOption(const ConventionOption &Option,
                                      llvm::StringRef Text, Conventions &Into);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_CONVENTIONOPTIONS_H
