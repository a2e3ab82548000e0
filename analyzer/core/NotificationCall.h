//===- NotificationCall.h - the drop notification a fix writes -*- C++ -*-===//
//
// Every bpf-* check that fixes a drop writes the same thing: a call of the
// datapath's notification helper, made from the template of its shape (a
// preset, detected from the helper's arity in this translation unit, or a
// custom template; rewriters/NotificationTemplate.h). This builds that call
// from the values a check knows (context, reason, direction) and the
// conventions (source, exit code, ...), or says why it cannot: a helper or
// an expression the template needs is not defined in this unit.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_NOTIFICATIONCALL_H
#define BPF_TIDY_ANALYZER_CORE_NOTIFICATIONCALL_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/DirectionResolver.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class Preprocessor;
class Stmt;
} // namespace clang

namespace bpftidy {

/// What a check knows of one notification.
struct NotificationArguments {
  /// ${ctx}: the name of the context parameter.
  std::string Context;
  /// ${reason}: the drop reason as it is to be written.
  std::string Reason;
  /// ${direction}: asked only when the template uses it; sets its argument
  /// to why not when it cannot tell.
  llvm::function_ref<std::optional<Direction>(std::string &WhyNot)> Direction;
  /// Every program returning the value is an XDP program: where the tree
  /// defines no CTX_ACT_DROP, ${exitcode} is XDP_DROP, not TC_ACT_SHOT.
  bool Xdp = false;
  /// Where the call is compiled: the function and statement of each
  /// occurrence (every expansion of a macro). With them, ${src}, ${dst} and
  /// ${dst_id} come from the function's own notifications in the same
  /// direction where they agree (read through Siblings), and every name
  /// the call writes must hold a value at each place; without them, names
  /// need only be defined somewhere in the translation unit.
  std::vector<std::pair<const clang::FunctionDecl *, const clang::Stmt *>>
      Places = {};
  const DirectionResolver *Siblings = nullptr;
  /// Names that are no names of the unit where the call is written: the
  /// parameters of the macro whose body holds it.
  std::vector<std::string> MacroParameters = {};
};

struct NotificationCall {
  /// The call, on one line: `send_drop_notify_error(ctx, ...)`.
  std::string Text;
  /// Where the direction was read, for a note (empty when the template
  /// takes none).
  std::string DirectionSource;
  /// The placeholders taken from the function's own notifications, for a
  /// note: "${src} identity"; empty when none.
  std::string SiblingArguments;
};

class NotificationCallBuilder {
public:
  explicit NotificationCallBuilder(const Conventions &Options)
      : Options(Options) {}

  /// The template to use in this translation unit, or null and \p WhyNot.
  const std::string *templateFor(clang::ASTContext &Ctx,
                                 clang::Preprocessor &PP, std::string &WhyNot);

  /// The call \p Template makes of \p Args, or nothing and \p WhyNot.
  std::optional<NotificationCall> build(llvm::StringRef Template,
                                        const NotificationArguments &Args,
                                        clang::ASTContext &Ctx,
                                        clang::Preprocessor &PP,
                                        std::string &WhyNot) const;

  /// Forgets per-translation-unit state.
  void reset() { TemplateForTU.reset(); }

private:
  /// Why \p Name, written into the call at \p Place, would not compile or
  /// would mean nothing there; nothing when it is fine.
  std::optional<std::string> notUsableAt(
      llvm::StringRef Name,
      const std::pair<const clang::FunctionDecl *, const clang::Stmt *> &Place,
      const NotificationArguments &Args, clang::ASTContext &Ctx,
      clang::Preprocessor &PP) const;

  const Conventions &Options;
  /// This unit's template and why there is none (empty when there is).
  std::optional<std::pair<std::string, std::string>> TemplateForTU;
};

/// Arity of the function or function-like macro \p Name visible at the end
/// of the translation unit, if any.
std::optional<unsigned> helperArity(llvm::StringRef Name,
                                    clang::ASTContext &Ctx,
                                    clang::Preprocessor &PP);

/// Whether \p Expression can be used here: an identifier must be a macro or
/// a declaration; other expressions are taken as they are.
bool isExpressionAvailable(llvm::StringRef Expression, clang::ASTContext &Ctx,
                           clang::Preprocessor &PP);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_NOTIFICATIONCALL_H
