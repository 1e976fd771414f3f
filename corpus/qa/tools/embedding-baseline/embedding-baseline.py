#!/usr/bin/env python3
"""Would pretrained sentence embeddings classify complaints better than the rulebook's word lists? A check.

    python3 corpus/qa/tools/embedding-baseline/embedding-baseline.py     (needs numpy; builds the embedder with ./mvnw)

Each customer message of every dev chat is embedded (EmbedCustomerTurns: bge-small-zh-v1.5 for Chinese,
all-MiniLM-L6-v2 for English, quantised ONNX from Maven Central through langchain4j). A chat is the mean and the
maximum of its customer vectors; one softmax regression per language learns the complaint type. Fresh halves A, B,
C and E (corpus/qa/tools/halves.sh) are each held out in turn and the model learns from the rest of dev, with its L2
weight picked by 5-fold cross-validation inside that rest, so the held-out half is never looked at before it is
scored. The rulebook scored these same halves, unseen, at the commits docs/qa-accuracy.md names: compare with that.
Half D (test/) is not touched. Prints complaint type and complaint-or-not agreement per half.
"""
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DEV = os.path.join(ROOT, "corpus", "qa", "dev")
TYPES = ["NONE", "PRODUCT_QUALITY", "LOGISTICS", "AFTER_SALES", "MISLEADING_DESCRIPTION", "OTHER"]
L2 = [0.003, 0.01, 0.03, 0.1, 0.3]


def embed(out):
    pom = os.path.join(HERE, "pom.xml")
    mvn = [os.path.join(ROOT, "mvnw"), "-q", "-B", "-f", pom]
    subprocess.run(mvn + ["compile", "dependency:build-classpath", "-Dmdep.outputFile=" + out + ".cp"], check=True)
    cp = os.path.join(HERE, "target", "classes") + os.pathsep + open(out + ".cp").read().strip()
    subprocess.run(["java", "-cp", cp, "io.kefu.corpus.EmbedCustomerTurns", out, DEV], check=True)
    turns = collections.defaultdict(list)
    for line in open(out, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        turns[parts[0]].append(np.array(parts[2:], dtype=np.float64))
    return {chat: np.concatenate([np.mean(v, 0), np.max(v, 0)]) for chat, v in turns.items()}


def halves():
    folder = tempfile.mkdtemp(prefix="qa-halves-")
    subprocess.run([os.path.join(ROOT, "corpus", "qa", "tools", "halves.sh"), folder], check=True,
                   stdout=subprocess.DEVNULL)
    return {h: {os.path.basename(p)[:-len(".gold.json")] for p in glob.glob(os.path.join(folder, "half-" + h, "*.gold.json"))}
            for h in "abce"}


def fit(x, y, l2, steps=500, rate=0.5):
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros((x.shape[1], len(TYPES)))
    target = np.eye(len(TYPES))[y]
    for _ in range(steps):
        z = x @ w
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        w -= rate * (x.T @ (p - target) / len(x) + l2 * w)
    return w


def classify(train, test, vectors, gold, l2):
    """Predicted label per test chat: one model per language, features standardised on the training chats."""
    out = {}
    for lang in ("zh", "en"):
        learn = [c for c in train if c.startswith(lang) and c in vectors]
        judge = [c for c in test if c.startswith(lang)]
        if not judge:
            continue
        x = np.stack([vectors[c] for c in learn])
        mean, spread = x.mean(0), x.std(0) + 1e-6
        w = fit((x - mean) / spread, np.array([gold[c] for c in learn]), l2)
        for c in judge:
            if c not in vectors:  # no customer text at all: no complaint
                out[c] = 0
                continue
            z = np.append((vectors[c] - mean) / spread, 1.0) @ w
            out[c] = int(np.argmax(z))
    return out


def agreement(pred, gold):
    return sum(pred[c] == gold[c] for c in pred)


def pick_l2(train, vectors, gold):
    chats = sorted(train)
    np.random.default_rng(20261203).shuffle(chats)
    best = None
    for l2 in L2:
        right = sum(agreement(classify([c for c in chats if c not in fold], fold, vectors, gold, l2), gold)
                    for fold in (set(chats[k::5]) for k in range(5)))
        if best is None or right > best[1]:
            best = (l2, right)
    return best[0]


def main():
    vectors = embed(os.path.join(tempfile.mkdtemp(prefix="qa-embed-"), "dev-customer-turns.tsv"))
    labels = {}
    for p in glob.glob(os.path.join(DEV, "*.gold.json")):
        g = json.load(open(p, encoding="utf-8"))
        labels[g["transcriptId"]] = TYPES.index(g["complaint"]["type"])
    for name, gold in (("complaint type", labels), ("complaint or not", {c: int(t != 0) for c, t in labels.items()})):
        cells = []
        total = [0, 0]
        for h, held in halves().items():
            train = [c for c in gold if c not in held]
            l2 = pick_l2(train, vectors, gold)
            right = agreement(classify(train, held, vectors, gold, l2), gold)
            total[0] += right
            total[1] += len(held)
            cells.append("half %s %d/%d (L2 %g)" % (h.upper(), right, len(held), l2))
        print("%-17s %s; all %d/%d" % (name, ", ".join(cells), total[0], total[1]))


if __name__ == "__main__":
    sys.exit(main())
