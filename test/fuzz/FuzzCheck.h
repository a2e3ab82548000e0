//===- FuzzCheck.h - what every fuzz target shares --------------*- C++ -*-===//
//
// A fuzz target must test something beyond "no crash": each one states its
// parser's invariants with FUZZ_CHECK, which prints what broke and traps, so
// that libFuzzer keeps the input as a crash.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_TEST_FUZZ_FUZZCHECK_H
#define BPF_TIDY_TEST_FUZZ_FUZZCHECK_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(Condition, What)                                            \
  do {                                                                         \
    if (!(Condition)) {                                                        \
      llvm::errs() << __FILE__ << ":" << __LINE__                              \
                   << ": invariant broken: " << (What) << "\n";                \
      llvm::errs().flush();                                                    \
      __builtin_trap();                                                        \
    }                                                                          \
  } while (false)

namespace bpftidy::fuzz {

inline llvm::StringRef asText(const uint8_t *Data, size_t Size) {
  return llvm::StringRef(reinterpret_cast<const char *>(Data), Size);
}

/// A fresh directory (symlinks resolved) for targets whose parser reads
/// files or resolves paths; made once per process, left for the system's
/// temp cleaner as the fuzzer is usually ended by a signal.
inline const std::string &scratchDirectory() {
  static const std::string Dir = [] {
    llvm::SmallString<128> Made, Real;
    if (llvm::sys::fs::createUniqueDirectory("bpf-tidy-fuzz", Made) ||
        llvm::sys::fs::real_path(Made, Real)) {
      llvm::errs() << "fuzz: cannot make a scratch directory\n";
      std::abort();
    }
    return std::string(Real);
  }();
  return Dir;
}

} // namespace bpftidy::fuzz

#endif // BPF_TIDY_TEST_FUZZ_FUZZCHECK_H
