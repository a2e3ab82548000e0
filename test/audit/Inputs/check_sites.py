#!/usr/bin/env python3
"""Compares the intended sites of a sites file with an audit's bare exits.

  check_sites.py SITES_JSON AUDIT_JSON

A site appears in a configuration when a bare exit of that configuration
with the site's reason value is explained by the source finding at the
site (same program, configuration and reason: docs/audit.md). For each
site prints its id, the configurations it appears in with the program
there, and "ok" when they are exactly the configurations the site lists;
then every bare exit no intended site explains (with another reason of a
site's finding, e.g. the other errors a lookup returns, it is that site's).
A site that returns a verdict before its fix ("verdict_before": a stale
value after a missed tail call) hands the kernel no drop reason: the audit
has nothing to see there, and it is skipped. Exit 1 on any mismatch.
"""
import json
import sys

sites = json.load(open(sys.argv[1]))["sites"]
audit = json.load(open(sys.argv[2]))
exits = audit["bare_exits"]
failed = False
claimed = set()
for site in sites:
    # A stale `ret` after a missed tail call passes the packet before its
    # fix (verdict_before 0): no bare exit to appear as.
    if site.get("verdict_before", site["reason_value"]) >= -1:
        print("site %s no bare exit: verdict %d before its fix"
              % (site["id"], site["verdict_before"]))
        continue
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
site_at = {(s["file"], s["line"], s["column"]): s["id"] for s in sites}
other = 0
for i, e in enumerate(exits):
    if i in claimed:
        continue
    ids = sorted(site_at[w] for w in ((b["file"], b["line"], b["column"])
                                      for b in e.get("explained_by", []))
                 if w in site_at)
    if ids:
        claimed.add(i)
        other += 1
        continue
    print("unclaimed bare exit %s %s %d" % (e["configuration"], e["program"],
                                           e["value"]))
print("sites: %d, bare exits: %d, other reasons of a site: %d, unclaimed: %d" %
      (len(sites), len(exits), other, len(exits) - len(claimed)))
sys.exit(1 if failed else 0)
