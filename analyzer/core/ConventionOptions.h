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
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
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

/// The prefix of the options every bpf-* check shares ("bpf.NotifyHelpers").
inline constexpr llvm::StringLiteral SharedOptionPrefix = "bpf";

/// An option's text by its name without prefix, when set.
using OptionLookup =
    llvm::function_ref<std::optional<llvm::StringRef>(llvm::StringRef Name)>;

/// The conventions the bpf-* check \p CheckName reads: each option from
/// \p Own ("<CheckName>.<Option>"), else from \p Shared
/// ("bpf.<Option>"), else its default; like clang-tidy's getLocalOrGlobal.
/// An invalid value keeps the default and is passed to \p Invalid with the
/// option's full name and what was expected.
Conventions
readConventions(llvm::StringRef CheckName, OptionLookup Own,
                OptionLookup Shared,
                llvm::function_ref<void(const std::string &Name,
                                        const std::string &Expected)>
                    Invalid);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_CONVENTIONOPTIONS_H
