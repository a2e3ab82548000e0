#!/usr/bin/env python3
"""Counts the errors and warnings in sarif-multitool's validation log
(which exits 0 either way) and prints each, so a test fails with the
reason. A result without a level is a warning (SARIF's default)."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
problems = [r for run in log["runs"] for r in run.get("results", [])
            if r.get("level", "warning") in ("error", "warning")]
for r in problems:
    print("%s %s: %s" % (r.get("level", "warning"), r["ruleId"],
                         json.dumps(r["message"])))
print("validation errors and warnings: %d" % len(problems))
