"""Prints every release tag the pages name (README.md, docs/*.md, action.yml)
that the repository does not have, as FILE:LINE: TAG; exits 1 if any.

A page may name a release as a placeholder (vX.Y.Z); a concrete tag
(@v0.1.0, rev: v0.1.0, --release 0.1.0) must exist, or the page promises
what no one can use.
Usage: release_tags_named.py SOURCE_DIR [PAGE ...]
"""
import glob
import os
import re
import subprocess
import sys

# uses: OWNER/NAME@vX.Y.Z, rev: vX.Y.Z, --release X.Y.Z, releases/download/vX.Y.Z
NAMED = re.compile(r"(?:@|rev:\s*|--release[ =]|/download/)v?(\d+\.\d+\.\d+)\b")


def main():
    top = sys.argv[1]
    pages = sys.argv[2:] or (
        [os.path.join(top, "README.md"), os.path.join(top, "action.yml")]
        + sorted(glob.glob(os.path.join(top, "docs", "**", "*.md"), recursive=True)))
    tags = set(subprocess.run(["git", "-C", top, "tag", "-l", "v*"],
                              capture_output=True, text=True).stdout.split())
    missing = 0
    for page in pages:
        with open(page, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                for version in NAMED.findall(line):
                    if "v" + version not in tags:
                        print("%s:%d: v%s" % (os.path.relpath(page, top), number, version))
                        missing += 1
    print("%d release tags named that do not exist" % missing)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
