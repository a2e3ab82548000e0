//===- AuditCommand.h - bpf-tidy audit --------------------------*- C++ -*-===//
//
// `bpf-tidy audit --configs LIST` (or -p BUILD): the bare exits of every
// program in every configuration, proven from the compiled code, compared
// with the source analysis. docs/audit.md.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_AUDIT_AUDITCOMMAND_H
#define BPF_TIDY_AUDIT_AUDITCOMMAND_H

namespace bpftidy::audit {

/// \p Argv[1] is "audit". Returns an ExitCode.
int auditMain(int Argc, const char **Argv);

/// Registers the "audit" subcommand and its options, so that bpf-tidy's
/// --help lists it.
void registerAuditSubcommand();

} // namespace bpftidy::audit

#endif // BPF_TIDY_AUDIT_AUDITCOMMAND_H
