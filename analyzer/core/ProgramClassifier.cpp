//===- ProgramClassifier.cpp ----------------------------------------------===//

#include "analyzer/core/ProgramClassifier.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"

namespace bpftidy {

ProgramClassifier::ProgramClassifier(const Conventions &Options)
    : TailCallSections(Options.TailCallSections),
      TailCallTags(Options.TailCallTags),
      IgnoredSections(Options.IgnoredSections) {}

ProgramInfo ProgramClassifier::classify(const clang::FunctionDecl &F) const {
  // Static functions are never entered by the kernel directly, whatever
  // macro made them; the section attribute is what makes a program.
  std::string Section;
  if (const auto *Attribute = F.getAttr<clang::SectionAttr>())
    Section = Attribute->getName().str();
  std::vector<std::string> Tags;
  for (const auto *Tag : F.specific_attrs<clang::BTFDeclTagAttr>())
    Tags.push_back(Tag->getBTFDeclTag().str());
  return classify(Section, Tags);
}

ProgramInfo
ProgramClassifier::classify(llvm::StringRef Section,
                            llvm::ArrayRef<std::string> DeclTags) const {
  ProgramInfo Info;
  Info.Section = Section.str();
  for (const std::string &Tag : DeclTags) {
    if (TailCallTags.match(Tag)) {
      Info.TailTag = Tag;
      break;
    }
  }

  if (!Info.TailTag.empty()) {
    Info.Kind = ProgramKind::TailCall;
    return Info;
  }
  if (Info.Section.empty() || IgnoredSections.match(Info.Section))
    return Info;
  Info.Kind = TailCallSections.match(Info.Section) ? ProgramKind::TailCall
                                                   : ProgramKind::EntryProgram;
  return Info;
}

llvm::StringRef ProgramClassifier::describe(ProgramKind Kind) {
  switch (Kind) {
  case ProgramKind::EntryProgram:
    return "entry program";
  case ProgramKind::TailCall:
    return "tail call";
  case ProgramKind::NotAProgram:
    break;
  }
  return "function";
}

} // namespace bpftidy
