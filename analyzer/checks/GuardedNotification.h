//===- GuardedNotification.h - notify only a value's drops -*- C++ -*-===//
//
// A returned value that may be a drop reason or a valid verdict cannot be
// wrapped in a notification as a whole: the verdicts would become drops.
// The guarded forms notify only its negative values and return the rest as
// they are:
//
//   if (ret < 0)                          ret < 0 ? notify(ret) : ret
//           return notify(ret);
//   return ret;                           ({ int __ret = f(ctx);
//                                            __ret < 0 ? notify(__ret) :
//                                                        __ret; })
//
// The statement form for a variable or field whose `return` is a statement
// of a block outside macros, the conditional for one elsewhere (a macro
// body, an unbraced `if`), the statement expression for anything else (a
// call must be evaluated once). Valid verdicts are >= -1 (TC_ACT_UNSPEC);
// when the value may be -1 the guard spares it (`ret != TC_ACT_UNSPEC`).
// Never IS_ERR(): Cilium's also holds for CTX_ACT_DROP, a verdict already
// notified, which would be notified twice.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CHECKS_GUARDEDNOTIFICATION_H
#define BPF_TIDY_ANALYZER_CHECKS_GUARDEDNOTIFICATION_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class Preprocessor;
class ReturnStmt;
} // namespace clang

namespace bpftidy {

/// How the guarded value is named in the fix.
struct GuardedValue {
  /// What the guard tests and the notification gets: the variable's text,
  /// or the temporary's name.
  std::string Tested;
  /// The temporary's declaration (`int __ret = f(ctx)`); empty when the
  /// value is a variable or field, evaluated as often as it is named.
  std::string Declaration;
  /// Why no form fits; the rest is empty then.
  std::string WhyNot;
};

/// Names the value \p Returned (spelled \p Text) returned by \p Function.
GuardedValue guardedValue(const clang::Expr &Returned, llvm::StringRef Text,
                          const clang::FunctionDecl &Function,
                          clang::ASTContext &Ctx);

/// The guard's condition on \p Tested, sparing -1 when \p SpareMinusOne:
/// by name where TC_ACT_UNSPEC is defined, else as -1 (no Cilium tree
/// defines it).
std::string guardCondition(llvm::StringRef Tested, bool SpareMinusOne,
                           clang::ASTContext &Ctx, clang::Preprocessor &PP);

/// Whether the statement form fits \p Return: a statement of a block,
/// spelled outside macros, returning a variable or field.
bool fitsStatementForm(const clang::ReturnStmt &Return,
                       const GuardedValue &Value, clang::ASTContext &Ctx);

/// The expression put in place of the returned value.
std::string guardedExpression(const GuardedValue &Value,
                              llvm::StringRef Condition,
                              llvm::StringRef Notification);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CHECKS_GUARDEDNOTIFICATION_H
