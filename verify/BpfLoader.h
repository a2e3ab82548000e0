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

#include "verify/ObjectPrepass.h"
#include "verify/ProgramSections.h"
#include "verify/VerifierLog.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct bpf_map;
struct bpf_object;
struct bpf_program;

namespace bpftidy::verify {

struct LoadedProgram {
  bpf_program *Handle = nullptr;
  /// The C function's name.
  std::string Function;
  std::string Section;
  /// How reports name the program: its section, or its function when
  /// several programs share the section (Cilium's entry programs in "tc").
  std::string Name;
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
  LoadedObject(bpf_object *Object, PrepassResult Prepass)
      : Prepass(std::move(Prepass)), Object(Object) {}
  ~LoadedObject();
  LoadedObject(const LoadedObject &) = delete;
  LoadedObject &operator=(const LoadedObject &) = delete;

  bpf_object *object() const { return Object; }
  std::vector<LoadedProgram> Programs;
  /// What the ELF pre-pass changed; its MapIds name the legacy map ids.
  /// It also holds the image libbpf opened, which must outlive the object.
  const PrepassResult Prepass;

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
  /// The verifier's own reason, from the log.
  std::string Reason;
  std::optional<VerifierSourceLine> SourceLine;
};

/// The key Cilium's template programs sit at (TEMPLATE_LXC_ID):
/// handle_policy is "1/0xffff" but looked up at the endpoint's LXC_ID.
constexpr uint32_t TemplateEndpointId = 0xffff;
/// The global a test build keeps the endpoint's id in (ep_config.h).
constexpr const char *EndpointIdGlobal = "LXC_ID";

struct LoadOptions {
  std::vector<ProgramTypeOverride> TypeOverrides;
  PrepassOptions Prepass;
  /// Where maps asking to be pinned (LIBBPF_PIN_BY_NAME) are pinned; empty:
  /// nowhere, their pinning is cleared.
  std::string PinRoot;
  /// When set, the object as libbpf opens it (after the ELF pre-pass) is
  /// also written there.
  std::string PreparedObjectPath;
  /// Lines of the verifier log shown for a rejection.
  unsigned LogTailLines = 20;
  /// Legacy map id (iproute2's bpf_elf_map.id) -> map name: the program
  /// array a section "ID/KEY" names. Filled from the object's legacy map
  /// definitions or given with --map-id.
  std::map<uint32_t, std::string> LegacyMapIds;
  /// The endpoint id template slots (TemplateEndpointId) are also wired at;
  /// without it, the object's EndpointIdGlobal, if any.
  std::optional<uint32_t> EndpointId;
};

struct LoadResult {
  /// Null when loading failed. With Rejections, the object holds the
  /// programs the verifier accepted (loaded again without the others).
  std::unique_ptr<LoadedObject> Object;
  /// Why loading failed, in one line.
  std::string Error;
  /// libbpf's warnings while loading failed.
  std::string Messages;
  std::vector<ProgramRejection> Rejections;
};

LoadResult loadObject(llvm::StringRef Path, const LoadOptions &Options);

/// The program array \p Slot names in \p Loaded (as the loader wired it:
/// legacy ids, test-build decorations), checked to hold \p Slot's key.
llvm::Expected<bpf_map *> programArrayOf(const LoadedObject &Loaded,
                                         const TailCallSlot &Slot,
                                         const LoadOptions &Options);

} // namespace bpftidy::verify

#endif // BPF_TIDY_VERIFY_BPFLOADER_H
