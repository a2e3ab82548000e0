//===- DwarfLayouts.h - record layouts and enumerators from DWARF -*- C++ -*-=//
//
// A notification record that is only a local variable (Cilium's
// struct drop_notify, filled and handed to perf_event_output as bytes) has
// no BTF type; the object's DWARF (built with -g) still describes it. Read
// with LLVM's DWARF reader.
//
//===----------------------------------------------------------------------===//

#ifndef BPF_TIDY_VERIFY_DWARFLAYOUTS_H
#define BPF_TIDY_VERIFY_DWARFLAYOUTS_H

#include "verify/RecordLayout.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>

namespace llvm {
class DWARFContext;
class MemoryBuffer;
namespace object {
class ObjectFile;
}
} // namespace llvm

namespace bpftidy::verify {

/// The DWARF of one object file, opened once and asked by name.
class DwarfTypes {
public:
  /// Opens \p ObjectPath; an object without DWARF answers nothing.
  static llvm::Expected<std::unique_ptr<DwarfTypes>>
  open(llvm::StringRef ObjectPath);
  ~DwarfTypes();

  /// The first complete struct or union definition named \p Name.
  std::optional<RecordLayout> record(llvm::StringRef Name) const;
  /// The value of the enumerator \p Name.
  std::optional<int64_t> enumerator(llvm::StringRef Name) const;

private:
  DwarfTypes() = default;
  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  std::unique_ptr<llvm::object::ObjectFile> Object;
  std::unique_ptr<llvm::DWARFContext> Context;
};

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_DWARFLAYOUTS_H
