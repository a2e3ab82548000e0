"""Checks a fixed-sites file against the fixed tree: each site's lines hold
the notification the fix wrote (or, for a fix in a macro body, the macro's
invocation, ending at its closing parenthesis). Prints one line per kind of
site and 'bad ...' for each site whose lines do not fit."""
import json
import os
import sys

sites_file, tree = sys.argv[1], sys.argv[2]
sites = json.load(open(sites_file))["fixed_sites"]
calls = expansions = 0
for site in sites:
    lines = open(os.path.join(tree, site["file"])).read().split("\n")
    text = "\n".join(lines[site["line"] - 1:site["end_line"]])
    if "@" in site["id"]:
        expansions += 1
        ok = text.count("(") == text.count(")") and text.rstrip().endswith(")")
    else:
        calls += 1
        ok = text.lstrip().startswith(("return send_drop_notify", "send_drop_notify")) \
            and text.count("(") == text.count(")")
    if not ok:
        print("bad %s: lines %d-%d of %s: %r" % (site["id"], site["line"],
                                                 site["end_line"], site["file"], text))
print("calls=%d expansions=%d" % (calls, expansions))
