//===- AnalyzeCommand.h - bpf-tidy's clang-tidy-like front door --*- C++
//-*-===//
//
// `bpf-tidy [options] FILE... [-- FLAGS]`: runs the bpf-* checks with
// clang-tidy's own conventions (flags, .clang-tidy lookup, NOLINT,
// --export-fixes), then applies fixes through the edit set, which refuses
// conflicting edits and files changed since they were parsed.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_ANALYZECOMMAND_H
#define BPF_TIDY_CLI_ANALYZECOMMAND_H

namespace bpftidy {

/// Runs the command; returns an ExitCode.
int analyzeMain(int Argc, const char **Argv);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_ANALYZECOMMAND_H
