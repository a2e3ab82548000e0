//===- bpf-tidy-verify.cpp - the proof loop as its own executable ---------===//
//
// Same as "bpf-tidy verify"; see docs/verify.md.
//
//===----------------------------------------------------------------------===//

#include "verify/VerifyCommand.h"

int main(int argc, const char **argv) {
  return bpftidy::verify::verifyMain(argc, argv);
}
