//===- FollowingNotification.h - the error block after a statement -*- C++
//-*-===//
//
// Datapath code collects errors in a variable and notifies them in one
// block further down: `if (IS_ERR(ret)) return send_drop_notify_error(ctx,
// ..., ret, ...);`, often after the end of a switch (`break;`) or at a
// label (`goto out;`). This finds the first such block the code after a
// statement reaches, syntactically: a later statement of each enclosing
// block, through `break` out of a switch and `goto` to its label, never
// into a loop.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_FOLLOWINGNOTIFICATION_H
#define BPF_TIDY_ANALYZER_CORE_FOLLOWINGNOTIFICATION_H

#include <optional>

namespace clang {
class ASTContext;
class Expr;
class IfStmt;
class Stmt;
class VarDecl;
} // namespace clang

namespace bpftidy {

class DropReasonMatcher;

struct FollowingNotification {
  /// `if (IS_ERR(ret)) return notify(..., ret, ...);`
  const clang::IfStmt *Block = nullptr;
  /// The variable its condition tests and its notification passes.
  const clang::VarDecl *Variable = nullptr;
  /// The notification the block returns: where a value that reaches the
  /// block is notified (its __LINE__ is this expression's).
  const clang::Expr *Notification = nullptr;
};

/// The first notification block the code after \p S reaches, if any.
std::optional<FollowingNotification>
notificationAfter(const clang::Stmt &S, const DropReasonMatcher &Matcher,
                  clang::ASTContext &Ctx);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_FOLLOWINGNOTIFICATION_H
