#!/usr/bin/env python3
"""How often two careful reviewers agree: a second, independent label of some corpus chats against the first.

    python3 corpus/qa/tools/agreement.py corpus/qa/second-opinion corpus/qa/dev

Prints the numbers `./kefu qa eval` prints for the scorer, with the first label as gold and the second reviewer in
the scorer's place (per rule TP/FP/FN/TN, precision, recall; status, complaint type and severity, customer upset),
plus Cohen's kappa where a rule has both classes. It is the ceiling the accuracy targets live under: a scorer cannot
be expected to agree with one reviewer more often than a second reviewer does.
"""
import json
import os
import sys

RULES = ["greeting", "closing", "satisfaction", "empathy", "forbidden", "slang", "insult", "pii-disclosure", "transfer"]


def load(d):
    out = {}
    for name in sorted(os.listdir(d)):
        if name.endswith(".gold.json"):
            out[name[:-len(".gold.json")]] = json.load(open(os.path.join(d, name), encoding="utf-8"))
    return out


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return None
    agree = sum(1 for a, b in pairs if a == b) / n
    pa = sum(1 for a, _ in pairs if a) / n
    pb = sum(1 for _, b in pairs if b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return None if chance == 1 else (agree - chance) / (1 - chance)


def ratio(x, y):
    return "n/a" if y == 0 else "%.2f" % (x / y)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    second, first = load(sys.argv[1]), load(sys.argv[2])
    ids = sorted(i for i in second if i in first)
    missing = sorted(i for i in second if i not in first)
    if missing:
        sys.exit("agreement: no first label for " + ", ".join(missing))
    print("%d chats labelled twice (%d zh, %d en); first label = gold, second reviewer in the scorer's place\n"
          % (len(ids), sum(i.startswith("zh") for i in ids), sum(i.startswith("en") for i in ids)))
    print("%-15s %4s %4s %4s %4s  %-9s  %-6s  %s" % ("rule", "TP", "FP", "FN", "TN", "precision", "recall", "kappa"))
    for rule in RULES + ["customer-upset"]:
        tp = fp = fn = tn = 0
        pairs = []
        for i in ids:
            if rule == "customer-upset":
                a, b = bool(first[i].get("customerUpset")), bool(second[i].get("customerUpset"))
            else:
                va, vb = first[i]["rules"].get(rule), second[i]["rules"].get(rule)
                if va is None or vb is None:
                    continue
                a, b = va == "FAIL", vb == "FAIL"
            pairs.append((a, b))
            tp += a and b
            fp += b and not a
            fn += a and not b
            tn += not a and not b
        k = kappa(pairs)
        print("%-15s %4d %4d %4d %4d  %-9s  %-6s  %s" % (rule, tp, fp, fn, tn, ratio(tp, tp + fp), ratio(tp, tp + fn),
                                                       "n/a" if k is None else "%.2f" % k))
    n = len(ids)
    same = lambda f: sum(1 for i in ids if f(first[i]) == f(second[i]))
    print()
    print("status agreement    %d/%d (%d%%)" % (same(lambda g: g["status"]), n, round(100 * same(lambda g: g["status"]) / n)))
    for field in ("type", "severity"):
        s = same(lambda g: g["complaint"][field])
        print("complaint %-9s %d/%d (%d%%)" % (field, s, n, round(100 * s / n)))
    turns_a = sum(len(first[i]["upsetTurns"]) for i in ids)
    turns_both = sum(len(set(first[i]["upsetTurns"]) & set(second[i]["upsetTurns"])) for i in ids)
    turns_b = sum(len(second[i]["upsetTurns"]) for i in ids)
    print("upset turns         first %d, second %d, both %d" % (turns_a, turns_b, turns_both))
    prom_a = sum(len(first[i]["promises"]) for i in ids)
    prom_b = sum(len(second[i]["promises"]) for i in ids)
    prom_both = sum(len({p["messageIndex"] for p in first[i]["promises"]} & {p["messageIndex"] for p in second[i]["promises"]})
                    for i in ids)
    print("promises            first %d, second %d, both %d" % (prom_a, prom_b, prom_both))


if __name__ == "__main__":
    main()
