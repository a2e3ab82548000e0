#!/usr/bin/env python3
"""Reads a --help text on standard input and prints what a reader sees of
its layout: the overview's first line, and the columns where option
descriptions start (one column when every description is aligned).

  bpf-tidy --help | help_layout.py
"""
import re
import sys

text = sys.stdin.read()
overview = re.search(r"^OVERVIEW: (.*)$", text, re.M)
print("overview: %s" % (overview.group(1).strip() if overview else "(none)"))
columns = {}
for line in text.splitlines():
    # "  --name=<value>    - description" (a value's "=x" lines are indented
    # further under their option and not counted).
    m = re.match(r"^(  -{1,2}\S+\s+)- ", line)
    if m:
        columns.setdefault(len(m.group(1)), []).append(line.split()[0])
for column, options in sorted(columns.items()):
    print("column %d: %s" % (column, " ".join(options[:3])))
print("columns: %d" % len(columns))
