#!/usr/bin/env python3
"""Writes a .pre-commit-config.yaml that installs a hook from a local hook
repository at its current commit, as a project would from bpf-tidy's.

  write_precommit_config.py OUT HOOK_REPO HOOK_ID [ARG...]
"""
import json
import subprocess
import sys

out, repo, hook = sys.argv[1:4]
args = sys.argv[4:]
rev = subprocess.check_output(["git", "-C", repo, "rev-parse", "HEAD"],
                              universal_newlines=True).strip()
with open(out, "w") as f:
    # JSON strings are valid YAML scalars.
    f.write("repos:\n")
    f.write("- repo: %s\n" % json.dumps(repo))
    f.write("  rev: %s\n" % json.dumps(rev))
    f.write("  hooks:\n")
    f.write("  - id: %s\n" % json.dumps(hook))
    f.write("    args: %s\n" % json.dumps(args))
