#!/usr/bin/env python3
"""Counts the errors in sarif-multitool's validation log (which exits 0
either way) and prints each, so a test fails with the reason."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
errors = [r for run in log["runs"] for r in run.get("results", [])
          if r.get("level") == "error"]
for r in errors:
    print("error %s: %s" % (r["ruleId"], json.dumps(r["message"])))
print("validation errors: %d" % len(errors))
