#!/usr/bin/env python3
"""Time bpf-tidy against clang-19's own parse, side by side, on a generated
datapath (bench/gen-datapath.py): same files, same flags, one run.

Measured, each repeated --runs times (runs interleaved, so that load from
other users of the machine hits every measurement alike):

  startup     clang-19 --version, bpf-tidy --version, bpf-tidy --list-checks
  parse       clang-19 -target bpf -fsyntax-only, one process per config
  analyze     bpf-tidy FILE -- <flags>, one process per configuration
  all-j2      bpf-tidy --configs LIST -jJOBS, every configuration, one process
  clang-tidy  clang-tidy-19 --load=BpfTidyModule.so, one configuration

For each: wall time (median, min), CPU time (user+sys) and peak RSS (the
kernel's ru_maxrss of the process, from wait4(): the figure GNU time
prints as %M). Prints a table and the issue's ratios, writes everything to
OUT/results.json. Reports; never fails on a number (machines are noisy).
Exit status is non-zero only when something could not run at all.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

CLANG = "clang-19"
CLANG_TIDY = "clang-tidy-19"

TARGETS = {
    "analysis_per_unit": 1.2,   # bpf-tidy / clang -fsyntax-only, per TU
    "all_configs_j2": 0.5,      # --configs -j2 / sum of per-config parses
    "peak_rss_mb": 300,         # per worker process
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_once(argv, cwd, env=None):
    """Runs argv; returns (wall s, cpu s, peak RSS KiB, exit code, output).

    CPU time and peak RSS come from the kernel's rusage of the child
    (wait4), the same counters GNU time reports as %U+%S and %M."""
    t0 = time.perf_counter()
    # Findings may go to either stream (clang-tidy prints them on stdout):
    # keep both, in one pipe read while the process runs.
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    err = proc.stdout.read()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    return (wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, proc.returncode,
            err.decode(errors="replace"))


def read_configs(path):
    """The parts of a configuration list (docs/formats.md, section 1) the
    benchmark needs: sources, common flags, configurations."""
    sources, flags, configs = [], [], []
    with open(path) as fh:
        for raw in fh:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            word, _, rest = line.partition(" ") if " " in line.split(
                "\t")[0] else line.partition("\t")
            rest = rest.strip()
            if word == "source":
                sources.append(rest)
            elif word == "flags":
                flags += shlex.split(rest)
            elif word == "config":
                name, cflags = (rest.split(None, 1) + [""])[:2]
                configs.append((name, shlex.split(cflags)))
    return sources, flags, configs


def ensure_built(build_dir, no_build):
    tidy = os.path.join(build_dir, "bin", "bpf-tidy")
    module = os.path.join(build_dir, "lib", "BpfTidyModule.so")
    if not no_build:
        if not os.path.exists(os.path.join(build_dir, "build.ninja")):
            log("configuring %s" % build_dir)
            subprocess.run(["cmake", "-G", "Ninja", "-B", build_dir, "-S",
                            REPO], check=True, stdout=subprocess.DEVNULL)
        log("building bpf-tidy and BpfTidyModule in %s" % build_dir)
        subprocess.run(["ninja", "-C", build_dir, "bpf-tidy",
                        "BpfTidyModule"], check=True,
                       stdout=subprocess.DEVNULL)
    for path in (tidy, module):
        if not os.path.exists(path):
            sys.exit("run.py: %s is missing (build it, or drop --no-build)"
                     % path)
    return tidy, module


def built_from(build_dir):
    """The source tree and commit the build was configured from."""
    src = REPO
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt")) as fh:
            for line in fh:
                if line.startswith("CMAKE_HOME_DIRECTORY:"):
                    src = line.split("=", 1)[1].strip()
    except OSError:
        pass
    rev = subprocess.run(["git", "-C", src, "describe", "--always",
                          "--dirty"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return {"dir": src, "commit": rev or None}


class Bench:
    """One named measurement: a list of commands run back to back (one
    repetition = all of them), e.g. one process per configuration."""

    def __init__(self, name, what, commands, cwd):
        self.name = name
        self.what = what
        self.commands = commands        # [(label, argv)]
        self.cwd = cwd
        self.walls = []                 # per repetition: total wall
        self.cpus = []
        self.per_command = {label: [] for label, _ in commands}
        self.rss_kib = 0
        self.exit_codes = set()
        self.stderr_sample = ""
        self.last_stderr = ""
        self.last_outputs = {}

    def repeat(self):
        wall = cpu = 0.0
        for label, argv in self.commands:
            w, c, rss, code, err = run_once(argv, self.cwd)
            wall += w
            cpu += c
            self.per_command[label].append(w)
            self.rss_kib = max(self.rss_kib, rss)
            self.exit_codes.add(code)
            if code not in (0, 1) and not self.stderr_sample:
                self.stderr_sample = err[-2000:]
            self.last_stderr = err
            self.last_outputs[label] = err
        self.walls.append(wall)
        self.cpus.append(cpu)

    def median(self):
        return statistics.median(self.walls)

    def best(self):
        return min(self.walls)

    def summary(self):
        return {
            "what": self.what,
            "processes": len(self.commands),
            "wall_s": {"median": self.median(), "min": self.best(),
                       "max": max(self.walls), "runs": self.walls},
            "cpu_s_median": statistics.median(self.cpus),
            "peak_rss_mb": self.rss_kib / 1024.0,
            "exit_codes": sorted(self.exit_codes),
            "per_command_median_s": {
                k: statistics.median(v) for k, v in self.per_command.items()},
            "error": self.stderr_sample or None,
        }


def preprocessed_lines(src, flags, cwd):
    out = subprocess.run([CLANG, "-E", "-target", "bpf"] + flags + [src],
                         cwd=cwd, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, check=True).stdout
    return out.count(b"\n"), hashlib.sha256(out).hexdigest()


def count_findings(output):
    """Findings of bpf-* checks in a run's output (one per site)."""
    return sum(1 for line in output.splitlines()
               if ": warning: " in line and "[bpf-" in line)


def main():
    ap = argparse.ArgumentParser(
        description="bpf-tidy vs clang-19 -fsyntax-only, on a generated "
                    "datapath (see bench/README.md)")
    ap.add_argument("--build-dir",
                    default=os.environ.get("BUILD_DIR",
                                           os.path.join(REPO, "build")),
                    help="where bpf-tidy is built (default $BUILD_DIR or "
                         "build/)")
    ap.add_argument("--no-build", action="store_true",
                    help="use the build as it is; do not run cmake/ninja")
    ap.add_argument("--out", default=None,
                    help="output folder (default BUILD_DIR/bench)")
    ap.add_argument("--runs", type=int, default=5,
                    help="repetitions of every measurement (median is "
                         "reported)")
    ap.add_argument("-j", "--jobs", type=int, default=2,
                    help="workers for the all-configurations run")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--gen-args", default="",
                    help="extra arguments for gen-datapath.py")
    args = ap.parse_args()

    build_dir = os.path.abspath(args.build_dir)
    out = os.path.abspath(args.out or os.path.join(build_dir, "bench"))
    os.makedirs(out, exist_ok=True)
    tidy, module = ensure_built(build_dir, args.no_build)
    for tool in (CLANG, CLANG_TIDY):
        if not shutil.which(tool):
            sys.exit("run.py: %s not found (scripts/bootstrap installs it)"
                     % tool)

    dp = os.path.join(out, "datapath")
    subprocess.run([sys.executable, os.path.join(HERE, "gen-datapath.py"),
                    "--out", dp, "--seed", str(args.seed)]
                   + shlex.split(args.gen_args), check=True,
                   stdout=subprocess.DEVNULL)
    configs_file = os.path.join(dp, "datapath.configs")
    sources, common, configs = read_configs(configs_file)
    src = sources[0]
    with open(os.path.join(dp, "manifest.json")) as fh:
        manifest = json.load(fh)

    # Size and identity of each configuration's preprocessed text.
    sizes, digests = {}, {}
    for name, cflags in configs:
        sizes[name], digests[name] = preprocessed_lines(src, common + cflags,
                                                        dp)
    distinct = len(set(digests.values()))
    # The same list without configurations whose preprocessed text repeats
    # an earlier one's: what analysing identical inputs once would cost.
    distinct_file = os.path.join(dp, "distinct.configs")
    seen = set()
    with open(configs_file) as fh, open(distinct_file, "w") as outf:
        for raw in fh:
            parts = raw.split()
            if parts and parts[0] == "config":
                if digests[parts[1]] in seen:
                    continue
                seen.add(digests[parts[1]])
            outf.write(raw)

    def parse_argv(cflags):
        return [CLANG, "-target", "bpf", "-fsyntax-only"] + common + cflags \
            + [src]

    def tidy_argv(cflags):
        return [tidy, "--quiet", src, "--", "-target", "bpf"] + common \
            + cflags

    first_name, first_flags = configs[0]
    empty = os.path.join(out, "empty.c")
    open(empty, "w").close()
    benches = [
        Bench("startup-clang", "clang-19 --version",
              [("clang", [CLANG, "--version"])], dp),
        Bench("startup-tidy", "bpf-tidy --version",
              [("bpf-tidy", [tidy, "--version"])], dp),
        Bench("startup-list", "bpf-tidy --list-checks",
              [("bpf-tidy", [tidy, "--list-checks"])], dp),
        Bench("empty-clang", "clang-19 -target bpf -fsyntax-only empty.c",
              [("clang", [CLANG, "-target", "bpf", "-fsyntax-only", empty])],
              dp),
        Bench("empty-tidy", "bpf-tidy empty.c -- -target bpf",
              [("bpf-tidy", [tidy, "--quiet", empty, "--", "-target",
                             "bpf"])], dp),
        Bench("parse", "clang-19 -fsyntax-only, one process per config",
              [(n, parse_argv(f)) for n, f in configs], dp),
        Bench("analyze", "bpf-tidy FILE -- flags, one process per config",
              [(n, tidy_argv(f)) for n, f in configs], dp),
        Bench("all-j%d" % args.jobs,
              "bpf-tidy --configs LIST -j%d, one process" % args.jobs,
              [("all", [tidy, "--quiet", "--configs", configs_file,
                        "-j%d" % args.jobs])], dp),
        Bench("distinct-j%d" % args.jobs,
              "as all-j%d, identical preprocessed configs once" % args.jobs,
              [("distinct", [tidy, "--quiet", "--configs", distinct_file,
                             "-j%d" % args.jobs])], dp),
        Bench("all-j%d-w" % args.jobs,
              "as all-j%d, compiler warnings off (--extra-arg=-w)"
              % args.jobs,
              [("all-w", [tidy, "--quiet", "--configs", configs_file,
                          "-j%d" % args.jobs, "--extra-arg=-w"])], dp),
        Bench("all-j1", "bpf-tidy --configs LIST -j1, one process",
              [("all", [tidy, "--quiet", "--configs", configs_file, "-j1"])],
              dp),
        Bench("clang-tidy", "clang-tidy-19 --load, config %s" % first_name,
              [(first_name, [CLANG_TIDY, "--load=" + module,
                             "--checks=-*,bpf-*", "--quiet", src, "--",
                             "-target", "bpf"] + common + first_flags)], dp),
    ]
    by_name = {b.name: b for b in benches}

    load_before = os.getloadavg()
    log("datapath: %s (%d configurations, %d distinct preprocessed texts, "
        "%d-%d lines)" % (dp, len(configs), distinct, min(sizes.values()),
                          max(sizes.values())))
    for rep in range(args.runs):
        log("run %d/%d" % (rep + 1, args.runs))
        for b in benches:
            b.repeat()
    load_after = os.getloadavg()

    # Findings, from the last all-configurations run (a sanity check that
    # the analysis did its work).
    findings_all = count_findings(by_name["all-j%d" % args.jobs].last_stderr)
    findings_first = count_findings(
        by_name["analyze"].last_outputs[first_name])
    findings_ctidy = count_findings(by_name["clang-tidy"].last_stderr)
    findings_w = count_findings(
        by_name["all-j%d-w" % args.jobs].last_stderr)

    parse = by_name["parse"]
    analyze = by_name["analyze"]
    allj = by_name["all-j%d" % args.jobs]
    ctidy = by_name["clang-tidy"]
    su_clang = by_name["startup-clang"].median()
    su_tidy = by_name["startup-tidy"].median()
    # Fixed cost of a unit: a process on an empty file.
    fix_clang = by_name["empty-clang"].median()
    fix_tidy = by_name["empty-tidy"].median()
    n = len(configs)

    per_unit = [statistics.median(analyze.per_command[c]) /
                statistics.median(parse.per_command[c]) for c, _ in configs]
    parse_unit = statistics.median(
        [statistics.median(parse.per_command[c]) for c, _ in configs])
    analyze_unit = statistics.median(
        [statistics.median(analyze.per_command[c]) for c, _ in configs])
    ratios = {
        "analysis_per_unit": analyze.median() / parse.median(),
        "analysis_per_unit_range": [min(per_unit), max(per_unit)],
        "analysis_per_unit_without_startup":
            (analyze.median() - n * fix_tidy) /
            max(1e-9, parse.median() - n * fix_clang),
        "all_configs_j2": allj.median() / parse.median(),
        "all_configs_j1": by_name["all-j1"].median() / parse.median(),
        "distinct_configs_j2": by_name["distinct-j%d" % args.jobs].median()
            / parse.median(),
        "all_configs_j2_no_warnings": by_name["all-j%d-w" % args.jobs].median()
            / parse.median(),
        "clang_tidy_vs_parse":
            ctidy.median() / statistics.median(parse.per_command[first_name]),
        "clang_tidy_vs_bpf_tidy":
            ctidy.median() / statistics.median(analyze.per_command[first_name]),
        "peak_rss_mb_bpf_tidy": max(analyze.rss_kib, allj.rss_kib) / 1024.0,
        # The same two ratios on CPU time (user+sys), which other load on
        # the machine disturbs less than wall time.
        "cpu_analysis_per_unit": statistics.median(analyze.cpus) /
            statistics.median(parse.cpus),
        "cpu_all_configs_j2": statistics.median(allj.cpus) /
            statistics.median(parse.cpus),
        # Estimate for a machine with JOBS idle cores: the all-configurations
        # run's CPU time spread evenly over them, against the per-config
        # parses running at full speed (their CPU time).
        "idle_estimate_all_configs_j2": statistics.median(allj.cpus) /
            args.jobs / statistics.median(parse.cpus),
    }

    # ---- the table
    rows = []
    for b in benches:
        s = b.summary()
        rows.append((b.name, len(b.commands), s["wall_s"]["median"],
                     s["wall_s"]["min"], s["cpu_s_median"], s["peak_rss_mb"],
                     ",".join(str(c) for c in s["exit_codes"]), b.what))
    print()
    print("bpf-tidy benchmark: %s, %d configurations (%d distinct after "
          "preprocessing), %d-%d preprocessed lines per unit, %d runs"
          % (src, n, distinct, min(sizes.values()), max(sizes.values()),
             args.runs))
    print("machine: %s, %d CPUs, load average %.1f before / %.1f after"
          % (platform.node(), os.cpu_count(), load_before[0],
             load_after[0]))
    src_info = built_from(build_dir)
    print("bpf-tidy: %s (built from %s at %s)" % (tidy, src_info["dir"],
                                                  src_info["commit"]))
    print()
    print("%-14s %5s %9s %9s %9s %8s %5s  %s" % (
        "measurement", "procs", "median s", "min s", "cpu s", "RSS MB",
        "exit", "what"))
    for r in rows:
        print("%-14s %5d %9.3f %9.3f %9.3f %8.1f %5s  %s" % r)
    print()
    print("per unit (median over configurations of the per-config medians):"
          " clang %.3f s, bpf-tidy %.3f s;\nstart-up (--version): clang-19 %.3f s, "
          "bpf-tidy %.3f s; empty file: clang-19 %.3f s, bpf-tidy %.3f s"
          % (parse_unit, analyze_unit, su_clang, su_tidy, fix_clang,
             fix_tidy))
    print("bpf-bare-drop-return findings: %d sites over all configurations "
          "(--configs); config %s alone: bpf-tidy %d, clang-tidy-19 %d"
          % (findings_all, first_name, findings_first, findings_ctidy))
    if findings_w != findings_all:
        print("NOTE: with -w the all-configurations run found %d sites"
              % findings_w)
    print()

    def verdict(value, target, lower_is_better=True):
        ok = value <= target if lower_is_better else value >= target
        return "meets" if ok else "MISSES"

    print("ratio                                    value    target")
    print("analysis / parse, per unit (sum)        %6.2fx   <= %.1fx  %s"
          % (ratios["analysis_per_unit"], TARGETS["analysis_per_unit"],
             verdict(ratios["analysis_per_unit"],
                     TARGETS["analysis_per_unit"])))
    print("  per configuration, range              %.2f-%.2fx" %
          tuple(ratios["analysis_per_unit_range"]))
    print("  empty-file run subtracted from both   %6.2fx" %
          ratios["analysis_per_unit_without_startup"])
    print("all configs -j%d / sum of parses         %6.2fx   <= %.1fx  %s"
          % (args.jobs, ratios["all_configs_j2"], TARGETS["all_configs_j2"],
             verdict(ratios["all_configs_j2"], TARGETS["all_configs_j2"])))
    print("  identical inputs once (-j%d)           %6.2fx" %
          (args.jobs, ratios["distinct_configs_j2"]))
    print("  compiler warnings off (-w) (-j%d)      %6.2fx" %
          (args.jobs, ratios["all_configs_j2_no_warnings"]))
    print("all configs -j1 / sum of parses         %6.2fx" %
          ratios["all_configs_j1"])
    print("peak RSS of a bpf-tidy process          %6.0f MB  < %d MB   %s"
          % (ratios["peak_rss_mb_bpf_tidy"], TARGETS["peak_rss_mb"],
             verdict(ratios["peak_rss_mb_bpf_tidy"], TARGETS["peak_rss_mb"])))
    print("on CPU time (user+sys): analysis / parse %.2fx, all configs "
          "-j%d / parses %.2fx" % (ratios["cpu_analysis_per_unit"], args.jobs,
                                   ratios["cpu_all_configs_j2"]))
    print("idle-machine estimate of all configs -j%d / parses: %.2fx "
          "(CPU time / %d cores)" % (args.jobs,
                                     ratios["idle_estimate_all_configs_j2"],
                                     args.jobs))
    print("clang-tidy-19 --load / parse (1 config) %6.2fx" %
          ratios["clang_tidy_vs_parse"])
    print("clang-tidy-19 --load / bpf-tidy         %6.2fx" %
          ratios["clang_tidy_vs_bpf_tidy"])
    print("(the -j%d run is one process with %d worker threads: its RSS is "
          "the whole process)" % (args.jobs, args.jobs))

    failed = [b.name for b in benches if b.stderr_sample]
    for name in failed:
        print("\n%s failed (exit %s):\n%s" % (
            name, by_name[name].summary()["exit_codes"],
            by_name[name].stderr_sample), file=sys.stderr)

    result = {
        "date": datetime.datetime.now().astimezone().isoformat(
            timespec="seconds"),
        "machine": {"node": platform.node(), "cpus": os.cpu_count(),
                    "kernel": platform.release(),
                    "loadavg_before": load_before,
                    "loadavg_after": load_after},
        "bpf_tidy_source": built_from(build_dir),
        "bpf_tidy": tidy,
        "runs": args.runs,
        "jobs": args.jobs,
        "datapath": {"dir": dp, "source": src, "seed": args.seed,
                     "modules": manifest["modules"],
                     "planted_bare_drops": len(manifest["planted_bare_drops"]),
                     "configurations": n,
                     "distinct_preprocessed": distinct,
                     "preprocessed_lines": sizes,
                     "preprocessed_sha256": digests},
        "findings": {"all_configs": findings_all,
                     "first_config_bpf_tidy": findings_first,
                     "first_config_clang_tidy": findings_ctidy,
                     "all_configs_with_w": findings_w},
        "measurements": {b.name: b.summary() for b in benches},
        "ratios": ratios,
        "targets": TARGETS,
    }
    path = os.path.join(out, "results.json")
    with open(path, "w") as fh:
        json.dump(result, fh, indent=2)
        fh.write("\n")
    print("\nwritten: %s" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
