#!/usr/bin/env python3
"""Fails when a registered bpf-* check lacks what every check must have.

usage: validate_checks.py SOURCE_ROOT < list

The list is the output of `--list-checks` (bpf-tidy's or clang-tidy's with
the plugin loaded): every indented name is a registered check. For each
bpf-* check it requires
  - a documentation page, docs/checks/<name>.md, starting with "# <name>";
  - lit tests, test/checks/<name>*.c, at least one with a CHECK-MESSAGES or
    CHECK-NOTES line naming the check and one with CHECK-FIXES (a check
    without a fix says so on its page with "No fix" and is exempt);
  - a link to its page from docs/usage.md.
It prints each check it validated and each problem, and exits 1 on any.
"""
import glob
import os
import re
import sys

root = sys.argv[1]
checks = [line.strip() for line in sys.stdin
          if line.startswith(" ") and line.strip().startswith("bpf-")]
problems = []
if not checks:
    problems.append("no bpf-* check is registered")
usage = open(os.path.join(root, "docs", "usage.md")).read()
for check in checks:
    if not re.fullmatch(r"bpf-[a-z0-9]+(-[a-z0-9]+)*", check):
        problems.append("%s: a check's name is bpf- then lower-case words "
                        "joined by '-'" % check)
    page = os.path.join(root, "docs", "checks", check + ".md")
    if not os.path.exists(page):
        problems.append("%s: no documentation page %s" % (check, page))
        page_text = ""
    else:
        page_text = open(page).read()
        if not page_text.startswith("# " + check + "\n"):
            problems.append("%s: %s must start with '# %s'"
                            % (check, page, check))
    if "checks/%s.md" % check not in usage:
        problems.append("%s: docs/usage.md does not link its page" % check)
    tests = sorted(glob.glob(os.path.join(root, "test", "checks",
                                          check + "*.c")))
    if not tests:
        problems.append("%s: no lit test test/checks/%s*.c" % (check, check))
        continue
    texts = [open(t).read() for t in tests]
    if not any(re.search(r"CHECK-(MESSAGES|NOTES)[-A-Z0-9]*:.*\[%s\]"
                         % re.escape(check), t) for t in texts):
        problems.append("%s: no lit test expects a message of the check "
                        "(CHECK-MESSAGES: ... [%s])" % (check, check))
    if "No fix" not in page_text and not any(
            re.search(r"CHECK-FIXES[-A-Z0-9]*:", t) for t in texts):
        problems.append("%s: no lit test checks its fixes (CHECK-FIXES)"
                        % check)
    print("%s: page, %d lit tests" % (check, len(tests)))
for problem in problems:
    print("error: " + problem)
sys.exit(1 if problems else 0)
