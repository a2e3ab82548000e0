//===- ReturnValues.cpp ---------------------------------------------------===//

#include "audit/ReturnValues.h"
#include "audit/HelperModel.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Support/Path.h"
#include <memory>
#include <optional>

using namespace llvm;

namespace bpftidy::audit {

SourceChain sourceChainOf(const DILocation *Location) {
  SourceChain Chain;
  for (const DILocation *L = Location; L; L = L->getInlinedAt()) {
    SourceFrame Frame;
    SmallString<256> Path;
    if (!sys::path::is_absolute(L->getFilename()))
      Path = L->getDirectory();
    sys::path::append(Path, L->getFilename());
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Frame.File = std::string(Path);
    Frame.Line = L->getLine();
    Frame.Column = L->getColumn();
    if (const DISubprogram *Subprogram = L->getScope()->getSubprogram())
      Frame.Function = Subprogram->getName().str();
    Chain.push_back(std::move(Frame));
  }
  return Chain;
}

namespace {

/// A value a `ret` can take, before it is cast to the return type.
struct Origin {
  std::optional<APInt> Value;
  const DILocation *Where = nullptr;
  std::string Detail;
};

/// A source location that says something: line 0 is the compiler's own.
const DILocation *usefulLocation(const Instruction &I) {
  const DILocation *L = I.getDebugLoc().get();
  return L && L->getLine() ? L : nullptr;
}

/// Where an edge leaves \p Block: its branch, else the last instruction
/// before it that has a location.
const DILocation *edgeLocation(const BasicBlock &Block) {
  for (const Instruction &I : reverse(Block))
    if (const DILocation *L = usefulLocation(I))
      return L;
  return nullptr;
}

/// The value a call of llvm.bpf.passthrough (which the BPF target's passes
/// wrap around some values and conditions to keep them in place) passes
/// through; \p V itself otherwise.
const Value &throughPassthrough(const Value &V) {
  if (const auto *Call = dyn_cast<CallInst>(&V))
    if (const Function *Callee = Call->getCalledFunction())
      if (Callee->getName().starts_with("llvm.bpf.passthrough") &&
          Call->arg_size() == 2)
        return *Call->getArgOperand(1);
  return V;
}

/// The constant \p V is, seen through passthrough wrappers, freeze and
/// integer casts: after inlining, LLVM copies a block into a path where its
/// test is decided, and the wrapper keeps the decided `true` in a call.
std::optional<APInt> constantThroughWrappers(const Value &V) {
  const Value *Current = &V;
  SmallVector<const CastInst *, 4> Casts;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    if (const auto *Constant = dyn_cast<ConstantInt>(Current)) {
      APInt Value = Constant->getValue();
      for (const CastInst *Cast : reverse(Casts)) {
        unsigned Width = Cast->getType()->getIntegerBitWidth();
        Value = Cast->getOpcode() == Instruction::SExt
                    ? Value.sextOrTrunc(Width)
                    : Value.zextOrTrunc(Width);
      }
      return Value;
    }
    if (const Value &Inner = throughPassthrough(*Current); &Inner != Current) {
      Current = &Inner;
    } else if (const auto *Freeze = dyn_cast<FreezeInst>(Current)) {
      Current = Freeze->getOperand(0);
    } else if (const auto *Cast = dyn_cast<CastInst>(Current);
               Cast && (Cast->getOpcode() == Instruction::Trunc ||
                        Cast->getOpcode() == Instruction::ZExt ||
                        Cast->getOpcode() == Instruction::SExt)) {
      Casts.push_back(Cast);
      Current = Cast->getOperand(0);
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

/// Whether control never goes from \p From to \p To: \p From ends in a
/// branch or switch on a constant (through wrappers) that leads elsewhere.
bool neverTaken(const BasicBlock &From, const BasicBlock &To) {
  const Instruction *Terminator = From.getTerminator();
  if (const auto *Branch = dyn_cast<BranchInst>(Terminator)) {
    if (!Branch->isConditional())
      return false;
    std::optional<APInt> Condition =
        constantThroughWrappers(*Branch->getCondition());
    return Condition &&
           Branch->getSuccessor(Condition->isZero() ? 1 : 0) != &To;
  }
  if (const auto *Switch = dyn_cast<SwitchInst>(Terminator)) {
    std::optional<APInt> Condition =
        constantThroughWrappers(*Switch->getCondition());
    if (!Condition)
      return false;
    const BasicBlock *Taken = Switch->getDefaultDest();
    for (const auto &Case : Switch->cases())
      if (APInt::isSameValue(Case.getCaseValue()->getValue(), *Condition))
        Taken = Case.getCaseSuccessor();
    return Taken != &To;
  }
  return false;
}

std::string describeUnknown(const Value &V) {
  if (isa<Argument>(V))
    return "an argument";
  if (isa<LoadInst>(V))
    return "a load from memory";
  if (const auto *Call = dyn_cast<CallBase>(&V)) {
    if (std::optional<uint64_t> Id = helperIdOf(*Call))
      return "a call of " + helperName(*Id);
    if (const Function *Callee = Call->getCalledFunction())
      return "a call of " + Callee->getName().str();
    return "an indirect call";
  }
  if (isa<UndefValue>(V))
    return "an undefined value";
  if (const auto *I = dyn_cast<Instruction>(&V))
    return std::string("an instruction '") + I->getOpcodeName() + "'";
  return "a value";
}

class Walker {
public:
  explicit Walker(ProgramType Type) : Type(Type) {}

  std::vector<Origin> returnsOf(const Function &F) {
    std::vector<Origin> All;
    if (!InProgressFunctions.insert(&F).second)
      return All;
    for (const BasicBlock &Block : F) {
      const auto *Return = dyn_cast<ReturnInst>(Block.getTerminator());
      if (!Return || !Return->getReturnValue())
        continue;
      std::vector<Origin> Values =
          valuesReaching(*Return->getReturnValue(), Block, nullptr);
      for (Origin &O : Values)
        if (!O.Where)
          O.Where = usefulLocation(*Return);
      All.insert(All.end(), Values.begin(), Values.end());
    }
    InProgressFunctions.erase(&F);
    return All;
  }

private:
  /// \p V as the value flowing out of \p Block, into a phi of \p To or a
  /// `ret` in \p Block (\p To null): the constants a switch or an equality
  /// on that edge or the paths into \p Block gives it, else what it can be
  /// anywhere.
  std::vector<Origin> valuesReaching(const Value &V, const BasicBlock &Block,
                                     const BasicBlock *To) {
    if (!isa<Constant>(V)) {
      if (To)
        if (std::optional<std::vector<APInt>> OnEdge =
                constantsOnEdge(V, Block, *To))
          return originsOf(*OnEdge, edgeLocation(Block));
      DenseMap<const BasicBlock *, std::optional<std::vector<Origin>>> Seen;
      unsigned Budget = 64;
      if (std::optional<std::vector<Origin>> Cases =
              constantsOnPathsTo(V, Block, Seen, Budget))
        return *Cases;
      return withinGuards(V, valuesOf(V), Block, To);
    }
    return valuesOf(V);
  }

  /// \p Values without the constants the tests guarding the way to the
  /// use rule out: `if (ret < 0) return notify(...); return ret;` returns
  /// no negative `ret`. The tests are those of the edge \p Block -> \p To,
  /// and of each edge that is the only way into a block dominating
  /// \p Block.
  std::vector<Origin> withinGuards(const Value &V, std::vector<Origin> Values,
                                   const BasicBlock &Block,
                                   const BasicBlock *To) {
    if (!V.getType()->isIntegerTy())
      return Values;
    unsigned Width = V.getType()->getIntegerBitWidth();
    ConstantRange Allowed = ConstantRange::getFull(Width);
    if (To)
      if (std::optional<ConstantRange> Range = rangeOnEdge(V, Block, *To))
        Allowed = Allowed.intersectWith(*Range);
    const DominatorTree &Tree = dominatorsOf(*Block.getParent());
    for (const DomTreeNode *Node = Tree.getNode(&Block); Node;
         Node = Node->getIDom()) {
      const BasicBlock *Dominator = Node->getBlock();
      if (const BasicBlock *Only = Dominator->getSinglePredecessor())
        if (std::optional<ConstantRange> Range =
                rangeOnEdge(V, *Only, *Dominator))
          Allowed = Allowed.intersectWith(*Range);
    }
    if (Allowed.isFullSet())
      return Values;
    llvm::erase_if(Values, [&](const Origin &O) {
      return O.Value && O.Value->getBitWidth() == Width &&
             !Allowed.contains(*O.Value);
    });
    return Values;
  }

  const DominatorTree &dominatorsOf(const Function &F) {
    std::unique_ptr<DominatorTree> &Tree = Dominators[&F];
    if (!Tree)
      Tree = std::make_unique<DominatorTree>(const_cast<Function &>(F));
    return *Tree;
  }

  /// What taking the edge \p From -> \p To says of \p V, when \p From ends
  /// in a conditional branch on tests of \p V against constants.
  static std::optional<ConstantRange>
  rangeOnEdge(const Value &V, const BasicBlock &From, const BasicBlock &To) {
    const auto *Branch = dyn_cast<BranchInst>(From.getTerminator());
    if (!Branch || !Branch->isConditional() ||
        Branch->getSuccessor(0) == Branch->getSuccessor(1))
      return std::nullopt;
    bool Taken = Branch->getSuccessor(0) == &To;
    return rangeIf(*Branch->getCondition(), V, Taken, 0);
  }

  /// The values \p V can have when \p Condition is \p Holds: comparisons
  /// of \p V (or \p V plus a constant) with a constant, and their `and` /
  /// `or` (as instructions or as selects).
  static std::optional<ConstantRange>
  rangeIf(const Value &Wrapped, const Value &V, bool Holds, unsigned Depth) {
    const Value &Condition = throughPassthrough(Wrapped);
    if (Depth > 4)
      return std::nullopt;
    unsigned Width = V.getType()->getIntegerBitWidth();
    if (const auto *Compare = dyn_cast<ICmpInst>(&Condition)) {
      CmpInst::Predicate Predicate = Compare->getPredicate();
      const Value *Left = Compare->getOperand(0);
      const auto *Constant = dyn_cast<ConstantInt>(Compare->getOperand(1));
      if (!Constant) {
        Constant = dyn_cast<ConstantInt>(Compare->getOperand(0));
        Left = Compare->getOperand(1);
        Predicate = CmpInst::getSwappedPredicate(Predicate);
      }
      if (!Constant || Constant->getBitWidth() != Width)
        return std::nullopt;
      if (!Holds)
        Predicate = CmpInst::getInversePredicate(Predicate);
      ConstantRange Range =
          ConstantRange::makeExactICmpRegion(Predicate, Constant->getValue());
      if (Left == &V)
        return Range;
      // V + K compared: V's range is the compared range less K.
      const auto *Add = dyn_cast<BinaryOperator>(Left);
      const ConstantInt *Offset =
          Add && Add->getOpcode() == Instruction::Add &&
                  Add->getOperand(0) == &V
              ? dyn_cast<ConstantInt>(Add->getOperand(1))
              : nullptr;
      if (Offset)
        return Range.subtract(Offset->getValue());
      return std::nullopt;
    }
    const Value *A = nullptr, *B = nullptr;
    bool IsAnd = false;
    if (const auto *Op = dyn_cast<BinaryOperator>(&Condition)) {
      if (Op->getOpcode() != Instruction::And &&
          Op->getOpcode() != Instruction::Or)
        return std::nullopt;
      IsAnd = Op->getOpcode() == Instruction::And;
      A = Op->getOperand(0);
      B = Op->getOperand(1);
    } else if (const auto *Select = dyn_cast<SelectInst>(&Condition)) {
      // select A, true, B is A || B; select A, B, false is A && B.
      const auto *True = dyn_cast<ConstantInt>(Select->getTrueValue());
      const auto *False = dyn_cast<ConstantInt>(Select->getFalseValue());
      A = Select->getCondition();
      if (True && True->isOne()) {
        B = Select->getFalseValue();
      } else if (False && False->isZero()) {
        IsAnd = true;
        B = Select->getTrueValue();
      } else {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    std::optional<ConstantRange> RangeA = rangeIf(*A, V, Holds, Depth + 1);
    std::optional<ConstantRange> RangeB = rangeIf(*B, V, Holds, Depth + 1);
    // Both hold (and taken, or not-or): each bounds V. One of them holds:
    // V is in either range, when both are known.
    if (IsAnd == Holds) {
      if (!RangeA)
        return RangeB;
      if (!RangeB)
        return RangeA;
      return RangeA->intersectWith(*RangeB);
    }
    if (RangeA && RangeB)
      return RangeA->unionWith(*RangeB);
    return std::nullopt;
  }

  /// The constants \p V equals wherever control enters \p Block: on each
  /// edge into it, the cases of a switch on \p V leading there, or the
  /// constant of an equality test on \p V; an edge with neither, the
  /// constants on the paths into its source. std::nullopt when a path
  /// tells nothing (or \p Budget blocks were looked at).
  static std::optional<std::vector<Origin>> constantsOnPathsTo(
      const Value &V, const BasicBlock &Block,
      DenseMap<const BasicBlock *, std::optional<std::vector<Origin>>> &Seen,
      unsigned &Budget) {
    if (auto It = Seen.find(&Block); It != Seen.end())
      return It->second;
    // A cycle, or above the value's definition: nothing to learn there.
    Seen[&Block] = std::nullopt;
    const auto *Definition = dyn_cast<Instruction>(&V);
    if (!Budget-- || pred_empty(&Block) ||
        (Definition && Definition->getParent() == &Block))
      return std::nullopt;
    std::vector<Origin> All;
    for (const BasicBlock *From : predecessors(&Block)) {
      if (neverTaken(*From, Block))
        continue;
      std::optional<std::vector<APInt>> OnEdge =
          constantsOnEdge(V, *From, Block);
      std::optional<std::vector<Origin>> Values;
      if (OnEdge)
        Values = originsOf(*OnEdge, edgeLocation(*From));
      else
        Values = constantsOnPathsTo(V, *From, Seen, Budget);
      if (!Values)
        return std::nullopt;
      All.insert(All.end(), Values->begin(), Values->end());
    }
    Seen[&Block] = All;
    return All;
  }

  static std::vector<Origin> originsOf(const std::vector<APInt> &Values,
                                       const DILocation *Where) {
    std::vector<Origin> Origins;
    for (const APInt &Value : Values)
      Origins.push_back(Origin{Value, Where, ""});
    return Origins;
  }

  /// The constants \p V equals on the edge \p From -> \p To, when the edge
  /// is a switch on \p V's cases or an equality test's matching side.
  static std::optional<std::vector<APInt>>
  constantsOnEdge(const Value &V, const BasicBlock &From,
                  const BasicBlock &To) {
    const Instruction *Terminator = From.getTerminator();
    if (const auto *Switch = dyn_cast<SwitchInst>(Terminator)) {
      if (Switch->getCondition() != &V || Switch->getDefaultDest() == &To)
        return std::nullopt;
      std::vector<APInt> Cases;
      for (const auto &Case : Switch->cases())
        if (Case.getCaseSuccessor() == &To)
          Cases.push_back(Case.getCaseValue()->getValue());
      return Cases;
    }
    if (const auto *Branch = dyn_cast<BranchInst>(Terminator))
      if (Branch->isConditional())
        if (const auto *Compare = dyn_cast<ICmpInst>(Branch->getCondition()))
          if (std::optional<APInt> Value =
                  equalityOnEdge(*Compare, *Branch, V, To))
            return std::vector<APInt>{*Value};
    return std::nullopt;
  }

  /// The constant \p V equals on the edge of \p Branch into \p To, when
  /// \p Compare tests it for (in)equality and only that edge leads there.
  static std::optional<APInt> equalityOnEdge(const ICmpInst &Compare,
                                             const BranchInst &Branch,
                                             const Value &V,
                                             const BasicBlock &To) {
    const Value *Other = nullptr;
    if (Compare.getOperand(0) == &V)
      Other = Compare.getOperand(1);
    else if (Compare.getOperand(1) == &V)
      Other = Compare.getOperand(0);
    const auto *Constant = dyn_cast_or_null<ConstantInt>(Other);
    if (!Constant || Branch.getSuccessor(0) == Branch.getSuccessor(1))
      return std::nullopt;
    bool TrueEdge = Branch.getSuccessor(0) == &To;
    bool FalseEdge = Branch.getSuccessor(1) == &To;
    if ((Compare.getPredicate() == ICmpInst::ICMP_EQ && TrueEdge) ||
        (Compare.getPredicate() == ICmpInst::ICMP_NE && FalseEdge))
      return Constant->getValue();
    return std::nullopt;
  }

  std::vector<Origin> valuesOf(const Value &V) {
    if (auto It = Memo.find(&V); It != Memo.end())
      return It->second;
    // A value on a cycle (a phi of a loop) adds nothing new to itself.
    if (!InProgress.insert(&V).second)
      return {};
    std::vector<Origin> Result = compute(V);
    InProgress.erase(&V);
    Memo[&V] = Result;
    return Result;
  }

  std::vector<Origin> compute(const Value &V) {
    if (const auto *Constant = dyn_cast<ConstantInt>(&V))
      return {Origin{Constant->getValue(), nullptr, ""}};
    if (V.getType()->isIntegerTy(1))
      // A truth value: 0 or 1, whatever decides it.
      return {Origin{APInt(1, 0), nullptr, ""},
              Origin{APInt(1, 1), nullptr, ""}};
    if (const auto *Phi = dyn_cast<PHINode>(&V)) {
      std::vector<Origin> All;
      for (unsigned I = 0; I < Phi->getNumIncomingValues(); ++I) {
        const BasicBlock &From = *Phi->getIncomingBlock(I);
        if (neverTaken(From, *Phi->getParent()))
          continue;
        std::vector<Origin> Values =
            valuesReaching(*Phi->getIncomingValue(I), From, Phi->getParent());
        for (Origin &O : Values)
          if (!O.Where)
            O.Where = edgeLocation(From);
        All.insert(All.end(), Values.begin(), Values.end());
      }
      return All;
    }
    if (const auto *Select = dyn_cast<SelectInst>(&V)) {
      std::vector<Origin> All = valuesOf(*Select->getTrueValue());
      std::vector<Origin> False = valuesOf(*Select->getFalseValue());
      All.insert(All.end(), False.begin(), False.end());
      for (Origin &O : All)
        if (!O.Where)
          O.Where = usefulLocation(*Select);
      return All;
    }
    if (const auto *Cast = dyn_cast<CastInst>(&V)) {
      unsigned Width = Cast->getType()->getIntegerBitWidth();
      std::vector<Origin> Values = valuesOf(*Cast->getOperand(0));
      for (Origin &O : Values) {
        if (!O.Value)
          continue;
        switch (Cast->getOpcode()) {
        case Instruction::Trunc:
          O.Value = O.Value->trunc(Width);
          break;
        case Instruction::ZExt:
          O.Value = O.Value->zext(Width);
          break;
        case Instruction::SExt:
          O.Value = O.Value->sext(Width);
          break;
        default:
          O.Value.reset();
          O.Detail = describeUnknown(V);
          break;
        }
      }
      return Values;
    }
    if (const auto *Freeze = dyn_cast<FreezeInst>(&V))
      return valuesOf(*Freeze->getOperand(0));
    if (&throughPassthrough(V) != &V)
      return valuesOf(throughPassthrough(V));
    if (const auto *Call = dyn_cast<CallBase>(&V)) {
      std::optional<uint64_t> Id = helperIdOf(*Call);
      if (Id && Call->getType()->isIntegerTy())
        if (std::optional<std::vector<int64_t>> Values =
                helperReturnValues(*Id, Type)) {
          unsigned Width = Call->getType()->getIntegerBitWidth();
          std::vector<Origin> Origins;
          for (int64_t Value : *Values)
            Origins.push_back(Origin{APInt(Width, Value, /*isSigned=*/true),
                                     usefulLocation(*Call), helperName(*Id)});
          return Origins;
        }
      const Function *Callee = Call->getCalledFunction();
      if (Callee && !Callee->isDeclaration() &&
          Callee->getReturnType() == Call->getType())
        return returnsOf(*Callee);
    }
    const auto *I = dyn_cast<Instruction>(&V);
    return {Origin{std::nullopt, I ? usefulLocation(*I) : nullptr,
                   describeUnknown(V)}};
  }

  ProgramType Type;
  DenseMap<const Value *, std::vector<Origin>> Memo;
  DenseSet<const Value *> InProgress;
  DenseSet<const Function *> InProgressFunctions;
  DenseMap<const Function *, std::unique_ptr<DominatorTree>> Dominators;
};

} // namespace

std::vector<ReturnedValue> returnValues(const Function &F, ProgramType Type) {
  Walker W(Type);
  std::vector<ReturnedValue> Values;
  unsigned Width = F.getReturnType()->isIntegerTy()
                       ? F.getReturnType()->getIntegerBitWidth()
                       : 0;
  if (!Width)
    return Values;
  for (const Origin &O : W.returnsOf(F)) {
    ReturnedValue R;
    R.Known = O.Value.has_value();
    if (R.Known)
      R.Value = O.Value->sextOrTrunc(Width).getSExtValue();
    R.Detail = O.Detail;
    R.Where = sourceChainOf(O.Where);
    Values.push_back(std::move(R));
  }
  return Values;
}

} // namespace bpftidy::audit
