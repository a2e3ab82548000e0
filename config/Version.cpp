//===- Version.cpp - bpf-tidy's own version -------------------------------===//

#include "config/Version.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"

namespace bpftidy {

llvm::StringRef bpfTidyVersion() {
  return
#include "BpfTidyVersion.inc"
      ;
}

void printVersion(llvm::raw_ostream &OS) {
  OS << "bpf-tidy version " << bpfTidyVersion() << "\n"
     << "  built with LLVM " LLVM_VERSION_STRING "\n";
}

void usePrintVersionForCommandLine() {
  llvm::cl::SetVersionPrinter(printVersion);
}

} // namespace bpftidy
