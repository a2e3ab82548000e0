//===- StaticPrograms.cpp - static functions in program sections ----------===//

#include "verify/StaticPrograms.h"

using namespace llvm::ELF;

namespace bpftidy::verify {

std::vector<std::string> makeStaticProgramsGlobal(ElfObject &O) {
  std::vector<std::string> Names;
  for (ElfSymbol &S : O.Symbols) {
    unsigned Section = S.Sym.st_shndx;
    if (S.Removed || S.Sym.getType() != STT_FUNC || !S.isLocal() ||
        Section == 0 || Section >= O.Sections.size() ||
        !O.isProgramSection(Section) || O.Sections[Section].Name == ".text")
      continue;
    S.Sym.setBinding(STB_GLOBAL);
    S.Sym.st_other = STV_HIDDEN;
    Names.push_back(S.Name);
  }
  return Names;
}

} // namespace bpftidy::verify
