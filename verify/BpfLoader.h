//===- BpfLoader.h - open, type, load and wire a BPF object -----*- C++ -*-===//
//
// Opens an object with libbpf, gives a type to the programs whose section
// libbpf does not know (ProgramSections), loads every program through the
// kernel verifier with statistics on, and fills the program array from the
// declared tail-call slots. When the verifier rejects a program, each one
// is loaded alone again with the full log to name the program, the log's
// last lines and the source line it stopped at.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_BPFLOADER_H
#define BPF_TIDY_VERIFY_BPFLOADER_H

#include "verify/ProgramSections.h"
#include "verify/VerifierLog.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct bpf_object;
struct bpf_program;

namespace bpftidy::verify {

struct LoadedProgram {
  bpf_program *Handle = nullptr;
  /// The C function's name.
  std::string Function;
  std::string Section;
  bpf_prog_type Type = BPF_PROG_TYPE_UNSPEC;
  /// Set for tail calls (from the section name or a "tail:" decl tag).
  std::optional<TailCallSlot> Slot;
  int Fd = -1;
  VerifierCost Cost;

  bool isEntry() const { return !Slot; }
};

/// A loaded object; closing it unloads its programs and maps.
class LoadedObject {
public:
  explicit LoadedObject(bpf_object *Object) : Object(Object) {}
  ~LoadedObject();
  LoadedObject(const LoadedObject &) = delete;
  LoadedObject &operator=(const LoadedObject &) = delete;

  bpf_object *object() const { return Object; }
  std::vector<LoadedProgram> Programs;

private:
  bpf_object *Object;
};

/// A program the verifier rejected.
struct ProgramRejection {
  std::string Function;
  std::string Section;
  /// The kernel's error, as a positive errno.
  int Errno = 0;
  /// The last lines of the verifier log.
  std::string LogTail;
  std::optional<VerifierSourceLine> SourceLine;
};

struct LoadOptions {
  std::vector<ProgramTypeOverride> TypeOverrides;
  /// Lines of the verifier log shown for a rejection.
  unsigned LogTailLines = 20;
};

struct LoadResult {
  /// Null when loading failed.
  std::unique_ptr<LoadedObject> Object;
  /// Why loading failed, in one line.
  std::string Error;
  /// libbpf's warnings while loading failed.
  std::string Messages;
  std::vector<ProgramRejection> Rejections;
};

LoadResult loadObject(llvm::StringRef Path, const LoadOptions &Options);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_BPFLOADER_H
