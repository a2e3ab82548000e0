#!/usr/bin/env python3
"""Prints the facts of a bpf-tidy report, one per line, for FileCheck.

  report_facts.py json FILE       --format=json output
  report_facts.py sarif FILE      --format=sarif output (and its structure)
  report_facts.py baseline FILE   a --write-baseline file
  report_facts.py units FILE...   the units of several JSON reports, sorted,
                                  with a count of duplicates

Fails (exit 1) when a required member is missing, so a test checks the
structure as well as the values.
"""
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def where(o):
    return "%s:%d:%d" % (o["file"], o["line"], o["column"])


def facts_json(d):
    print("version=%d tool=%s" % (d["version"], d["tool"]))
    print("configurations=" + ",".join(d["configurations"]))
    for u in d["units"]:
        print("unit %s %s" % (u["file"], u["configuration"]))
    for f in d["findings"]:
        print("finding %s %s [%s] configs=%s fixed=%s" % (
            where(f), f["level"], f["check"], ",".join(f["configurations"]),
            f.get("fixed", "-")))
        print("  function=%s occurrence=%d statement=%s" % (
            f["function"], f["occurrence"], f["statement"]))
        print("  message=%s" % f["message"])
        for n in f["notes"]:
            print("  note %s %s" % (where(n) if "file" in n else "-",
                                    n["message"]))
        for e in f["fix"]:
            assert e["length"] >= 0 and e["offset"] >= 0
            print("  edit %s-%d:%d %r" % (where(e), e["end_line"],
                                          e["end_column"], e["replacement"]))
        if "fix_withheld" in f:
            print("  fix_withheld=%s" % f["fix_withheld"])
    s = d["summary"]
    print("summary findings=%d with_fix=%d fixed=%d errors=%d" % (
        s["findings"], s["with_fix"], s["fixed"], s["errors"]))


def region(r):
    return "%d:%d" % (r["startLine"], r["startColumn"])


def facts_sarif(d):
    assert d["version"] == "2.1.0", d["version"]
    assert d["$schema"].endswith("sarif-2.1.0.json")
    (run,) = d["runs"]
    driver = run["tool"]["driver"]
    print("driver=%s version=%s" % (driver["name"], driver["version"]))
    rules = [r["id"] for r in driver["rules"]]
    print("rules=" + ",".join(rules))
    base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert base.startswith("file:///") and base.endswith("/"), base
    for r in run["results"]:
        assert rules[r["ruleIndex"]] == r["ruleId"]
        (loc,) = r["locations"]
        p = loc["physicalLocation"]
        art = p["artifactLocation"]
        print("result %s %s:%s %s configs=%s" % (
            r["ruleId"], art["uri"], region(p["region"]), r["level"],
            ",".join(r["properties"]["configurations"])))
        print("  message=%s" % r["message"]["text"])
        for rel in r.get("relatedLocations", []):
            rp = rel["physicalLocation"]
            print("  related %d %s:%s %s" % (
                rel["id"], rp["artifactLocation"]["uri"], region(rp["region"]),
                rel["message"]["text"]))
        for fix in r.get("fixes", []):
            for change in fix["artifactChanges"]:
                for rep in change["replacements"]:
                    dr = rep["deletedRegion"]
                    print("  fix %s:%s-%d:%d %r" % (
                        change["artifactLocation"]["uri"], region(dr),
                        dr["endLine"], dr["endColumn"],
                        rep["insertedContent"]["text"]))


def facts_baseline(d):
    print("version=%d tool=%s" % (d["version"], d["tool"]))
    for f in d["findings"]:
        print("entry %s [%s] function=%s occurrence=%d statement=%s" % (
            f["file"], f["check"], f["function"], f["occurrence"],
            f["statement"]))


def facts_units(paths):
    units = []
    for path in paths:
        units += ["%s %s" % (u["file"], u["configuration"])
                  for u in load(path)["units"]]
    for u in sorted(set(units)):
        print("unit %s x%d" % (u, units.count(u)))
    print("total=%d distinct=%d" % (len(units), len(set(units))))


def main():
    kind = sys.argv[1]
    if kind == "units":
        facts_units(sys.argv[2:])
        return
    d = load(sys.argv[2])
    {"json": facts_json, "sarif": facts_sarif,
     "baseline": facts_baseline}[kind](d)


if __name__ == "__main__":
    main()
