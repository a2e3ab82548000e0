#!/usr/bin/env python3
"""Checks that a --configs run reports, per configuration, exactly what one
run per configuration reports (units that preprocess alike share an
analysis; sharing must never change a finding). The merged run uses one
worker, so each unit is compared with every unit analysed before it.

usage: compare_with_single_runs.py BPF_TIDY LIST.configs
"""
import json
import os
import shlex
import subprocess
import sys

bpf_tidy, configs_file = sys.argv[1], os.path.abspath(sys.argv[2])
os.chdir(os.path.dirname(configs_file))
lines = open(configs_file).read().splitlines()
common = " ".join(l.split(None, 1)[1] for l in lines if l.startswith("flags "))
sources = [l.split(None, 1)[1] for l in lines if l.startswith("source ")]
configs = [(l.split(None, 2) + [""])[1:3] for l in lines if l.startswith("config ")]

def sites(findings):
    return {(os.path.basename(f["file"]), f["line"], f["column"])
            for f in findings if f["level"] != "error"}

out = subprocess.run([bpf_tidy, "--configs", configs_file, "-j", "1",
                      "--format=json", "--quiet"],
                     capture_output=True, text=True).stdout
merged = {}
for f in json.loads(out)["findings"]:
    for c in f["configurations"]:
        merged.setdefault(c, set()).update(sites([f]))

problems = 0
for name, flags in configs:
    single = set()
    for source in sources:
        out = subprocess.run([bpf_tidy, "--quiet", "--format=json", source, "--",
                              "-target", "bpf"] + shlex.split(common) +
                             shlex.split(flags), capture_output=True, text=True).stdout
        single |= sites(json.loads(out)["findings"])
    if single != merged.get(name, set()):
        problems += 1
        print("configuration %s: alone %s, in the merged run %s"
              % (name, sorted(single), sorted(merged.get(name, set()))))
print("configurations compared: %d, differing: %d" % (len(configs), problems))
sys.exit(1 if problems else 0)
