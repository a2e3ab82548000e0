"""Prints the rule entries and results of a SARIF log, for
sarif-missed-tail-call.test: the bpf-unnotified-missed-tail-call rule in
full, the others by id."""
import collections
import json
import sys

run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
for rule in rules:
    if rule["id"] != "bpf-unnotified-missed-tail-call":
        print("rule %s name=%s" % (rule["id"], rule["name"]))
        continue
    print("rule %s name=%s level=%s" % (rule["id"], rule["name"],
                                        rule["defaultConfiguration"]["level"]))
    print("  short: " + rule["shortDescription"]["text"])
    print("  full: " + rule["fullDescription"]["text"])
    print("  help: " + rule["help"]["markdown"].replace("\n", " "))
    print("  helpUri: " + rule["helpUri"])
counts = collections.Counter(r["ruleId"] for r in run["results"])
print("results " + " ".join("%s=%d" % kv for kv in sorted(counts.items())))
if all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"]):
    print("every result's ruleIndex names its rule")
else:
    print("a ruleIndex names another rule")
