#!/usr/bin/env python3
"""Compares the intended sites of a sites file with an audit's bare exits.

  check_sites.py SITES_JSON AUDIT_JSON

A site appears in a configuration when a bare exit of that configuration
with the site's reason value is explained by the source finding at the
site (same program, configuration and reason: docs/audit.md). For each
site prints its id, the configurations it appears in with the program
there, and "ok" when they are exactly the configurations the site lists;
then every bare exit no intended site explains. Exit 1 on any mismatch.
"""
import json
import sys

sites = json.load(open(sys.argv[1]))["sites"]
audit = json.load(open(sys.argv[2]))
exits = audit["bare_exits"]
failed = False
claimed = set()
for site in sites:
    where = (site["file"], site["line"], site["column"])
    seen = {}
    for i, e in enumerate(exits):
        if e["value"] != site["reason_value"]:
            continue
        if any((b["file"], b["line"], b["column"]) == where
               for b in e.get("explained_by", [])):
            seen.setdefault(e["configuration"], set()).add(e["program"])
            claimed.add(i)
    ok = set(seen) == set(site["configurations"])
    failed |= not ok
    print("site %s %s: %s" % (site["id"], "ok" if ok else "MISMATCH",
                              " ".join("%s=%s" % (c, ",".join(sorted(p)))
                                       for c, p in sorted(seen.items()))))
    if not ok:
        print("  expected: " + " ".join(sorted(site["configurations"])))
for i, e in enumerate(exits):
    if i not in claimed:
        print("unclaimed bare exit %s %s %d" % (e["configuration"],
                                               e["program"], e["value"]))
print("sites: %d, bare exits: %d, unclaimed: %d" %
      (len(sites), len(exits), len(exits) - len(claimed)))
sys.exit(1 if failed else 0)
