//===- ConfigurationList.h - build configurations of a datapath -*- C++ -*-===//
//
// A datapath is built in several configurations: the same sources with
// different -D flags. This reads the configuration list file defined in
// docs/formats.md (section 1). It depends on LLVM Support only, so both the
// analyzer front end and the BPF loader share it.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CONFIG_CONFIGURATIONLIST_H
#define BPF_TIDY_CONFIG_CONFIGURATIONLIST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace bpftidy {

/// One set of flags the datapath is built with.
struct Configuration {
  std::string Name;
  /// The configuration's own flags (after the list's common flags).
  std::vector<std::string> Flags;
};

/// The contents of a configuration list file.
struct ConfigurationList {
  /// Directory of the list file; relative paths are resolved against it.
  std::string BaseDir;
  /// Absolute paths of the sources every configuration builds.
  std::vector<std::string> Sources;
  /// Flags every configuration gets, before its own.
  std::vector<std::string> CommonFlags;
  std::vector<Configuration> Configurations;

  /// Common flags followed by \p C's own flags.
  std::vector<std::string> flagsFor(const Configuration &C) const;
  const Configuration *find(llvm::StringRef Name) const;
};

/// Parses \p Text; \p Path names the file in error messages
/// ("PATH:LINE: message") and gives BaseDir.
llvm::Expected<ConfigurationList> parseConfigurationList(llvm::StringRef Text,
                                                         llvm::StringRef Path);

/// Reads and parses the file at \p Path.
llvm::Expected<ConfigurationList> readConfigurationList(llvm::StringRef Path);

/// Splits one line of flags into words as clang splits a response file
/// (llvm::cl::TokenizeGNUCommandLine: blanks separate words; single and
/// double quotes group them; a backslash, inside quotes too, takes the next
/// character as it is; no expansion). A '#' that starts a word begins a
/// comment. An unterminated quote, a trailing backslash or a NUL character
/// is an error.
llvm::Expected<std::vector<std::string>> splitFlagWords(llvm::StringRef Line);

} // namespace bpftidy

#endif // BPF_TIDY_CONFIG_CONFIGURATIONLIST_H
