//===- Programs.cpp -------------------------------------------------------===//

#include "audit/Programs.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <optional>

namespace bpftidy::audit {

/// The btf_decl_tag values of \p F: annotations !{!"btf_decl_tag", !"..."}
/// on its DISubprogram.
static std::vector<std::string> declTags(const llvm::Function &F) {
  std::vector<std::string> Tags;
  const llvm::DISubprogram *Subprogram = F.getSubprogram();
  if (!Subprogram || !Subprogram->getAnnotations())
    return Tags;
  for (const llvm::MDOperand &Operand :
       Subprogram->getAnnotations()->operands()) {
    const auto *Pair = llvm::dyn_cast<llvm::MDTuple>(Operand.get());
    if (!Pair || Pair->getNumOperands() != 2)
      continue;
    const auto *Key = llvm::dyn_cast<llvm::MDString>(Pair->getOperand(0));
    const auto *Value = llvm::dyn_cast<llvm::MDString>(Pair->getOperand(1));
    if (Key && Value && Key->getString() == "btf_decl_tag")
      Tags.push_back(Value->getString().str());
  }
  return Tags;
}

/// The type an entry program's section names.
static ProgramType typeOfSection(llvm::StringRef Section) {
  if (Section.starts_with("xdp"))
    return ProgramType::Xdp;
  for (llvm::StringRef Other :
       {"socket", "sk_skb", "sk_msg", "sk_lookup", "sk_reuseport", "cgroup",
        "flow_dissector", "lwt_", "sockops", "netfilter"})
    if (Section.starts_with(Other))
      return ProgramType::Other;
  return ProgramType::Tc;
}

std::vector<Program> findPrograms(const llvm::Module &Module,
                                  const ProgramClassifier &Classifier) {
  std::vector<Program> Programs;
  for (const llvm::Function &F : Module) {
    if (F.isDeclaration())
      continue;
    ProgramInfo Info = Classifier.classify(
        F.hasSection() ? F.getSection() : llvm::StringRef(), declTags(F));
    if (!Info.isProgram())
      continue;
    Program P;
    P.Function = &F;
    P.Name = F.getName().str();
    P.Info = std::move(Info);
    Programs.push_back(std::move(P));
  }

  // Entry programs by their section; tail calls take the entry programs'
  // type when they agree (an XDP datapath's tail calls are XDP programs).
  std::optional<ProgramType> EntryType;
  bool EntryTypesAgree = true;
  for (Program &P : Programs) {
    if (P.Info.Kind != ProgramKind::EntryProgram)
      continue;
    P.Type = typeOfSection(P.Info.Section);
    if (EntryType && *EntryType != P.Type)
      EntryTypesAgree = false;
    EntryType = P.Type;
  }
  for (Program &P : Programs)
    if (P.Info.Kind == ProgramKind::TailCall)
      P.Type = EntryType && EntryTypesAgree ? *EntryType : ProgramType::Tc;
  return Programs;
}

const char *programTypeName(ProgramType Type) {
  switch (Type) {
  case ProgramType::Tc:
    return "tc";
  case ProgramType::Xdp:
    return "xdp";
  case ProgramType::Other:
    break;
  }
  return "other";
}

bool isValidVerdict(ProgramType Type, int64_t Value) {
  switch (Type) {
  case ProgramType::Tc:
    return Value >= TC_ACT_UNSPEC && Value <= TC_ACT_TRAP;
  case ProgramType::Xdp:
    return Value >= XDP_ABORTED && Value <= XDP_REDIRECT;
  case ProgramType::Other:
    break;
  }
  return Value >= -1;
}

} // namespace bpftidy::audit
