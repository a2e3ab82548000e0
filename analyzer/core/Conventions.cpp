//===- Conventions.cpp ----------------------------------------------------===//

#include "analyzer/core/Conventions.h"
#include "llvm/ADT/SmallVector.h"

namespace bpftidy {

std::vector<std::string> splitOptionList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Items;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Items.push_back(Part.str());
  }
  return Items;
}

std::string joinOptionList(const std::vector<std::string> &Items) {
  std::string Joined;
  for (const std::string &Item : Items) {
    if (!Joined.empty())
      Joined += ';';
    Joined += Item;
  }
  return Joined;
}

bool parsePatternRules(llvm::StringRef Text, std::vector<PatternRule> &Rules,
                       std::string &Error) {
  Rules.clear();
  for (const std::string &Item : splitOptionList(Text)) {
    size_t Eq = llvm::StringRef(Item).rfind('=');
    if (Eq == llvm::StringRef::npos || Eq == 0 || Eq + 1 == Item.size()) {
      Error = "expected PATTERN=VALUE, got '" + Item + "'";
      return false;
    }
    llvm::StringRef I(Item);
    Rules.push_back(
        {I.take_front(Eq).trim().str(), I.drop_front(Eq + 1).trim().str()});
  }
  return true;
}

std::string printPatternRules(const std::vector<PatternRule> &Rules) {
  std::vector<std::string> Items;
  for (const PatternRule &Rule : Rules)
    Items.push_back(Rule.Pattern + "=" + Rule.Value);
  return joinOptionList(Items);
}

} // namespace bpftidy
