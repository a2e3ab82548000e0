//===- DropEvent.cpp - one notified drop ----------------------------------===//

#include "verify/DropEvent.h"

namespace bpftidy::verify {

std::string DropEvent::describe() const {
  return "reason " + std::to_string(Reason) + " dir " +
         std::to_string(Direction) + " exit " + std::to_string(ExitCode) +
         " file " + std::to_string(SourceFile) + " line " +
         std::to_string(SourceLine) + " identity " +
         std::to_string(SourceIdentity);
}

} // namespace bpftidy::verify
