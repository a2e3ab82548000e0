//===- ExitCodes.h - bpf-tidy's exit codes -----------------------*- C++
//-*-===//
//
// One table, shared by --help, docs/usage.md and the tests.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_EXITCODES_H
#define BPF_TIDY_CLI_EXITCODES_H

namespace bpftidy {

enum ExitCode : int {
  /// No findings left (after --fix: every finding was fixed).
  ExitClean = 0,
  /// Findings remain.
  ExitFindings = 1,
  /// Usage or configuration error, or a file that does not parse.
  ExitUsage = 2,
  /// An edit was refused: file not writable, changed or replaced since it
  /// was parsed, more than one hard link, or conflicting edits; or another
  /// --fix run holds the tree.
  ExitEditRefused = 3,
  /// bpf-tidy migrate: the verify loop failed (a build, a load, a run, a
  /// changed verdict, a site not proven).
  ExitVerifyFailed = 4,
  /// bpf-tidy migrate: fixed and built, but BPF could not be loaded (no
  /// privilege), so nothing was run.
  ExitNoPrivilege = 77,
};

/// The exit code that reports the worse of two outcomes.
inline int worseExit(int A, int B) {
  auto Rank = [](int Code) {
    switch (Code) {
    case ExitUsage:
      return 5;
    case ExitVerifyFailed:
      return 4;
    case ExitEditRefused:
      return 3;
    case ExitFindings:
      return 2;
    case ExitNoPrivilege:
      return 1;
    default:
      return 0;
    }
  };
  return Rank(A) >= Rank(B) ? A : B;
}

} // namespace bpftidy

#endif // BPF_TIDY_CLI_EXITCODES_H
