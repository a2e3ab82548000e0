//===- VerifyOptions.cpp - the command line of bpf-tidy verify ------------===//

#include "verify/VerifyOptions.h"

#include "support/CommandLineErrors.h"
#include "tailcalls/TailCallSlot.h"
#include "verify/IntendedSites.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cassert>
#include <thread>

using namespace llvm;

#ifndef BPF_TIDY_DEFAULT_CLANG
#define BPF_TIDY_DEFAULT_CLANG "/usr/lib/llvm-19/bin/clang"
#endif

namespace bpftidy::verify {

StringRef defaultClang() { return BPF_TIDY_DEFAULT_CLANG; }

cl::SubCommand &verifySubCommand() {
  static cl::SubCommand Verify(
      "verify", "Build, load and run a BPF datapath; prove the fixed sites");
  return Verify;
}

// The first line follows "OVERVIEW: " in --help.
static const char Overview[] =
    R"(Builds every configuration of a BPF datapath with clang,
loads every program through the kernel verifier with libbpf, and runs a
generated packet corpus through every entry program with BPF_PROG_TEST_RUN.
With --before/--after it proves that each intended bare drop site now
returns the drop verdict with exactly one drop event, and that nothing else
changed.

  bpf-tidy verify --probe
  bpf-tidy verify --configs LIST.configs [--sites sites.json] [options]
  bpf-tidy verify --before LIST1.configs --after LIST2.configs
                  [--sites sites.json] [--fixed-sites fixed.json]
                  [--fixed-kinds KIND,...] [options]

bpf-tidy-verify is the same command on its own (it links no Clang).

Modes: --probe loads a trivial tc program and exits (0 it loads, 77 no
privilege (1 under CI=true), 1 otherwise); --configs runs one tree and
prints every verdict, highlighting bare drops (negative verdict, no event);
--before and --after compare the original and the fixed tree (same
configuration names).

Exit codes:
  0   every site proven or not fixed yet, and nothing else changed (single
      mode: everything built, loaded and ran, every given site reached)
  1   a build failure, verifier rejection, test-run or differential failure,
      or an unverified site; also no privilege when CI=true
  2   usage error or bad input file
  77  no privilege to load BPF (the build still ran; loading was skipped)
)";

static StringRef clangHelp() {
  static const std::string Help =
      ("Compiler for the BPF objects (default: " + defaultClang() + ")").str();
  return Help;
}

namespace {
/// The options, registered once under one subcommand (the top level for
/// bpf-tidy-verify).
struct VerifyFlags {
  explicit VerifyFlags(cl::SubCommand &Sub);

  cl::SubCommand &Sub;
  cl::OptionCategory Category{"verify options"};
  cl::opt<bool> Probe;
  cl::opt<std::string> Configs, Before, After, Sites, FixedSites, OutDir,
      JsonFile, Clang, Profile;
  cl::list<std::string> FixedKinds, TypeOverrides, LegacyMapIds;
  cl::opt<std::string> EndpointId;
  cl::opt<unsigned> Jobs, LogLines;
  cl::alias JobsShort;
  cl::opt<bool> Verbose;
  cl::alias VerboseShort;
  cl::list<std::string> Constants;
  cl::opt<bool> PinMaps;
  /// Not an option: named so that a stray file gets a helpful message.
  cl::list<std::string> Stray;
};
} // namespace

VerifyFlags::VerifyFlags(cl::SubCommand &Sub)
    : Sub(Sub),
      Probe("probe",
            cl::desc("Load a trivial tc BPF program and exit: 0 if it loads,\n"
                     "77 without privilege (EPERM/EACCES; 1 under CI=true),\n"
                     "1 otherwise"),
            cl::sub(Sub), cl::cat(Category)),
      Configs("configs",
              cl::desc("One tree: build, load, run; print every verdict and\n"
                       "highlight bare drops (negative verdict, no event)"),
              cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)),
      Before("before",
             cl::desc("Differential: configuration list of the original tree"),
             cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)),
      After("after",
            cl::desc("Differential: configuration list of the fixed tree\n"
                     "(same configuration names)"),
            cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)),
      Sites("sites",
            cl::desc("Intended sites (docs/formats.md section 2). Their\n"
                     "packets join the corpus; required with --before"),
            cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)),
      FixedSites(
          "fixed-sites",
          cl::desc("Where the fix wrote each notification (file, lines,\n"
                   "reason, direction; docs/formats.md section 6). Every\n"
                   "drop notified after the fix whose packet was a bare\n"
                   "drop before (or a missed tail call nothing notified)\n"
                   "is attributed to one by the event's file id and line\n"
                   "and must carry its reason and direction"),
          cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)),
      OutDir("out",
             cl::desc("Build objects into DIR (DIR/<config>/<stem>.o, or\n"
                      "DIR/before/... and DIR/after/...) and keep them.\n"
                      "Default: a temporary directory, removed at exit"),
             cl::value_desc("dir"), cl::sub(Sub), cl::cat(Category)),
      JsonFile("json",
               cl::desc("Also write the machine-readable report to FILE\n"
                        "(\"-\" for stdout)"),
               cl::value_desc("file"), cl::sub(Sub), cl::cat(Category)),
      Clang("clang", cl::desc(clangHelp()), cl::value_desc("path"),
            cl::init(defaultClang().str()), cl::sub(Sub), cl::cat(Category)),
      Profile("profile",
              cl::desc("Where the datapath reports drops and how to read\n"
                       "them: a built-in profile (cilium, sample) or a JSON\n"
                       "file (docs/formats.md section 5). Default: detected\n"
                       "from each object's maps"),
              cl::value_desc("name|file"), cl::sub(Sub), cl::cat(Category)),
      FixedKinds("fixed-kinds",
                 cl::desc("Comma-separated site kinds the tool fixes today\n"
                          "(literal, propagated, inline-callee, entry,\n"
                          "missed-tail-call; default: all). A site of another\n"
                          "kind still unnotified after is \"not fixed by the\n"
                          "tool yet\", never proven"),
                 cl::value_desc("kind,..."), cl::CommaSeparated, cl::sub(Sub),
                 cl::cat(Category)),
      TypeOverrides(
          "prog-type",
          cl::desc("Programs whose whole section name matches the regex RE\n"
                   "get TYPE (sched_cls or tc, sched_act, xdp, ...).\n"
                   "Repeatable; first match wins. Without it, sections\n"
                   "libbpf does not know become xdp if they start with\n"
                   "\"xdp\", else sched_cls; tail calls take the type of\n"
                   "the entry programs"),
          cl::value_desc("re=type"), cl::sub(Sub), cl::cat(Category)),
      LegacyMapIds(
          "map-id",
          cl::desc("Sections \"ID/KEY\" name their program array by its\n"
                   "legacy id (iproute2's bpf_elf_map.id): ID is the map\n"
                   "NAME (with or without a test build's \"test_\" prefix\n"
                   "and \"_65535\" suffix). Repeatable. Without it, an ID\n"
                   "is the object's only program array"),
          cl::value_desc("id=name"), cl::sub(Sub), cl::cat(Category)),
      EndpointId(
          "endpoint-id",
          cl::desc("The endpoint's id (decimal or 0x hex): a tail call in a\n"
                   "template slot (key 0xffff, Cilium's TEMPLATE_LXC_ID) is\n"
                   "also wired at this key, where the datapath looks it\n"
                   "up. Default: the object's LXC_ID global (0x2A in\n"
                   "Cilium's ep_config.h), else no re-keying"),
          cl::value_desc("n"), cl::sub(Sub), cl::cat(Category)),
      Jobs("jobs",
           cl::desc("Compile up to N objects at once (default: CPUs);\n"
                    "also -j N"),
           cl::value_desc("n"), cl::sub(Sub), cl::cat(Category)),
      LogLines(
          "log-lines", cl::desc("Verifier log lines shown for a rejection"),
          cl::value_desc("n"), cl::init(20), cl::sub(Sub), cl::cat(Category)),
      JobsShort("j", cl::desc("Alias for --jobs"), cl::aliasopt(Jobs),
                cl::cat(Category)),
      Verbose("verbose",
              cl::desc("Echo libbpf's messages, debug ones included;\n"
                       "also -v"),
              cl::sub(Sub), cl::cat(Category)),
      VerboseShort("v", cl::desc("Alias for --verbose"), cl::aliasopt(Verbose),
                   cl::cat(Category)),
      Constants("set-constant",
                cl::desc("Load CONFIG()-style constant NAME (with or without\n"
                         "its __config_ prefix) as VALUE (decimal or 0x-hex)\n"
                         "instead of its initial value in .rodata.config.\n"
                         "Repeatable. See docs/real-datapaths.md"),
                cl::value_desc("name=value"), cl::sub(Sub), cl::cat(Category)),
      PinMaps("pin-maps",
              cl::desc("Pin the maps that ask for it (LIBBPF_PIN_BY_NAME) in\n"
                       "a private bpffs mounted in a temporary directory for\n"
                       "the run (each object its own directory). Default: no\n"
                       "map is pinned; nothing outside the run is touched"),
              cl::sub(Sub), cl::cat(Category)),
      Stray(cl::Positional, cl::ReallyHidden, cl::sub(Sub), cl::cat(Category)) {
  cl::HideUnrelatedOptions(Category, Sub);
}

static VerifyFlags &flagsFor(cl::SubCommand &Sub) {
  static VerifyFlags Flags(Sub);
  assert(&Flags.Sub == &Sub && "verify's options live under one subcommand");
  return Flags;
}

static Error usage(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<VerifyOptions> parseVerifyOptions(ArrayRef<const char *> Argv,
                                           cl::SubCommand &Sub) {
  VerifyFlags &F = flagsFor(Sub);
  if (Error E = parseCommandLine(Argv, Overview, Sub))
    return std::move(E);
  if (!F.Stray.empty())
    return usage("unexpected argument '" + F.Stray.front() +
                 "' (files are given with --configs, --before, --after)");

  VerifyOptions O;
  for (cl::opt<std::string> *Text :
       {&F.Configs, &F.Before, &F.After, &F.Sites, &F.FixedSites, &F.OutDir,
        &F.JsonFile, &F.Clang, &F.Profile})
    if (Text->getNumOccurrences() && Text->empty())
      return usage("'--" + Text->ArgStr + "' needs a non-empty value");
  O.Configs = F.Configs;
  O.Before = F.Before;
  O.After = F.After;
  O.Sites = F.Sites;
  O.FixedSites = F.FixedSites;
  O.OutDir = F.OutDir;
  O.JsonFile = F.JsonFile;
  O.Clang = F.Clang;
  O.Profile = F.Profile;
  O.Verbose = F.Verbose;
  for (cl::opt<unsigned> *Number : {&F.Jobs, &F.LogLines})
    if (Number->getNumOccurrences() && *Number < 1)
      return usage("'--" + Number->ArgStr + "' needs a number >= 1, not '" +
                   Twine(unsigned(*Number)) + "'");
  O.LogLines = F.LogLines;
  O.Jobs = F.Jobs ? unsigned(F.Jobs)
                  : std::max(1u, std::thread::hardware_concurrency());
  for (const std::string &Kind : F.FixedKinds) {
    StringRef Trimmed = StringRef(Kind).trim();
    if (Trimmed.empty())
      continue;
    if (!is_contained(knownSiteKinds(), Trimmed))
      return usage("--fixed-kinds: unknown kind '" + Trimmed +
                   "' (known: " + join(knownSiteKinds(), ", ") + ")");
    O.FixedKinds.push_back(Trimmed.str());
  }
  for (const std::string &Spec : F.Constants) {
    auto Constant = parseAgentConstant(Spec);
    if (!Constant)
      return usage("--set-constant: " + toString(Constant.takeError()));
    O.Constants[Constant->first] = Constant->second;
  }
  O.PinMaps = F.PinMaps;
  for (const std::string &Spec : F.TypeOverrides) {
    Expected<ProgramTypeOverride> Override = parseProgramTypeOverride(Spec);
    if (!Override)
      return Override.takeError();
    O.TypeOverrides.push_back(*Override);
  }

  for (const std::string &Spec : F.LegacyMapIds) {
    auto [IdText, Name] = StringRef(Spec).split('=');
    uint32_t Id;
    if (Name.empty() || IdText.getAsInteger(10, Id))
      return usage("--map-id '" + Spec + "': expected ID=NAME (ID decimal)");
    O.LegacyMapIds[Id] = Name.str();
  }
  if (F.EndpointId.getNumOccurrences()) {
    O.EndpointId = tailcalls::parseSlotKey(F.EndpointId);
    if (!O.EndpointId)
      return usage("--endpoint-id '" + F.EndpointId +
                   "': expected a number (decimal or 0x hex)");
  }

  bool Differential = !O.Before.empty() || !O.After.empty();
  if (F.Probe) {
    if (!O.Configs.empty() || Differential)
      return usage("--probe takes no --configs, --before or --after");
    O.RunMode = VerifyOptions::Mode::Probe;
    return O;
  }
  if (!O.Configs.empty() && Differential)
    return usage("give either --configs (one tree) or --before and --after "
                 "(two trees), not both");
  if (Differential) {
    if (O.Before.empty() || O.After.empty())
      return usage("differential mode needs both --before and --after");
    if (O.Sites.empty() && O.FixedSites.empty())
      return usage("differential mode needs --sites or --fixed-sites");
    O.RunMode = VerifyOptions::Mode::Differential;
    return O;
  }
  if (O.Configs.empty())
    return usage("nothing to do: give --configs, --before/--after or --probe");
  if (!O.FixedKinds.empty())
    return usage("--fixed-kinds applies to differential mode only");
  if (!O.FixedSites.empty())
    return usage("--fixed-sites applies to differential mode only");
  O.RunMode = VerifyOptions::Mode::Single;
  return O;
}

} // namespace bpftidy::verify
