#!/usr/bin/env python3
"""Compares bpf-tidy's findings with the intended sites of a datapath.

usage: compare_sites.py FINDINGS.txt SITES.json ROOT KINDS

FINDINGS.txt holds bpf-tidy's diagnostics ("PATH:LINE:COL: warning: ...
[bpf-CHECK]", of every bpf-* check).
Every intended site whose kind is in KINDS (comma-separated, or "all") must
be found at its file, line and column (relative to ROOT); every finding must
be an intended site (of any kind): a finding the datapath does not intend is
a false positive. Prints one line per problem and a summary; exits 1 on any
problem.
"""
import json
import os
import re
import sys

findings_file, sites_file, root, kinds = sys.argv[1:5]
with open(sites_file) as f:
    sites = json.load(f)["sites"]
wanted = None if kinds == "all" else set(kinds.split(","))

found = set()
pattern = re.compile(r"^(.*?):(\d+):(\d+): warning: .*\[bpf-[a-z-]+\]$")
with open(findings_file) as f:
    for line in f:
        m = pattern.match(line.rstrip("\n"))
        if m:
            path = os.path.relpath(os.path.realpath(m.group(1)), os.path.realpath(root))
            found.add((path, int(m.group(2)), int(m.group(3))))

intended = {(s["file"], s["line"], s["column"]): s for s in sites}
problems = 0
for key, site in sorted(intended.items()):
    if (wanted is None or site["kind"] in wanted) and key not in found:
        print("missed: %s %s:%d:%d (%s)" % (site["id"], key[0], key[1], key[2], site["kind"]))
        problems += 1
for key in sorted(found - set(intended)):
    print("not an intended site: %s:%d:%d" % key)
    problems += 1
checked = sum(1 for s in sites if wanted is None or s["kind"] in wanted)
print("intended sites checked: %d, findings: %d, problems: %d" % (checked, len(found), problems))
sys.exit(1 if problems else 0)
