//===- FixedSitesFromEdits.h - where the fix wrote each notification -*- C++
//-*-===//
//
// A real tree has no intended-sites file, so verify cannot tell a correct
// fix from a regression unless it is told where the fix wrote each
// notification. migrate knows: its edits. This turns the fixed findings of
// the analysis's JSON report into verify's fixed-sites file (docs/formats.md,
// section 6), with lines in the fixed files: an edit's line moves by the
// newlines that earlier edits of its file added or removed. A fix inside a
// macro body is a site per expansion of the macro (its __LINE__ is the
// invocation's), spanning the invocation up to its closing parenthesis
// (clang gives __LINE__ the last line of a call spread over several); the
// fixes of one expansion, which a notification cannot tell apart, are one
// site. A fix that shows at another line (`ret = invoke(...)`, whose value
// the error block further down notifies; its finding's "fix-effect" notes
// say where) is a site at that notification, named "EDITS=>NOTIFICATION".
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_CLI_FIXEDSITESFROMEDITS_H
#define BPF_TIDY_CLI_FIXEDSITESFROMEDITS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bpftidy {

struct FixedSiteEntry {
  /// "file:line" of the edit before the fix; for a macro body, the body
  /// lines fixed ("m.h:4,9") "@file:line" of the expansion; for a fix that
  /// shows at another line, the lines edited "=>file:line" of the
  /// notification (all before the fix).
  std::string Id;
  /// Relative to the tree, as the findings name it.
  std::string File;
  unsigned Line = 0, EndLine = 0;
  /// The one METRIC_* name the fix wrote; empty when it wrote a choice.
  std::string Direction;
  std::vector<std::string> Configurations;
  /// The programs whose packets can reach the site, from the finding (for
  /// the report, not written to the file).
  std::vector<std::string> Programs;
};

/// Reads a fixed file's text (a path relative to the tree); nullopt when it
/// cannot be read.
using FixedFileReader =
    std::function<std::optional<std::string>(llvm::StringRef)>;

/// Turns a path as the findings name it (relative to the working directory,
/// or absolute) into one relative to the tree.
using TreePathMapper = std::function<std::string(llvm::StringRef)>;

/// The fixed sites of the findings report \p Findings (--format=json after
/// --fix); \p InTree names their files relative to the tree, and
/// \p ReadFixed gives the text of a fixed file, to find where a macro
/// invocation ends.
std::vector<FixedSiteEntry>
fixedSitesFromFindings(const llvm::json::Object &Findings,
                       const TreePathMapper &InTree,
                       const FixedFileReader &ReadFixed);

/// The fixed-sites file (docs/formats.md, section 6).
llvm::json::Value fixedSitesToJson(const std::vector<FixedSiteEntry> &Sites);

/// The last line of the call whose name starts at line \p Line, column
/// \p Column (1-based) of \p Text: the line of its closing parenthesis.
/// \p Line when none.
unsigned invocationEndLine(llvm::StringRef Text, unsigned Line,
                           unsigned Column = 1);

} // namespace bpftidy

#endif // BPF_TIDY_CLI_FIXEDSITESFROMEDITS_H
