//===- bpf-tidy-verify.cpp - the proof loop as its own executable ---------===//
//
// Same as "bpf-tidy verify"; see docs/verify.md.
//
//===----------------------------------------------------------------------===//

#include "config/Version.h"
#include "verify/VerifyCommand.h"

int main(int argc, const char **argv) {
  bpftidy::usePrintVersionForCommandLine();
  return bpftidy::verify::verifyMain(argc, argv);
}
