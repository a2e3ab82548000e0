"""Prints, for each packet recipe given, what bpf-tidy-verify's JSON report
(single mode) says its run notified: verdict, decoded events and metrics."""
import json
import sys

report = json.load(open(sys.argv[1]))
runs = {r["packet"]: r for r in report["trees"][0]["runs"]}
for packet in sys.argv[2:]:
    run = runs[packet]
    events = "; ".join("reason %d dir %d file %d line %d" % (
        e["reason"], e["direction"], e["source_file"], e["source_line"])
        for e in run.get("drop_events", []))
    metrics = " ".join("%d/%d=%d" % (m["reason"], m["direction"], m["count"])
                       for m in run.get("metrics", []))
    print("%s: verdict %d events [%s] metrics [%s]"
          % (packet, run["verdict"], events, metrics))
