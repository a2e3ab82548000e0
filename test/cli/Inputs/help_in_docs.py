#!/usr/bin/env python3
"""Checks that every flag a command's --help lists is documented.

  help_in_docs.py DOC -- COMMAND...

Runs COMMAND (which prints help), collects the flags its option lines
start with, and prints each one missing from DOC (where flags are written
in backquotes, e.g. `--format=text|json|sarif` or `-j N`). Exit 1 if any
is missing.
"""
import re
import subprocess
import sys

sep = sys.argv.index("--")
doc = open(sys.argv[1]).read()
command = sys.argv[sep + 1:]
help_text = subprocess.run(command, stdout=subprocess.PIPE,
                           universal_newlines=True).stdout
flags = set()
for line in help_text.splitlines():
    # "  --flag=<v>  - text" (llvm) or "  --flag VALUE   text", "-j N, --jobs N".
    m = re.match(r"^\s{2,}((?:-{1,2}[a-z][a-z0-9-]*)(?:[ =][^,\s]*)?"
                 r"(?:,\s*-{1,2}[a-z][a-z0-9-]*(?:[ =][^,\s]*)?)*)", line)
    if not m:
        continue
    for flag in re.findall(r"(?:^|,\s*)(-{1,2}[a-z][a-z0-9-]*)", m.group(1)):
        flags.add(flag)
missing = sorted(f for f in flags
                 if not re.search(r"`" + re.escape(f) + r"(?![a-z0-9-])", doc))
for f in missing:
    print("undocumented: " + f)
print("flags: %d, undocumented: %d" % (len(flags), len(missing)))
sys.exit(1 if missing else 0)
