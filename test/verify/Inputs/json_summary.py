"""Prints the facts a test checks from bpf-tidy-verify's JSON report, one
"key=value" per line, so FileCheck can assert them."""
import json
import sys

report = json.load(open(sys.argv[1]))
print("mode=%s" % report["mode"])
print("exit_code=%d" % report["exit_code"])
for key, value in sorted(report["summary"].items()):
    print("summary.%s=%s" % (key, value))
for tree in report["trees"]:
    label = tree["label"] or "tree"
    print("%s.programs=%d" % (label, len(tree["programs"])))
    known = [p for p in tree["programs"] if p["cost"] and p["cost"]["insns"] > 0]
    print("%s.programs_with_cost=%d" % (label, len(known)))
    print("%s.bare_drops=%d" % (label, tree["bare_drops"]))
for site in report["sites"]:
    print("site.%s=%s" % (site["id"], site["status"]))
for cost in report.get("costs", []):
    if cost["before"] and cost["after"]:
        print("cost.%s.%s: %d -> %d" % (cost["configuration"], cost["program"],
                                        cost["before"]["insns"],
                                        cost["after"]["insns"]))
for failure in report["failures"]:
    print("failure.%s: %s" % (failure["stage"], failure["message"]))
