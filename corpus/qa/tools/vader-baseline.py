#!/usr/bin/env python3
"""Customer upset in English chats from VADER, a general sentiment lexicon, against the labels (and the scorer).

    python3 corpus/qa/tools/vader-baseline.py corpus/qa/dev [--scored eval.json] [--mirror /work/.mirror]

VADER (C.J. Hutto, MIT licence, github.com/cjhutto/vaderSentiment; fetch the snapshot into the mirror first, as for
convert.py) grades every sentence from -1 to 1 with its own intensifiers, negation, capitals and "!". A chat counts as
upset when one customer sentence grades at or below the threshold; printed for several thresholds, chat level, English
labels only. With --scored (the output of `./kefu qa eval --gold DIR --json` on the same DIR) it also prints the
scorer's upset and "scorer or VADER", to see whether the lexicon would add what the rules miss. VADER is tuned on
nothing here, so its figures on dev are as fair as on a fresh half; the scorer's are not (it was tuned on dev).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

REPO = "cjhutto+vaderSentiment"
THRESHOLDS = [-0.3, -0.4, -0.5, -0.6, -0.7]


def vader(mirror):
    repo = os.path.join(mirror, REPO, "repo")
    work = tempfile.mkdtemp(prefix="vader-")
    for name in ["vaderSentiment.py", "vader_lexicon.txt", "emoji_utf8_lexicon.txt"]:
        with open(os.path.join(work, name), "wb") as out:
            out.write(subprocess.run(["git", "-C", repo, "show", "HEAD:vaderSentiment/" + name], check=True,
                                     capture_output=True).stdout)
    sys.path.insert(0, work)
    from vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer(lexicon_file=os.path.join(work, "vader_lexicon.txt"),
                                      emoji_lexicon=os.path.join(work, "emoji_utf8_lexicon.txt"))


def lowest(sia, transcript):
    grades = [0.0]
    for m in transcript["messages"]:
        if m["role"] == "customer":
            text = re.sub(r"https?://\S+|@\w+", "", m["text"])
            grades += [sia.polarity_scores(s)["compound"] for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return min(grades)


def row(name, chats, predicted):
    tp = sum(1 for c, p in zip(chats, predicted) if c["gold"] and p)
    fp = sum(1 for c, p in zip(chats, predicted) if not c["gold"] and p)
    fn = sum(1 for c, p in zip(chats, predicted) if c["gold"] and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print("%-22s TP %3d  FP %3d  FN %3d  precision %.2f  recall %.2f  F1 %.2f" % (name, tp, fp, fn, precision, recall, f1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--scored")
    ap.add_argument("--mirror", default="/work/.mirror")
    args = ap.parse_args()
    sia = vader(args.mirror)
    scored = None
    if args.scored:
        report = json.load(open(args.scored, encoding="utf-8"))
        scored = {(d["transcriptId"], d["what"]): d["scored"] for d in report["disagreements"]}
    chats = []
    for path in sorted(glob.glob(os.path.join(args.gold, "*.gold.json"))):
        gold = json.load(open(path, encoding="utf-8"))
        if gold["lang"] != "en":
            continue
        transcript = json.load(open(path[:-len(".gold.json")] + ".json", encoding="utf-8"))
        chat = {"gold": gold["customerUpset"], "vader": lowest(sia, transcript)}
        if scored is not None:
            key = (gold["transcriptId"], "upset")
            chat["scorer"] = scored[key] == "true" if key in scored else gold["customerUpset"]
        chats.append(chat)
    print("%d English chats in %s, customer upset at chat level" % (len(chats), args.gold))
    if scored is not None:
        row("scorer", chats, [c["scorer"] for c in chats])
    for t in THRESHOLDS:
        row("VADER <= %.1f" % t, chats, [c["vader"] <= t for c in chats])
        if scored is not None:
            row("scorer or VADER %.1f" % t, chats, [c["scorer"] or c["vader"] <= t for c in chats])


if __name__ == "__main__":
    main()
