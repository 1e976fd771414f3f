#!/usr/bin/env python3
"""Where should the complaint-type model decide, and how sure must it be? Judged on chats the lexicons had not seen.

    ./kefu qa train --gold corpus/qa/dev --cv 10 --predictions /tmp/cv.tsv
    python3 corpus/qa/tools/gate-check.py /tmp/cv.tsv EVAL.json [EVAL.json ...]

Each EVAL.json is `./kefu qa eval --gold DIR --json` of a half, run by the scorer of a past commit before that half
was read (a git worktree at it), so its complaint-type calls are the lexicons' on unseen chats; the chats are in
dev/ now, so the model's call for each is its cross-validation fold's (trained without it). Prints, per source, how
many types the lexicons, the model alone and each policy get right: the model decides when the lexicons gave a
type in OPEN and the model is at least GATE sure. docs/qa-accuracy.md, "The complaint-type model", has the run.
"""
import collections
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POLICIES = {"NONE or OTHER (shipped)": {"NONE", "OTHER"},
            "any": {"NONE", "OTHER", "PRODUCT_QUALITY", "LOGISTICS", "AFTER_SALES", "MISLEADING_DESCRIPTION"},
            "NONE only": {"NONE"},
            "OTHER only": {"OTHER"}}
GATES = (0.4, 0.5, 0.6, 0.7)
NEW_COMPLAINT = 0.8


def main():
    predictions = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        next(f)
        for line in f:
            cid, kind, p = line.rstrip("\n").split("\t")
            predictions[cid] = (kind, float(p) if p else 0.0)
    gold = {}
    for path in glob.glob(os.path.join(ROOT, "dev", "*.gold.json")):
        g = json.load(open(path, encoding="utf-8"))
        gold[g["transcriptId"]] = g["complaint"]["type"]
    counts = collections.defaultdict(collections.Counter)
    for path in sys.argv[2:]:
        report = json.load(open(path, encoding="utf-8"))
        half = report["gold"]
        ids = sorted(os.path.basename(p)[:-len(".gold.json")] for p in glob.glob(os.path.join(half, "*.gold.json")))
        if not ids:
            sys.exit("%s: its gold directory %s is gone; recreate it (corpus/qa/tools/halves.sh)" % (path, half))
        called = {d["transcriptId"]: d["scored"] for d in report["disagreements"] if d["what"] == "complaint.type"}
        for cid in ids:
            if cid not in gold or cid not in predictions:
                continue
            truth = gold[cid]
            lexicons = called.get(cid, truth)
            model, sure = predictions[cid]
            c = counts[cid.rsplit("-", 1)[0]]
            c["chats"] += 1
            c["lexicons"] += lexicons == truth
            c["model alone"] += model == truth
            for name, open_ in POLICIES.items():
                for gate in GATES:
                    decided = model if lexicons in open_ and sure >= gate else lexicons
                    c["%s @ %.1f" % (name, gate)] += decided == truth
            for gate in GATES:  # tried, not shipped: a complaint made out of none needing the model surer
                decided = model if lexicons == "OTHER" and sure >= gate or lexicons == "NONE" and sure >= NEW_COMPLAINT \
                    else lexicons
                c["OTHER @ %.1f, NONE @ %.1f" % (gate, NEW_COMPLAINT)] += decided == truth
    total = collections.Counter()
    for source in sorted(counts):
        total.update(counts[source])
    counts["all"] = total
    for source, c in counts.items():
        print("%s (%d chats)" % (source, c["chats"]))
        for key, value in c.items():
            if key != "chats":
                print("  %-32s %d" % (key, value))


if __name__ == "__main__":
    main()
