#!/usr/bin/env python3
"""Prints the facts of an audit report, one per line, for FileCheck.

  audit_facts.py json|sarif FILE

json: each program (configuration, name, known values, unknown count),
each bare exit (configuration, program, value, reasons, whether explained,
edges as file:line:column@function chains, the findings explaining it and
whether NOLINT silences them), each unconfirmed source finding, the
summary. sarif: the rule, each result's location, message,
related locations and properties.
"""
import json
import sys


def chain(frames):
    return " <- ".join("%s:%d:%d@%s" % (f["file"], f["line"], f["column"],
                                        f["function"]) for f in frames)


kind, path = sys.argv[1], sys.argv[2]
report = json.load(open(path))
if kind == "json":
    print("version=%d tool=%s" % (report["version"], report["tool"]))
    print("configurations=" + ",".join(report["configurations"]))
    for p in report["programs"]:
        print("program %s %s %s section=%s type=%s values=%s unknown=%d %s" % (
            p["configuration"], p["program"], p["kind"].replace(" ", "-"),
            p["section"], p["type"], ",".join(str(v) for v in p["values"]),
            p["unknown"], ",".join("%s:%d" % kv for kv in
                                   sorted(p["unknown_kinds"].items()))))
    for e in report["bare_exits"]:
        print("bare-exit %s %s %d %s explained=%s" % (
            e["configuration"], e["program"], e["value"],
            ",".join(e["reasons"]), e.get("explained")))
        for edge in e["edges"]:
            print("  edge " + (chain(edge) or "(no location)"))
        for site in e.get("explained_by", []):
            print("  by %s:%d:%d%s" % (site["file"], site["line"],
                                       site["column"],
                                       " nolint" if site["nolint"] else ""))
    for u in report.get("unconfirmed_source_findings", []):
        s = u["site"]
        print("unconfirmed %s:%d:%d%s %s programs=%s reasons=%s configs=%s" % (
            s["file"], s["line"], s["column"], " nolint" if s["nolint"] else "",
            s["function"],
            ",".join(u["programs"]), ",".join(str(r) for r in u["reasons"]),
            ",".join(u["configurations"])))
    print("summary " + " ".join("%s=%s" % kv for kv in
                                sorted(report["summary"].items())))
else:
    run = report["runs"][0]
    print("version=%s driver=%s" % (report["version"],
                                     run["tool"]["driver"]["name"]))
    for rule in run["tool"]["driver"]["rules"]:
        print("rule " + rule["id"])
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]
        region = loc.get("region", {})
        print("result %s %s:%s:%s" % (r["ruleId"],
                                      loc["artifactLocation"]["uri"],
                                      region.get("startLine", 0),
                                      region.get("startColumn", 0)))
        print("  message " + r["message"]["text"])
        for rel in r.get("relatedLocations", []):
            p = rel["physicalLocation"]
            print("  related %s:%d %s" % (p["artifactLocation"]["uri"],
                                          p["region"]["startLine"],
                                          rel["message"]["text"]))
        print("  properties " + " ".join("%s=%s" % kv for kv in
                                         sorted(r["properties"].items())))
