#!/usr/bin/env python3
"""Prints what GitHub code scanning reads from a --format=sarif report, one
fact per line, for FileCheck: the tool's and rules' metadata, where URIs
point (and how many are absolute), each result with its fingerprints, and
the invocation with its notifications.

  sarif_facts.py FILE             every fact
  sarif_facts.py --fingerprints FILE
                                  one line per result without its line
                                  number: rule, file, fingerprints (to
                                  compare two runs whose lines moved)
  sarif_facts.py --results FILE...
                                  one line per result of all the files,
                                  sorted: rule, place, fingerprints,
                                  configurations; then the count (to
                                  compare shards with one run)
"""
import json
import sys


def absolute_uris(node, path=""):
    """URIs with a scheme or a leading slash, outside originalUriBaseIds."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "originalUriBaseIds":
                continue
            if key == "uri" and isinstance(value, str) and \
                    (":" in value or value.startswith("/")):
                found.append(path + "." + key)
            found += absolute_uris(value, path + "." + key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += absolute_uris(value, "%s[%d]" % (path, i))
    return found


def where(location):
    p = location["physicalLocation"]
    art = p["artifactLocation"]
    text = "%s@%s" % (art["uri"], art.get("uriBaseId", "-"))
    if "region" in p:
        text += ":%d:%d" % (p["region"]["startLine"],
                            p["region"]["startColumn"])
    return text


def fingerprints(result):
    return " ".join("%s=%s" % kv for kv in
                    sorted(result.get("partialFingerprints", {}).items()))


def facts(d):
    (run,) = d["runs"]
    driver = run["tool"]["driver"]
    print("informationUri=%s" % driver.get("informationUri", "-"))
    for base, value in sorted(run.get("originalUriBaseIds", {}).items()):
        print("base %s=%s" % (base, value["uri"]))
    for rule in driver["rules"]:
        print("rule %s name=%s level=%s" % (
            rule["id"], rule.get("name", "-"),
            rule.get("defaultConfiguration", {}).get("level", "-")))
        print("  short=%s" % rule["shortDescription"]["text"])
        print("  full=%s" % rule.get("fullDescription", {}).get("text", "-"))
        help_ = rule.get("help", {})
        print("  help.text=%s" % help_.get("text", "-").replace("\n", "|"))
        print("  help.markdown=%s" %
              help_.get("markdown", "-").replace("\n", "|"))
        print("  helpUri=%s" % rule.get("helpUri", "-"))
    bad = absolute_uris(d)
    print("absolute-uris=%d %s" % (len(bad), " ".join(bad)))
    rules = [r["id"] for r in driver["rules"]]
    prints = []
    for r in run["results"]:
        assert rules[r["ruleIndex"]] == r["ruleId"]
        (loc,) = r["locations"]
        print("result %s %s %s" % (r["ruleId"], where(loc), r["level"]))
        print("  fingerprints %s" % fingerprints(r))
        prints.append(fingerprints(r))
    print("fingerprints distinct=%d of %d" % (len(set(prints)), len(prints)))
    for inv in run.get("invocations", []):
        notes = inv.get("toolExecutionNotifications", [])
        print("invocation executionSuccessful=%s notifications=%d" % (
            json.dumps(inv["executionSuccessful"]), len(notes)))
        for n in notes:
            locs = " ".join(where(l) for l in n.get("locations", []))
            print("  notification %s %s %s: %s" % (
                n.get("level", "warning"),
                n.get("descriptor", {}).get("id", "-"), locs or "-",
                n["message"]["text"]))


def fingerprint_lines(d):
    (run,) = d["runs"]
    for r in run["results"]:
        art = r["locations"][0]["physicalLocation"]["artifactLocation"]
        print("%s %s %s" % (r["ruleId"], art["uri"], fingerprints(r)))


def result_lines(paths):
    lines = []
    for path in paths:
        with open(path) as f:
            (run,) = json.load(f)["runs"]
        for r in run["results"]:
            lines.append("%s %s %s configs=%s" % (
                r["ruleId"], where(r["locations"][0]), fingerprints(r),
                ",".join(sorted(r["properties"]["configurations"]))))
    for line in sorted(lines):
        print(line)
    print("results=%d" % len(lines))


def main():
    if sys.argv[1] == "--results":
        result_lines(sys.argv[2:])
        return
    if sys.argv[1] == "--fingerprints":
        with open(sys.argv[2]) as f:
            fingerprint_lines(json.load(f))
        return
    with open(sys.argv[1]) as f:
        facts(json.load(f))


if __name__ == "__main__":
    main()
