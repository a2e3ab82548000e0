//===- ExitCodes.h - the exit codes of every bpf-tidy command ---*- C++ -*-===//
//
// One table for the whole tool: bpf-tidy, bpf-tidy migrate and bpf-tidy
// verify (and bpf-tidy-verify, which includes this header but links nothing
// of the command). docs/usage.md shows the same table.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_EXITCODES_H
#define BPF_TIDY_CLI_EXITCODES_H

namespace bpftidy {

enum ExitCode : int {
  /// No findings left (after --fix: every finding was fixed).
  ExitClean = 0,
  /// bpf-tidy verify: everything built, loaded and ran, every site proven.
  ExitSuccess = ExitClean,
  /// Findings remain.
  ExitFindings = 1,
  /// bpf-tidy verify: a build, a load, a run, a changed verdict or a site
  /// not proven (migrate reports it as ExitVerifyFailed).
  ExitFailure = 1,
  /// Usage or configuration error, or a file that does not parse.
  ExitUsage = 2,
  /// An edit was refused: file not writable, changed or replaced since it
  /// was parsed, more than one hard link, or conflicting edits; or another
  /// --fix run holds the tree.
  ExitEditRefused = 3,
  /// bpf-tidy migrate: the verify loop failed (a build, a load, a run, a
  /// changed verdict, a site not proven).
  ExitVerifyFailed = 4,
  /// bpf-tidy migrate and verify: BPF could not be loaded (no privilege),
  /// so nothing was run (verify under CI=true: ExitFailure instead).
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
