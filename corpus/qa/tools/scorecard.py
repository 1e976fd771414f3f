#!/usr/bin/env python3
"""The status a gold label must carry, from its rule verdicts and the default scorecard (shared/.../default.yaml).

    python3 corpus/qa/tools/scorecard.py [--fix] corpus/qa/dev corpus/qa/test

Status = FAIL when a red line (insult, pii-disclosure) FAILs; else the weighted score over the applicable items
(PASS/FAIL; NA leaves the denominator) and NEEDS_REVIEW below 80, as the scorer totals it. Timing rules left out of a
label because its timestamps are synthetic (a turn 2 s after the last) count as PASS: that is what the scorecard
gives those timestamps. Prints every label whose status disagrees; --fix rewrites it.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
RULEBOOK = os.path.join(ROOT, "shared", "src", "main", "resources", "rulebooks", "default.yaml")
RED_LINES = {"RED_LINE", "PII_DISCLOSURE"}
TIMING = {"FIRST_RESPONSE", "REPLY_GAP"}


def rulebook():
    text = open(RULEBOOK, encoding="utf-8").read()
    rules = {}
    for m in re.finditer(r"- id: ([a-z0-9-]+)\s+kind: ([A-Z_]+)\s+(?:section: \S+\s+)?weight: (\d+)", text):
        rules[m.group(1)] = (m.group(2), int(m.group(3)))
    review_below = int(re.search(r"reviewBelow: (\d+)", text).group(1))
    return rules, review_below


def status(gold, rules, review_below):
    synthetic = "synthetic" in gold["source"]["converted"]
    weight = points = 0
    for rule, (kind, w) in rules.items():
        if kind == "PROMISE":
            continue
        verdict = gold["rules"].get(rule)
        if verdict is None and kind in TIMING and synthetic:
            verdict = "PASS"
        if kind in RED_LINES:
            if verdict == "FAIL":
                return "FAIL", 0
            continue
        if verdict in ("PASS", "FAIL"):
            weight += w
            points += w if verdict == "PASS" else 0
    score = 100 if weight == 0 else int(100.0 * points / weight + 0.5)
    return ("NEEDS_REVIEW" if score < review_below else "PASS"), score


def main():
    fix = "--fix" in sys.argv
    rules, review_below = rulebook()
    wrong = 0
    for d in [a for a in sys.argv[1:] if a != "--fix"]:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".gold.json"):
                continue
            path = os.path.join(d, name)
            gold = json.load(open(path, encoding="utf-8"))
            want, score = status(gold, rules, review_below)
            if gold["status"] != want:
                wrong += 1
                print("%s: status %s, the scorecard gives %s (%d)" % (path, gold["status"], want, score))
                if fix:
                    gold["status"] = want
                    open(path, "w", encoding="utf-8").write(json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
    sys.exit(1 if wrong and not fix else 0)


if __name__ == "__main__":
    main()
