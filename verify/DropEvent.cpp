//===- DropEvent.cpp - one notified drop ----------------------------------===//

#include "verify/DropEvent.h"

#include "llvm/Support/Endian.h"

using namespace llvm;

namespace bpftidy::verify {

std::string DropEvent::describe() const {
  return "reason " + std::to_string(Reason) + " dir " +
         std::to_string(Direction) + " exit " + std::to_string(ExitCode) +
         " file " + std::to_string(SourceFile) + " line " +
         std::to_string(SourceLine) + " identity " +
         std::to_string(SourceIdentity);
}

std::optional<DropEvent> decodeDropEvent(ArrayRef<uint8_t> Record) {
  if (Record.size() < DropEventSize - 2) // padding may be cut
    return std::nullopt;
  auto Word = [&](size_t At) {
    return support::endian::read32le(Record.data() + At);
  };
  DropEvent E;
  E.Reason = static_cast<int32_t>(Word(0));
  E.SourceLine = Word(4);
  E.SourceFile = Word(8);
  E.SourceIdentity = Word(12);
  E.Direction = Record[16];
  E.ExitCode = Record[17];
  return E;
}

} // namespace bpftidy::verify
