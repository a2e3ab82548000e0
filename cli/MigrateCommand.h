//===- MigrateCommand.h - bpf-tidy migrate ----------------------*- C++ -*-===//
//
// The main job's pipeline on a user's tree, in one command: refuse a dirty
// work tree, snapshot the tree, analyse every file in every configuration
// and apply the merged fixes in place, build, load and run the tree before
// and after (the verify loop), and write a Markdown report for the pull
// request. docs/migration.md.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_MIGRATECOMMAND_H
#define BPF_TIDY_CLI_MIGRATECOMMAND_H

namespace bpftidy {

/// \p Argv[1] is "migrate".
int migrateMain(int Argc, const char **Argv);

/// Registers the "migrate" subcommand and its options, so that bpf-tidy's
/// --help lists it.
void registerMigrateSubcommand();

} // namespace bpftidy

#endif // BPF_TIDY_CLI_MIGRATECOMMAND_H
