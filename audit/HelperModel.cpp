//===- HelperModel.cpp ----------------------------------------------------===//

#include "audit/HelperModel.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Operator.h"
#include <linux/bpf.h>
#include <linux/pkt_cls.h>

namespace bpftidy::audit {

std::optional<uint64_t> helperIdOf(const llvm::CallBase &Call) {
  const llvm::Value *Callee = Call.getCalledOperand();
  const auto *Cast = llvm::dyn_cast<llvm::Operator>(Callee);
  if (!Cast || Cast->getOpcode() != llvm::Instruction::IntToPtr)
    return std::nullopt;
  const auto *Id = llvm::dyn_cast<llvm::ConstantInt>(Cast->getOperand(0));
  if (!Id)
    return std::nullopt;
  return Id->getZExtValue();
}

std::string helperName(uint64_t Id) {
#define BPF_TIDY_HELPER_NAME(x) "bpf_" #x
  static const char *const Names[] = {__BPF_FUNC_MAPPER(BPF_TIDY_HELPER_NAME)};
#undef BPF_TIDY_HELPER_NAME
  if (Id > 0 && Id < sizeof(Names) / sizeof(Names[0]))
    return Names[Id];
  return "helper " + std::to_string(Id);
}

std::optional<std::vector<int64_t>> helperReturnValues(uint64_t Id,
                                                       ProgramType Type) {
  switch (Id) {
  case BPF_FUNC_redirect:
    // The redirect, or a drop for flags it does not know.
    if (Type == ProgramType::Xdp)
      return std::vector<int64_t>{XDP_ABORTED, XDP_REDIRECT};
    return std::vector<int64_t>{TC_ACT_SHOT, TC_ACT_REDIRECT};
  case BPF_FUNC_redirect_neigh:
  case BPF_FUNC_redirect_peer:
    return std::vector<int64_t>{TC_ACT_SHOT, TC_ACT_REDIRECT};
  case BPF_FUNC_redirect_map:
    // XDP_REDIRECT, or the flags' low bits: the XDP action the caller
    // chose for a missing entry. An XDP helper only.
    if (Type == ProgramType::Xdp)
      return std::vector<int64_t>{XDP_ABORTED, XDP_DROP, XDP_PASS, XDP_TX,
                                  XDP_REDIRECT};
    return std::nullopt;
  default:
    return std::nullopt;
  }
}

} // namespace bpftidy::audit
