//===- notification-template.cpp - fuzz notification templates ------------===//
//
// NotifyTemplate (docs/checks/bpf-bare-drop-return.md). Invariants: listing
// a template's placeholders and expanding it agree on whether it is valid
// and say why when not; a valid template expands with every placeholder it
// uses and fails without one of them; and literal text escaped with "$$"
// expands back to itself.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"
#include "rewriters/NotificationTemplate.h"

using namespace bpftidy;
using namespace bpftidy::rewriters;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Template = fuzz::asText(Data, Size);

  llvm::StringMap<std::string> All;
  for (llvm::StringRef Name : templatePlaceholders())
    All[Name] = "<" + Name.str() + ">";

  llvm::Expected<std::vector<std::string>> Uses = templateUses(Template);
  llvm::Expected<std::string> Expanded = expandTemplate(Template, All);
  FUZZ_CHECK(static_cast<bool>(Uses) == static_cast<bool>(Expanded),
             "templateUses and expandTemplate disagree on validity");
  if (!Uses) {
    std::string Why = llvm::toString(Uses.takeError());
    std::string Again = llvm::toString(Expanded.takeError());
    FUZZ_CHECK(!Why.empty() && Why == Again,
               "different or empty errors: '" + Why + "' / '" + Again + "'");
  } else {
    for (const std::string &Name : *Uses) {
      FUZZ_CHECK(All.count(Name), "an unknown placeholder accepted: " + Name);
      llvm::StringMap<std::string> Missing = All;
      Missing.erase(Name);
      llvm::Expected<std::string> Without = expandTemplate(Template, Missing);
      FUZZ_CHECK(!Without, "expanded without a value for ${" + Name + "}");
      llvm::consumeError(Without.takeError());
    }
  }

  std::string Escaped;
  for (char C : Template)
    Escaped += C == '$' ? std::string("$$") : std::string(1, C);
  llvm::Expected<std::string> Literal = expandTemplate(Escaped, {});
  FUZZ_CHECK(Literal && *Literal == Template,
             "escaped text does not expand to itself");
  return 0;
}
