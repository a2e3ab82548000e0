//===- NamePattern.cpp ----------------------------------------------------===//

#include "analyzer/core/NamePattern.h"

namespace bpftidy {

/// Whether \p Text has no regular-expression meta character.
static bool isLiteral(llvm::StringRef Text) {
  return Text.find_first_of("\\^$.|?*+()[]{}") == llvm::StringRef::npos;
}

NamePattern::NamePattern(llvm::StringRef Pattern) : Kind(Shape::Regex) {
  llvm::StringRef Body = Pattern;
  bool Anchored = Body.consume_front("^");
  bool Ended = Body.consume_back("$");
  // An empty pattern is no regular expression (llvm::Regex rejects it, as do
  // the option checks); the fast path must not make it match everything.
  if (!Pattern.empty() && isLiteral(Body)) {
    Literal = Body.str();
    Kind = Anchored && Ended ? Shape::Exact
           : Anchored        ? Shape::Prefix
           : Ended           ? Shape::Suffix
                             : Shape::Contains;
    return;
  }
  Full = std::make_unique<llvm::Regex>(Pattern);
}

bool NamePattern::match(llvm::StringRef Name) const {
  switch (Kind) {
  case Shape::Prefix:
    return Name.starts_with(Literal);
  case Shape::Suffix:
    return Name.ends_with(Literal);
  case Shape::Exact:
    return Name == Literal;
  case Shape::Contains:
    return Name.contains(Literal);
  case Shape::Regex:
    break;
  }
  auto [It, Inserted] = Cache.try_emplace(Name, false);
  if (Inserted)
    It->second = Full->match(Name);
  return It->second;
}

bool NamePattern::isValid(std::string &Error) const {
  return !Full || Full->isValid(Error);
}

} // namespace bpftidy
