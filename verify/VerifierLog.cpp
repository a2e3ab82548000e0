//===- VerifierLog.cpp - reading the kernel verifier's log ----------------===//

#include "verify/VerifierLog.h"

#include "llvm/ADT/SmallVector.h"
#include <vector>

using namespace llvm;

namespace bpftidy::verify {

/// The number after "Key " in \p Line, if present.
static std::optional<uint64_t> numberAfter(StringRef Line, StringRef Key) {
  size_t At = Line.find(Key);
  if (At == StringRef::npos)
    return std::nullopt;
  StringRef Rest = Line.drop_front(At + Key.size()).ltrim();
  uint64_t N;
  if (Rest.consumeInteger(10, N))
    return std::nullopt;
  return N;
}

VerifierCost parseVerifierCost(StringRef Log) {
  VerifierCost Cost;
  SmallVector<StringRef, 0> Lines;
  Log.split(Lines, '\n');
  for (StringRef Line : Lines) {
    if (Line.starts_with("processed ") && Line.contains(" insns")) {
      if (std::optional<uint64_t> N = numberAfter(Line, "processed"))
        Cost.InstructionsProcessed = *N;
      Cost.MaxStatesPerInstruction =
          numberAfter(Line, "max_states_per_insn").value_or(0);
      Cost.TotalStates = numberAfter(Line, "total_states").value_or(0);
      Cost.PeakStates = numberAfter(Line, "peak_states").value_or(0);
      Cost.Known = true;
    } else if (Line.starts_with("verification time")) {
      Cost.VerificationTimeUsec =
          numberAfter(Line, "verification time").value_or(0);
    }
  }
  return Cost;
}

std::string lastLogLines(StringRef Log, unsigned Count) {
  SmallVector<StringRef, 0> Lines;
  Log.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  size_t From = Lines.size() > Count ? Lines.size() - Count : 0;
  std::string Out;
  for (size_t I = From; I < Lines.size(); ++I) {
    Out += Lines[I].rtrim().str();
    Out += '\n';
  }
  return Out;
}

std::string verifierReason(StringRef Log) {
  SmallVector<StringRef, 0> Lines;
  Log.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  // The reason is the run of message lines after the last instruction
  // ("12: (61) r1 = *(u32 *)(r2 +64)") or state ("12: R1=..."), before the
  // statistics ("processed N insns ...").
  std::vector<StringRef> Reason;
  for (auto It = Lines.rbegin(); It != Lines.rend(); ++It) {
    StringRef Line = It->trim();
    if (Line.empty() || Line.starts_with("processed ") ||
        Line.starts_with("verification time") ||
        Line.starts_with("stack depth"))
      continue;
    StringRef Rest = Line.ltrim("0123456789");
    if (Line.starts_with(";") ||
        (Rest.size() < Line.size() && Rest.starts_with(":")))
      break;
    Reason.insert(Reason.begin(), Line);
  }
  std::string Text;
  for (StringRef Line : Reason)
    Text += (Text.empty() ? "" : "; ") + Line.str();
  return Text;
}

std::optional<VerifierSourceLine> lastSourceLine(StringRef Log) {
  SmallVector<StringRef, 0> Lines;
  Log.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (auto It = Lines.rbegin(); It != Lines.rend(); ++It) {
    StringRef Line = It->trim();
    if (!Line.consume_front(";"))
      continue;
    size_t At = Line.rfind(" @ ");
    if (At == StringRef::npos)
      continue;
    StringRef Where = Line.drop_front(At + 3).trim();
    size_t Colon = Where.rfind(':');
    unsigned LineNo;
    if (Colon == StringRef::npos ||
        Where.drop_front(Colon + 1).getAsInteger(10, LineNo))
      continue;
    return VerifierSourceLine{Where.take_front(Colon).str(), LineNo,
                              Line.take_front(At).trim().str()};
  }
  return std::nullopt;
}

} // namespace bpftidy::verify
