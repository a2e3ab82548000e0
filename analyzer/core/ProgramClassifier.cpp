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
  ProgramInfo Info;
  // Static functions are never entered by the kernel directly, whatever
  // macro made them; the section attribute is what makes a program.
  if (const auto *Section = F.getAttr<clang::SectionAttr>())
    Info.Section = Section->getName().str();
  for (const auto *Tag : F.specific_attrs<clang::BTFDeclTagAttr>()) {
    if (TailCallTags.match(Tag->getBTFDeclTag())) {
      Info.TailTag = Tag->getBTFDeclTag().str();
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
