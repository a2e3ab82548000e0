#!/usr/bin/env python3
"""Installs a validator the tests use from the npm registry (Microsoft's
SARIF validator @microsoft/sarif-multitool, the GitHub Actions schema
validator @action-validator/cli, the Dockerfile linter dockerfile-utils)
into a cache directory of the build tree, once, and prints the path of its
command; prints nothing when npm or the registry is not available. A failed
attempt is remembered (delete FAILED to retry), so an offline machine does
not wait on the registry at every lit run.

  install_npm_tool.py CACHE_DIR PACKAGE COMMAND
"""
import os
import shutil
import subprocess
import sys


def main():
    cache, package, command = sys.argv[1:4]
    cache = os.path.abspath(cache)
    tool = os.path.join(cache, "node_modules", ".bin", command)
    failed = os.path.join(cache, "FAILED")
    if os.path.exists(tool):
        print(tool)
        return
    npm = shutil.which("npm")
    if not npm or os.path.exists(failed):
        return
    os.makedirs(cache, exist_ok=True)
    try:
        result = subprocess.run(
            [npm, "install", "--prefix", cache, "--no-audit", "--no-fund",
             "--fetch-retries=1", "--fetch-timeout=60000", package],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
        ok = result.returncode == 0 and os.path.exists(tool)
        log = result.stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        ok, log = False, str(e).encode()
    if not ok:
        with open(failed, "wb") as f:
            f.write(log)
        return
    print(tool)


if __name__ == "__main__":
    main()
