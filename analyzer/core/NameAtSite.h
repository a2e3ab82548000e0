//===- NameAtSite.h - whether a name a fix writes means something there -*-
// C++-*-//
//
// A fix copies names into a place where they were not written before: the
// source identity another notification passes, the conventions' SECLABEL,
// the helper's own name. The copy compiles only if each name holds a value
// where it lands: a local must be assigned on every path to the site
// (otherwise -Wuninitialized breaks the -Werror build), and a macro or a
// declaration of the unit must be defined *at* the site, not merely
// somewhere in the translation unit (Cilium's bpf_overlay.c defines
// SECLABEL after including headers whose tail calls drop).
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_NAMEATSITE_H
#define BPF_TIDY_ANALYZER_CORE_NAMEATSITE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>

namespace clang {
class ASTContext;
class FunctionDecl;
class Preprocessor;
class Stmt;
class VarDecl;
} // namespace clang

namespace bpftidy {

/// Whether \p Text is one C identifier.
bool isIdentifier(llvm::StringRef Text);

/// Whether \p Text is one C integer constant (`0`, `0x1f`, `42U`): it
/// means the same wherever a fix copies it.
bool isIntegerLiteral(llvm::StringRef Text);

/// Calls \p Each for every identifier of the C expression \p Text (numbers
/// with their suffixes, such as 0x1fULL, are no identifiers).
void forEachIdentifier(llvm::StringRef Text,
                       llvm::function_ref<void(llvm::StringRef)> Each);

/// How many parameters and local variables of \p F are named \p Name, and
/// the last of them: a name declared twice may mean another variable at
/// the site.
std::pair<unsigned, const clang::VarDecl *>
variablesNamed(const clang::FunctionDecl &F, llvm::StringRef Name);

/// Whether \p V holds a value wherever \p Site (a statement of \p F's body)
/// is reached: a parameter of \p F, or a local whose declaration encloses
/// \p Site and which is initialised or assigned on every path from the
/// function's entry to \p Site. A local whose address is taken counts as
/// unassigned (what is written through the pointer is not known).
bool holdsValueAt(const clang::VarDecl &V, const clang::FunctionDecl &F,
                  const clang::Stmt &Site, clang::ASTContext &Ctx);

/// Whether \p Name, a macro or a declaration of the translation unit, is
/// defined where code at \p Loc (a file location) is compiled; a macro's
/// body must be too, name by name. Nothing when it is (or when the unit
/// knows no such name: keywords, macro parameters); otherwise why not:
/// "'SECLABEL' is defined only after lib/mcast.h:423 (at bpf_overlay.c:40)".
std::optional<std::string> undefinedAt(llvm::StringRef Name,
                                       clang::SourceLocation Loc,
                                       clang::ASTContext &Ctx,
                                       clang::Preprocessor &PP);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_NAMEATSITE_H
