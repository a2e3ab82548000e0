//===- NotifyHelperShape.cpp ----------------------------------------------===//

#include "analyzer/core/NotifyHelperShape.h"
#include "analyzer/core/NameAtSite.h"
#include "rewriters/NotificationTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace bpftidy {

std::optional<HelperShape> shapeOfCall(llvm::StringRef Template) {
  auto [Helper, Rest] = Template.split('(');
  Rest = Rest.rtrim();
  if (!Rest.consume_back(")"))
    return std::nullopt;
  // Split the arguments at top-level commas.
  llvm::SmallVector<llvm::StringRef, 8> Args;
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < Rest.size(); ++I) {
    char C = Rest[I];
    if (C == '(')
      ++Depth;
    else if (C == ')')
      --Depth;
    else if (C == ',' && Depth == 0) {
      Args.push_back(Rest.slice(Start, I).trim());
      Start = I + 1;
    }
  }
  Args.push_back(Rest.substr(Start).trim());
  HelperShape Shape;
  Shape.Helper = Helper.trim().str();
  Shape.Arity = Args.size();
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg.consume_front("${") && Arg.consume_back("}"))
      Shape.Roles[Arg] = I;
  }
  return Shape;
}

llvm::StringRef helperOfItem(llvm::StringRef Item) {
  return Item.split('(').first.trim();
}

std::optional<std::string> helperItemError(llvm::StringRef Item) {
  Item = Item.trim();
  if (!Item.contains('(')) {
    if (isIdentifier(Item))
      return std::nullopt;
    return "expected a helper's name, or its call with placeholders as "
           "arguments, got '" +
           Item.str() + "'";
  }
  std::optional<HelperShape> Shape = shapeOfCall(Item);
  if (!Shape || !isIdentifier(Shape->Helper))
    return "expected a helper's call such as 'drop_for_direction(${ctx}, "
           "${direction}, ${reason})', got '" +
           Item.str() + "'";
  if (Shape->Roles.size() != Shape->Arity)
    return "every argument of '" + Item.str() +
           "' must be one placeholder (${ctx}, ${direction}, ...)";
  for (const auto &Role : Shape->Roles)
    if (!llvm::is_contained(rewriters::templatePlaceholders(), Role.first()))
      return "unknown placeholder ${" + Role.first().str() + "} in '" +
             Item.str() + "'";
  if (!Shape->Roles.count("direction"))
    return "'" + Item.str() +
           "' must say where the direction is (${direction})";
  return std::nullopt;
}

} // namespace bpftidy
