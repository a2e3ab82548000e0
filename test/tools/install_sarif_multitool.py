#!/usr/bin/env python3
"""Installs Microsoft's SARIF validator (@microsoft/sarif-multitool, from
the npm registry) into a cache directory of the build tree, once, and
prints the path of its command; prints nothing when npm or the registry is
not available. A failed attempt is remembered (delete FAILED to retry), so
an offline machine does not wait on the registry at every lit run.

  install_sarif_multitool.py CACHE_DIR
"""
import os
import shutil
import subprocess
import sys

PACKAGE = "@microsoft/sarif-multitool"


def main():
    cache = os.path.abspath(sys.argv[1])
    tool = os.path.join(cache, "node_modules", ".bin", "sarif-multitool")
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
             "--fetch-retries=1", "--fetch-timeout=60000", PACKAGE],
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
