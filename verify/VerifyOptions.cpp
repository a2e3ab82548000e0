//===- VerifyOptions.cpp - the command line of bpf-tidy verify ------------===//

#include "verify/VerifyOptions.h"

#include "verify/IntendedSites.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <thread>

using namespace llvm;

#ifndef BPF_TIDY_DEFAULT_CLANG
#define BPF_TIDY_DEFAULT_CLANG "/usr/lib/llvm-19/bin/clang"
#endif

namespace bpftidy::verify {

StringRef defaultClang() { return BPF_TIDY_DEFAULT_CLANG; }

static Error usage(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<VerifyOptions> parseVerifyOptions(ArrayRef<const char *> Args) {
  VerifyOptions O;
  O.Clang = defaultClang().str();
  bool Help = false, Probe = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    // Both "--flag value" and "--flag=value".
    StringRef Name = Arg, Inline;
    bool HasInline = false;
    if (Arg.starts_with("--") && Arg.contains('=')) {
      std::tie(Name, Inline) = Arg.split('=');
      HasInline = true;
    }
    auto Value = [&](std::string &Out) -> Error {
      if (HasInline) {
        Out = Inline.str();
      } else if (I + 1 < Args.size()) {
        Out = Args[++I];
      } else {
        return usage("'" + Name + "' needs a value");
      }
      if (Out.empty())
        return usage("'" + Name + "' needs a non-empty value");
      return Error::success();
    };
    auto Number = [&](unsigned &Out, unsigned Min) -> Error {
      std::string Text;
      if (Error E = Value(Text))
        return E;
      if (StringRef(Text).getAsInteger(10, Out) || Out < Min)
        return usage("'" + Name + "' needs a number >= " + Twine(Min) +
                     ", not '" + Text + "'");
      return Error::success();
    };
    auto Flag = [&]() -> Error {
      if (HasInline)
        return usage("'" + Name + "' takes no value");
      return Error::success();
    };

    Error E = Error::success();
    if (Name == "--help" || Name == "-h") {
      E = Flag();
      Help = true;
    } else if (Name == "--probe") {
      E = Flag();
      Probe = true;
    } else if (Name == "--verbose" || Name == "-v") {
      E = Flag();
      O.Verbose = true;
    } else if (Name == "--configs") {
      E = Value(O.Configs);
    } else if (Name == "--before") {
      E = Value(O.Before);
    } else if (Name == "--after") {
      E = Value(O.After);
    } else if (Name == "--sites") {
      E = Value(O.Sites);
    } else if (Name == "--out") {
      E = Value(O.OutDir);
    } else if (Name == "--json") {
      E = Value(O.JsonFile);
    } else if (Name == "--clang") {
      E = Value(O.Clang);
    } else if (Name == "--jobs" || Name == "-j") {
      E = Number(O.Jobs, 1);
    } else if (Name == "--log-lines") {
      E = Number(O.LogLines, 1);
    } else if (Name == "--fixed-kinds") {
      std::string List;
      E = Value(List);
      if (!E) {
        SmallVector<StringRef, 4> Kinds;
        StringRef(List).split(Kinds, ',', -1, /*KeepEmpty=*/false);
        for (StringRef Kind : Kinds) {
          Kind = Kind.trim();
          if (!is_contained(knownSiteKinds(), Kind)) {
            E = usage("--fixed-kinds: unknown kind '" + Kind +
                      "' (known: literal, propagated, inline-callee, entry)");
            break;
          }
          O.FixedKinds.push_back(Kind.str());
        }
      }
    } else if (Name == "--prog-type") {
      std::string Spec;
      E = Value(Spec);
      if (!E) {
        Expected<ProgramTypeOverride> Override = parseProgramTypeOverride(Spec);
        if (Override)
          O.TypeOverrides.push_back(*Override);
        else
          E = Override.takeError();
      }
    } else if (Arg.starts_with("-")) {
      E = usage("unknown option '" + Arg + "'");
    } else {
      E = usage("unexpected argument '" + Arg +
                "' (files are given with --configs, --before, --after)");
    }
    if (E)
      return E;
  }

  if (O.Jobs == 0)
    O.Jobs = std::max(1u, std::thread::hardware_concurrency());
  if (Help) {
    O.RunMode = VerifyOptions::Mode::Help;
    return O;
  }
  bool Differential = !O.Before.empty() || !O.After.empty();
  if (Probe) {
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
    if (O.Sites.empty())
      return usage("differential mode needs --sites");
    O.RunMode = VerifyOptions::Mode::Differential;
    return O;
  }
  if (O.Configs.empty())
    return usage("nothing to do: give --configs, --before/--after or --probe");
  if (!O.FixedKinds.empty())
    return usage("--fixed-kinds applies to differential mode only");
  O.RunMode = VerifyOptions::Mode::Single;
  return O;
}

void printVerifyHelp(raw_ostream &OS, StringRef ToolName) {
  OS << "USAGE:\n"
     << "  " << ToolName << " --probe\n"
     << "  " << ToolName
     << " --configs LIST.configs [--sites sites.json] [options]\n"
     << "  " << ToolName
     << " --before LIST1.configs --after LIST2.configs --sites sites.json\n"
     << "      [--fixed-kinds KIND,...] [options]\n"
     << R"(
Builds every configuration of a BPF datapath with clang, loads every program
through the kernel verifier with libbpf, and runs a generated packet corpus
through every entry program with BPF_PROG_TEST_RUN. With --before/--after it
proves that each intended bare drop site now returns the drop verdict with
exactly one drop event, and that nothing else changed.

MODES:
  --probe               Load a trivial tc BPF program and exit: 0 if it loads,
                        77 without privilege (EPERM/EACCES), 1 otherwise.
  --configs FILE        One tree: build, load, run; print every verdict and
                        highlight bare drops (negative verdict, no event).
  --before FILE         Differential: configuration list of the original tree.
  --after FILE          Differential: configuration list of the fixed tree
                        (same configuration names).

OPTIONS:
  --sites FILE          Intended sites (docs/formats.md section 2). Their
                        packets join the corpus; required with --before.
  --fixed-kinds LIST    Comma-separated site kinds the tool fixes today
                        (literal, propagated, inline-callee, entry; default:
                        all). A site of another kind still bare after is
                        "not fixed by the tool yet", never proven.
  --out DIR             Build objects into DIR (DIR/<config>/<stem>.o, or
                        DIR/before/... and DIR/after/...) and keep them.
                        Default: a temporary directory, removed at exit.
  --json FILE           Also write the machine-readable report to FILE
                        ("-" for stdout).
  --clang PATH          Compiler for the BPF objects (default: )"
     << defaultClang() << R"().
  --prog-type RE=TYPE   Programs whose whole section name matches the regex
                        RE get TYPE (sched_cls or tc, sched_act, xdp, ...).
                        Repeatable; first match wins. Without it, sections
                        libbpf does not know become xdp if they start with
                        "xdp", else sched_cls; tail calls take the type of
                        the entry programs.
  --jobs N, -j N        Compile up to N objects at once (default: CPUs).
  --log-lines N         Verifier log lines shown for a rejection (default 20).
  --verbose, -v         Echo libbpf's messages, debug ones included.
  --help, -h            Show this help.

EXIT CODES:
  0   every site proven or not fixed yet, and nothing else changed (single
      mode: everything built, loaded and ran, every given site reached)
  1   a build failure, verifier rejection, test-run or differential failure,
      or an unverified site; also no privilege when CI=true
  2   usage error or bad input file
  77  no privilege to load BPF (the build still ran; loading was skipped)
)";
}

} // namespace bpftidy::verify
