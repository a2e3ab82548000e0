//===- ObjectBuilder.h - compile each configuration to BPF objects -*- C++ -*-//
//
// Builds every source of a configuration list in every configuration:
//   <clang> -target bpf -O2 -g -I/usr/include/x86_64-linux-gnu
//           <common flags> <configuration flags> -c SRC -o
//           OUT/<config>/<stem>.o
// run from the list's directory, so relative -I paths work as written.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_OBJECTBUILDER_H
#define BPF_TIDY_VERIFY_OBJECTBUILDER_H

#include "config/ConfigurationList.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace bpftidy::verify {

/// One compile of one source in one configuration.
struct ObjectBuild {
  std::string Configuration;
  std::string Source;
  /// Object file stem: the source's file name without extension.
  std::string Stem;
  std::string ObjectPath;
  std::vector<std::string> Command;
  /// Where the command runs: the configuration list's directory.
  std::string Directory;
  bool Succeeded = false;
  /// The compiler's output (warnings, or the errors of a failed build).
  std::string Output;
};

/// The compiler command for \p Source in \p Config, writing to \p Object.
std::vector<std::string> compileCommand(llvm::StringRef Clang,
                                        const ConfigurationList &List,
                                        const Configuration &Config,
                                        llvm::StringRef Source,
                                        llvm::StringRef Object);

/// Builds every source of \p List in every configuration into \p OutDir,
/// running up to \p Jobs compilers at once. Failures are recorded in the
/// returned builds, not returned as errors.
std::vector<ObjectBuild> buildConfigurations(llvm::StringRef Clang,
                                             const ConfigurationList &List,
                                             llvm::StringRef OutDir,
                                             unsigned Jobs);

/// The macros defined at the end of \p Build's source, as its own compile
/// sees them: the text `<clang> -E -dM` prints with the build's flags, run in
/// its directory ("#define NAME VALUE" lines).
llvm::Expected<std::string> definedMacros(const ObjectBuild &Build);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_OBJECTBUILDER_H
