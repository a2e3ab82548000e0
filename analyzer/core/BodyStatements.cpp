//===- BodyStatements.cpp -------------------------------------------------===//

#include "analyzer/core/BodyStatements.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace bpftidy {

namespace {
class Collector : public RecursiveASTVisitor<Collector> {
public:
  std::vector<const ReturnStmt *> *Returns = nullptr;
  std::vector<const CallExpr *> *Calls = nullptr;

  bool VisitReturnStmt(ReturnStmt *Return) {
    if (Returns)
      Returns->push_back(Return);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (Calls)
      Calls->push_back(Call);
    return true;
  }
};
} // namespace

std::vector<const ReturnStmt *> returnsIn(const Stmt *Body) {
  std::vector<const ReturnStmt *> Returns;
  Collector C;
  C.Returns = &Returns;
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return Returns;
}

std::vector<const CallExpr *> callsIn(const Stmt *Body) {
  std::vector<const CallExpr *> Calls;
  Collector C;
  C.Calls = &Calls;
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return Calls;
}

} // namespace bpftidy
