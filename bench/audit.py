#!/usr/bin/env python3
"""What `bpf-tidy audit` costs next to compiling the same units to IR.

  bench/audit.py --configs LIST [--bpf-tidy PATH] [--runs N] [-j N]

For one configuration list, times (wall and CPU, from each child's rusage,
medians of N runs):

- `bpf-tidy audit --configs LIST -jN --no-cross-check` (compile to IR in
  process, find programs, follow return values);
- the same with the cross-check (the source analysis on the same AST);
- `clang-19 -target bpf -O2 -g <flags> -S -emit-llvm` of every unit, N at
  a time (what the audit replaces);
- the check, `bpf-tidy --configs LIST -jN` (parse and analyse only).

The ratio that has a target is audit (no cross-check) / compile to IR, at
most 1.5x, on CPU time (the machine is shared, so wall time varies with
the load; both are printed). It reports numbers and never fails on one.
"""
import argparse
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import read_configs, run_once  # noqa: E402


def measure(commands, cwd, jobs):
    """Runs commands, jobs at a time; returns (wall s, summed CPU s, codes)."""
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda argv: run_once(argv, cwd), commands))
    wall = time.perf_counter() - t0
    return wall, sum(r[1] for r in results), [r[3] for r in results]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--configs", required=True)
    ap.add_argument("--bpf-tidy", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "build", "bin",
        "bpf-tidy"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--json", help="also write the numbers here")
    args = ap.parse_args()

    listing = os.path.abspath(args.configs)
    tree = os.path.dirname(listing)
    sources, flags, configs = read_configs(listing)
    tool = os.path.abspath(args.bpf_tidy)
    j = "-j%d" % args.jobs
    compiles = [[args.clang, "-target", "bpf", "-O2", "-g"] + flags + cflags +
                ["-S", "-emit-llvm", src, "-o", "/dev/null"]
                for _, cflags in configs for src in sources]
    subjects = [
        ("audit", [[tool, "audit", "--configs", listing, j,
                    "--no-cross-check"]], 1),
        ("audit + cross-check",
         [[tool, "audit", "--configs", listing, j]], 1),
        ("clang -O2 -g -emit-llvm", compiles, args.jobs),
        ("check (bpf-tidy)", [[tool, "--configs", listing, j, "--quiet"]], 1),
    ]
    results = {}
    for name, commands, jobs in subjects:
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu, codes = measure(commands, tree, jobs)
            walls.append(wall)
            cpus.append(cpu)
        results[name] = {"wall": statistics.median(walls),
                         "cpu": statistics.median(cpus), "exit_codes": codes}
        print("%-24s wall %7.2f s  cpu %7.2f s  exit %s" % (
            name, results[name]["wall"], results[name]["cpu"],
            sorted(set(codes))), flush=True)
    base = results["clang -O2 -g -emit-llvm"]
    ratios = {}
    for name in ("audit", "audit + cross-check", "check (bpf-tidy)"):
        ratios[name] = {"cpu": results[name]["cpu"] / base["cpu"],
                        "wall": results[name]["wall"] / base["wall"]}
        print("%-24s / compile to IR: cpu %.2fx, wall %.2fx" % (
            name, ratios[name]["cpu"], ratios[name]["wall"]))
    print("target: audit / compile to IR <= 1.5x (cpu)")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"configs": listing, "units": len(compiles),
                       "runs": args.runs, "jobs": args.jobs,
                       "load": os.getloadavg(), "results": results,
                       "ratios": ratios}, fh, indent=2)


if __name__ == "__main__":
    main()
