#!/usr/bin/env python3
"""Pick chats for the corpus at random, reproducibly, from what no split uses yet.

    python3 corpus/qa/tools/pick.py --dataset jddc --count 40 --seed 20261202 --split test --prefix zh-jddc \
        [--min 8 --max 18] [--mirror /work/.mirror]

Appends rows (id, split, dataset, item, note) to corpus/qa/tools/selection.tsv; then run convert.py to write the
transcripts and label them by docs/qa-gold-format.md before scoring them. The size bounds count source lines (JDDC)
or messages after conversion (IBM: the dialog context plus the agent's closing reply; TWCS: the tweets of a reply tree
rooted at a customer's opening tweet, one of them the company's; twcs-nexora: a complete conversation so opened,
and sharing no tweet with the other TWCS copies). Items already in
selection.tsv, under any dataset that reads the same file, are never picked again; --exclude leaves out items
already read another way (tools/read-unlabelled.txt: IBM threads read through unlabelled.py on 2026-12-06).
"""
import argparse
import csv
import json
import os
import random
import re

import convert

HERE = os.path.dirname(os.path.abspath(__file__))


def candidates(raw, dataset, lo, hi, single_reply=False):
    if dataset.startswith("jddc"):
        lines = {}
        for l in raw.splitlines():
            parts = l.split("\t")
            if len(parts) >= 7:
                lines.setdefault(parts[0], []).append(parts)
        return sorted(s for s, ls in lines.items()
                      if lo <= len(ls) <= hi and any(p[2] == "1" for p in ls) and any(p[2] == "0" for p in ls))
    if dataset.startswith("jdrec"):
        return sorted(r["id"] for r in json.loads(raw)
                      if lo <= len(r["dialogs"]) <= hi and {"顾客", "客服"} <= set(r["roles"]))
    if dataset.startswith("ibm-twcc"):
        out = []
        for c in json.loads(raw):
            n = len(c["dialogContent"]) + 1
            agent_in_thread = any("agent" in t for t in c["dialogContent"])
            # --single-reply: the customer's tweets, then the agent's one reply (the agent is in the thread once)
            if lo <= n <= hi and any("client" in t for t in c["dialogContent"]) and agent_in_thread != single_reply:
                out.append(c["dialogHeader"]["sessionID"])
        return sorted(out)
    if dataset == "twcs-nexora":
        # a complete conversation opened by a customer's tweet and holding a company reply
        return sorted(c for c, turns in convert.by_key(raw, None, convert.nexora_conversations).items()
                      if lo <= len(turns) <= hi and convert.twcs_inbound(turns[0])
                      and not all(convert.twcs_inbound(r) for r in turns))
    if dataset.startswith("twcs"):
        rows = convert.twcs_rows(raw)
        by_id = {r["tweet_id"]: r for r in rows}
        replies = convert.twcs_replies(rows)
        out = []
        for r in rows:
            # a root is a customer's opening tweet; the thread must hold a company reply
            if r["in_response_to_tweet_id"] or not convert.twcs_inbound(r):
                continue
            thread = convert.twcs_thread(replies, r["tweet_id"])
            if lo <= len(thread) <= hi and not all(convert.twcs_inbound(by_id[t]) for t in thread):
                out.append(r["tweet_id"])
        return sorted(out, key=int)
    raise SystemExit("pick: no candidate rule for dataset " + dataset)


def unit(dataset):
    """What the size bounds count, as the note says it."""
    return "lines" if dataset.startswith(("jddc", "jdrec")) else "tweets" if dataset.startswith("twcs") else "messages"


def twcs_overlap(raw, candidates, used_roots):
    """TWCS copies share the dataset's tweet ids: a candidate whose reply tree shares a tweet with a tree any TWCS
    copy already gave the corpus is not fresh."""
    replies = convert.twcs_replies(convert.twcs_rows(raw))
    taken = {t for root in used_roots for t in convert.twcs_thread(replies, root)}
    return {c for c in candidates if taken.intersection(convert.twcs_thread(replies, c))}


def nexora_overlap(raw, candidates, mirror):
    """A Nexora conversation that shares a tweet with any row of the other TWCS copies (used in the corpus or not) is
    not fresh: those copies are the head of twcs.csv and the dataset's sample, and their trees are the corpus's."""
    seen = {r["tweet_id"] for d in ("twcs-head", "twcs-sample", "twcs-5k")
            for r in convert.twcs_rows(convert.git_show(mirror, d))}
    convos = convert.by_key(raw, None, convert.nexora_conversations)
    return {c for c in candidates if seen.intersection(r["tweet_id"] for r in convos[c])}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--split", required=True)
    ap.add_argument("--prefix", required=True, help="id prefix, e.g. zh-jddc or en-ibm")
    ap.add_argument("--min", type=int, default=8)
    ap.add_argument("--max", type=int, default=18)
    ap.add_argument("--single-reply", action="store_true",
                    help="IBM: threads whose only agent message is the closing reply (default: the agent also in the thread)")
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--exclude", help="a file of items (one per line) a reviewer has already read, e.g. while reading "
                                      "unlabelled.py's chats: they are not fresh")
    args = ap.parse_args()
    path = os.path.join(HERE, "selection.tsv")
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    same_file = {d for d, s in convert.SOURCES.items()
                 if (s["repo"], s["path"]) == (convert.SOURCES[args.dataset]["repo"], convert.SOURCES[args.dataset]["path"])}
    used = {r["item"] for r in rows if r["dataset"] in same_file}
    if args.exclude:
        used |= {line.strip() for line in open(args.exclude, encoding="utf-8") if line.strip() and not line.startswith("#")}
    raw = convert.git_show(args.mirror, args.dataset)
    pool = [c for c in candidates(raw, args.dataset, args.min, args.max, args.single_reply) if c not in used]
    if args.dataset == "twcs-nexora":
        overlap = nexora_overlap(raw, pool, args.mirror)
        pool = [c for c in pool if c not in overlap]
    elif args.dataset.startswith("twcs"):
        overlap = twcs_overlap(raw, pool, {r["item"] for r in rows if r["dataset"].startswith("twcs")})
        pool = [c for c in pool if c not in overlap]
    picked = random.Random(args.seed).sample(pool, args.count)
    numbers = [int(m.group(1)) for r in rows for m in [re.match(re.escape(args.prefix) + r"-(\d+)$", r["id"])] if m]
    nxt = max(numbers, default=0) + 1
    note = "random pick (seed %d) from unused %s items of %d-%d %s%s" % (
        args.seed, args.dataset, args.min, args.max, unit(args.dataset),
        ", the agent's reply only at the end" if args.single_reply else "")
    if args.exclude:
        note += ", less the items in " + os.path.basename(args.exclude)
    with open(path, "a", encoding="utf-8") as f:
        for i, item in enumerate(picked):
            f.write("\t".join(["%s-%04d" % (args.prefix, nxt + i), args.split, args.dataset, item, note]) + "\n")
    print("%d of %d candidates picked into %s" % (len(picked), len(pool), args.split))


if __name__ == "__main__":
    main()
