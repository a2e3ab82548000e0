"""Reads `llvm-readelf --symbols` and fails unless every local symbol comes
before every global one (the ELF rule; sh_info is the first global)."""
import sys

seen_global = False
for line in sys.stdin:
    fields = line.split()
    if len(fields) < 5 or not fields[0].rstrip(":").isdigit():
        continue
    binding = fields[4]
    if binding in ("GLOBAL", "WEAK"):
        seen_global = True
    elif binding == "LOCAL" and seen_global:
        sys.exit("local symbol after a global one: " + line.strip())
if not seen_global:
    sys.exit("no global symbol")
