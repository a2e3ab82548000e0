//===- NamePattern.h - a name regex with a fast path ------------*- C++ -*-===//
//
// Options name things by regular expression (DropReasonPattern "^DROP_").
// The analysis tests such patterns against every macro name and section it
// meets, and llvm::Regex costs tens of thousands of instructions a match;
// the common shapes ("^PREFIX", "SUFFIX$", "^NAME$", "TEXT") are plain
// string tests. Anything else goes to llvm::Regex, and results are cached
// per name.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_NAMEPATTERN_H
#define BPF_TIDY_ANALYZER_CORE_NAMEPATTERN_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>

namespace bpftidy {

class NamePattern {
public:
  explicit NamePattern(llvm::StringRef Pattern);
  NamePattern(NamePattern &&) = default;
  NamePattern &operator=(NamePattern &&) = default;

  bool match(llvm::StringRef Name) const;
  bool isValid(std::string &Error) const;

private:
  enum class Shape { Prefix, Suffix, Exact, Contains, Regex } Kind;
  std::string Literal;
  std::unique_ptr<llvm::Regex> Full;
  mutable llvm::StringMap<bool> Cache;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_NAMEPATTERN_H
