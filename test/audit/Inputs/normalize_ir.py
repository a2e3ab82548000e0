#!/usr/bin/env python3
"""Prints an LLVM IR file in a form two compiles of one unit share.

  normalize_ir.py FILE

Leaves out what names the input rather than the code: the module id and
source file name, the DIFile and DICompileUnit nodes (a relative or an
absolute path), and the sequence number of llvm.bpf.passthrough calls (a
counter of the process, which grows with each unit compiled in it).
Metadata numbers become !N, and metadata nodes are sorted, since the
paths shift their numbering.
"""
import re
import sys

code, metadata = [], []
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if line.startswith("; ModuleID") or line.startswith("source_filename"):
        continue
    if "!DIFile(" in line or "!DICompileUnit(" in line:
        continue
    line = re.sub(r"!\d+", "!N", line)
    line = re.sub(r"(llvm\.bpf\.passthrough\.[a-z0-9.]+\(i32 )\d+", r"\1N", line)
    (metadata if line.startswith("!") else code).append(line)
print("\n".join(code + sorted(metadata)))
