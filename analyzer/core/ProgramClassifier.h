//===- ProgramClassifier.h - which functions the kernel enters -*- C++ -*-===//
//
// A function is a program when the kernel can enter it: an entry program
// attached to a hook, or a tail call entered through a program array. The
// decision uses the attributes Clang sees after preprocessing (section,
// btf_decl_tag), so build flags that turn declare_tailcall_if() into a tail
// call or into an inline helper are honoured per configuration.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_PROGRAMCLASSIFIER_H
#define BPF_TIDY_ANALYZER_CORE_PROGRAMCLASSIFIER_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/NamePattern.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace bpftidy {

enum class ProgramKind { NotAProgram, EntryProgram, TailCall };

struct ProgramInfo {
  ProgramKind Kind = ProgramKind::NotAProgram;
  /// The ELF section the function is placed in ("" if none).
  std::string Section;
  /// The tail-call tag ("tail:cilium_calls/7"), if any.
  std::string TailTag;

  bool isProgram() const { return Kind != ProgramKind::NotAProgram; }
};

class ProgramClassifier {
public:
  explicit ProgramClassifier(const Conventions &Options);

  /// Classifies a function definition.
  ProgramInfo classify(const clang::FunctionDecl &Function) const;
  /// Classifies a function by its section ("" if none) and btf_decl_tag
  /// values: what compiled code (LLVM IR, an object) still tells.
  ProgramInfo classify(llvm::StringRef Section,
                       llvm::ArrayRef<std::string> DeclTags) const;

  /// "entry program" or "tail call".
  static llvm::StringRef describe(ProgramKind Kind);

private:
  NamePattern TailCallSections;
  NamePattern TailCallTags;
  NamePattern IgnoredSections;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_PROGRAMCLASSIFIER_H
