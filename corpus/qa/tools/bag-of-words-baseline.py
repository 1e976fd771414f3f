#!/usr/bin/env python3
"""Would a learned bag-of-words model classify complaint type better than the rulebook? A quick check.

    python3 corpus/qa/tools/bag-of-words-baseline.py

Multinomial naive Bayes (add-0.5 smoothing) on the customer's turns: Chinese character bigrams and the first six
letters of English words. Prints 5-fold cross-validation on dev/, dev -> test/, and the majority-class baseline
of test/. Measured 2026-12-03 (dev 349, test 70): 0.57 cross-validated, 0.47 dev -> test, majority 0.61, against
the rulebook's 0.60 on the same test half: with a few hundred labels a bag of words is no better than the word
lists, so it was not pursued (docs/qa-accuracy.md).
"""
import collections
import glob
import json
import math
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def features(transcript):
    out = collections.Counter()
    for m in transcript["messages"]:
        if m["role"] != "customer":
            continue
        text = re.sub(r"@\w+", "", m["text"].lower())
        for w in re.findall(r"[a-z']+", text):
            out["w:" + w[:6]] += 1
        zh = re.sub(r"[^\u4e00-\u9fff]", "", text)
        for i in range(len(zh) - 1):
            out["b:" + zh[i:i + 2]] += 1
    return out


def load(split):
    rows = []
    for p in sorted(glob.glob(os.path.join(ROOT, split, "*.gold.json"))):
        gold = json.load(open(p, encoding="utf-8"))
        transcript = json.load(open(p.replace(".gold.json", ".json"), encoding="utf-8"))
        rows.append((features(transcript), gold["complaint"]["type"]))
    return rows


def train(rows):
    prior, counts, totals, vocab = collections.Counter(), collections.defaultdict(collections.Counter), collections.Counter(), set()
    for f, y in rows:
        prior[y] += 1
        for k in f:
            counts[y][k] += 1
            totals[y] += 1
            vocab.add(k)
    return prior, counts, totals, len(vocab)


def predict(model, f):
    prior, counts, totals, v = model
    n = sum(prior.values())
    return max(prior, key=lambda y: math.log(prior[y] / n)
               + sum(math.log((counts[y][k] + 0.5) / (totals[y] + 0.5 * v)) for k in f))


def accuracy(model, rows):
    return sum(predict(model, f) == y for f, y in rows) / len(rows)


def main():
    dev, test = load("dev"), load("test")
    order = list(range(len(dev)))
    random.Random(1).shuffle(order)
    folds = []
    for k in range(5):
        held = set(order[k::5])
        folds.append(accuracy(train([dev[i] for i in order if i not in held]), [dev[i] for i in order[k::5]]))
    print("5-fold cross-validation on dev (%d): %.2f" % (len(dev), sum(folds) / len(folds)))
    print("dev -> test (%d): %.2f" % (len(test), accuracy(train(dev), test)))
    majority = collections.Counter(y for _, y in test).most_common(1)[0]
    print("majority class of test (%s): %.2f" % (majority[0], majority[1] / len(test)))


if __name__ == "__main__":
    main()
