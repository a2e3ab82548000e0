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

namespace clang {
class ASTContext;
class Preprocessor;
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
};

struct NotificationCall {
  /// The call, on one line: `send_drop_notify_error(ctx, ...)`.
  std::string Text;
  /// Where the direction was read, for a note (empty when the template
  /// takes none).
  std::string DirectionSource;
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
