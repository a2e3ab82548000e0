//===- name-pattern.cpp - fuzz the name regex fast path -------------------===//
//
// NamePattern answers the common pattern shapes ("^PREFIX", "SUFFIX$",
// "^NAME$", "TEXT") with string tests instead of llvm::Regex. Invariant: it
// always answers as llvm::Regex does, and it is valid exactly when the
// regex is. The input is "PATTERN\nNAME\nNAME...".
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"
#include "analyzer/core/NamePattern.h"

using namespace bpftidy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::SmallVector<llvm::StringRef> Lines;
  fuzz::asText(Data, Size).split(Lines, '\n');
  llvm::StringRef Pattern = Lines.front();

  llvm::Regex Regex(Pattern);
  std::string RegexError, PatternError;
  bool Valid = Regex.isValid(RegexError);
  NamePattern Fast(Pattern);
  FUZZ_CHECK(Fast.isValid(PatternError) == Valid,
             "NamePattern and llvm::Regex disagree on validity of '" + Pattern +
                 "'");
  if (!Valid) {
    FUZZ_CHECK(!PatternError.empty(), "an invalid pattern without a reason");
    return 0;
  }
  for (llvm::StringRef Name : llvm::ArrayRef(Lines).drop_front()) {
    FUZZ_CHECK(Fast.match(Name) == Regex.match(Name),
               "'" + Pattern + "' on '" + Name + "': NamePattern says " +
                   (Fast.match(Name) ? "match" : "no match"));
    // Cached answers are the same answers.
    FUZZ_CHECK(Fast.match(Name) == Regex.match(Name), "cache changed it");
  }
  return 0;
}
