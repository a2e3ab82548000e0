//===- LibbpfMessages.cpp - where libbpf's own messages go ----------------===//

#include "verify/LibbpfMessages.h"

#include <bpf/libbpf.h>
#include <cstdarg>
#include <cstdio>

namespace bpftidy::verify {

static bool EchoEverything = false;
static std::string Captured;

static int printCallback(enum libbpf_print_level Level, const char *Format,
                         va_list Args) {
  va_list Copy;
  va_copy(Copy, Args);
  char Buffer[4096];
  vsnprintf(Buffer, sizeof(Buffer), Format, Copy);
  va_end(Copy);
  if (EchoEverything)
    fputs(Buffer, stderr);
  if (Level != LIBBPF_DEBUG)
    Captured += Buffer;
  return 0;
}

void installLibbpfPrint(bool Verbose) {
  EchoEverything = Verbose;
  libbpf_set_print(printCallback);
}

std::string takeLibbpfMessages() {
  std::string Messages;
  Messages.swap(Captured);
  return Messages;
}

} // namespace bpftidy::verify
