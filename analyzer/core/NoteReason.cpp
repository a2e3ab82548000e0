//===- NoteReason.cpp -----------------------------------------------------===//

#include "analyzer/core/NoteReason.h"

namespace bpftidy {

llvm::StringRef noteReasonName(NoteReason Reason) {
  switch (Reason) {
  case NoteReason::Explanation:
    return "explanation";
  case NoteReason::FixDetail:
    return "fix-detail";
  case NoteReason::FixEffect:
    return "fix-effect";
  case NoteReason::NoFix:
    return "no-fix";
  case NoteReason::KernelReturn:
    return "kernel-return";
  case NoteReason::Configurations:
    return "configurations";
  }
  return "explanation";
}

static thread_local std::vector<NoteTag> *CurrentSink = nullptr;

void setNoteTagSink(std::vector<NoteTag> *Sink) { CurrentSink = Sink; }

bool noteTagsWanted() { return CurrentSink != nullptr; }

void recordNoteTag(NoteTag Tag) {
  if (CurrentSink)
    CurrentSink->push_back(std::move(Tag));
}

} // namespace bpftidy
