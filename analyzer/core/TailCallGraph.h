//===- TailCallGraph.h - which programs enter a tail call -------*- C++ -*-===//
//
// A tail call's drop direction is the direction of the programs that enter
// it. Those are found through the translation unit's calls:
//  - a program reaches the functions it calls, directly or not (not
//    through tail calls);
//  - a tail-call helper call (TailCallHelpers) with a constant slot, or a
//    conditional of constants (`from_host ? SLOT_A : SLOT_B`, both counted),
//    in a function a program reaches, enters every tail call of that slot;
//  - only live programs count: entry programs, tail calls no code of the
//    unit enters (another object's programs tail-call them, as Cilium's
//    policy programs), and the tail calls live code enters. A tail call
//    whose slot only dead code enters (lib/nodeport.h's NAT tail calls in
//    bpf_lxc.c, whose caller nodeport_lb4 no program of bpf_lxc.c calls)
//    enters nothing.
// Slots are matched by key, whatever the map: a key two program arrays
// share only adds callers, so directions that disagree give no fix.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_ANALYZER_CORE_TAILCALLGRAPH_H
#define BPF_TIDY_ANALYZER_CORE_TAILCALLGRAPH_H

#include "analyzer/core/Conventions.h"
#include "analyzer/core/ProgramClassifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace bpftidy {

/// The programs through which a tail call is entered, grouped by the
/// direction each tells (see TailCallGraph::enteringDirections).
struct EnteringDirections {
  /// Direction -> the programs that tell it, by name.
  std::map<std::string, std::vector<std::string>> Told;
  /// Programs that enter it and tell no direction.
  std::vector<std::string> Silent;
  /// Tail calls between: entering it, they tell nothing and pass on the
  /// directions of the programs entering them ("'name' (slot N)").
  std::vector<std::string> Through;
  /// The slot the tail call is entered by.
  int64_t Slot = 0;

  bool empty() const { return Told.empty() && Silent.empty(); }
};

class TailCallGraph {
public:
  explicit TailCallGraph(const Conventions &Options);

  /// The slot a tail call is entered by: KEY of its section "MAP/KEY" or of
  /// its tag "tail:MAP/KEY".
  static std::optional<int64_t> slotOf(const ProgramInfo &Program);

  /// The directions of the programs that enter tail call \p F. A program
  /// that tells none by \p Own and is itself a tail call passes on the
  /// directions of the programs entering it (cycles add nothing).
  EnteringDirections
  enteringDirections(const clang::FunctionDecl &F, clang::ASTContext &Ctx,
                     llvm::function_ref<std::optional<std::string>(
                         const clang::FunctionDecl &)>
                         Own);

  /// Forgets the previous translation unit.
  void reset();

private:
  void build(clang::ASTContext &Ctx);
  /// \p F and the functions it calls, directly or not.
  const std::vector<const clang::FunctionDecl *> &
  reached(const clang::FunctionDecl &F, clang::ASTContext &Ctx);

  /// The live programs reaching a call that enters \p Slot.
  std::vector<const clang::FunctionDecl *> enteringPrograms(int64_t Slot);

  const Conventions &Options;
  ProgramClassifier Classifier;
  bool Built = false;
  /// Direct callees and constant tail-call slots of each definition.
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::FunctionDecl *>>
      Callees;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<int64_t>> Enters;
  /// Programs, and the tail calls of each slot.
  std::vector<const clang::FunctionDecl *> Programs;
  llvm::DenseMap<const clang::FunctionDecl *, ProgramInfo> Info;
  std::map<int64_t, std::vector<const clang::FunctionDecl *>> TailCalls;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Live;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::FunctionDecl *>>
      Reached;
};

} // namespace bpftidy

#endif // BPF_TIDY_ANALYZER_CORE_TAILCALLGRAPH_H
