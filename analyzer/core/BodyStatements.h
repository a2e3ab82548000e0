//===- BodyStatements.h - the returns and calls of a body -------*- C++ -*-===//
//
// Several passes need every `return` or every call of a function body;
// one walk each, written once.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_BODYSTATEMENTS_H
#define BPF_TIDY_ANALYZER_CORE_BODYSTATEMENTS_H

#include <vector>

namespace clang {
class CallExpr;
class ReturnStmt;
class Stmt;
} // namespace clang

namespace bpftidy {

/// The `return` statements in \p Body, in source order.
std::vector<const clang::ReturnStmt *> returnsIn(const clang::Stmt *Body);

/// The calls in \p Body, in source order.
std::vector<const clang::CallExpr *> callsIn(const clang::Stmt *Body);

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_BODYSTATEMENTS_H
