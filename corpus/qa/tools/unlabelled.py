#!/usr/bin/env python3
"""Write the chats no split uses (JDDC sessions, IBM Twitter threads) for reading what the scorer flags on them.

    python3 corpus/qa/tools/unlabelled.py --out /tmp/qa-unlabelled [--mirror /work/.mirror]
    ./kefu qa eval --gold /tmp/qa-unlabelled/zh     # every flag is listed as a disagreement, with its evidence
    ./kefu qa eval --gold /tmp/qa-unlabelled/en

Each chat gets a placeholder beside it that is NOT a label: it says every judged rule passes (greeting, closing,
satisfaction, forbidden, slang, insult, pii-disclosure), nobody is upset, nothing is promised and there is no
complaint, so `qa eval` prints every FAIL, every upset turn and every follow-up task the scorer finds, for a
reviewer to read against docs/qa-gold-format.md. That finds the common phrasing the word lists miss or misread
(a company's role mailbox taken for a disclosure, a timed callback not taken for a promise) in hundreds of chats no
figure is measured on; a change it suggests is then judged on dev like any other, never counted as accuracy. Ids
are uz-NNNN (JDDC) and ue-NNNN (IBM), in a fixed order, so two runs compare line by line.
"""
import argparse
import csv
import json
import os

import convert

PLACEHOLDER_RULES = {r: "PASS" for r in
                     ["greeting", "closing", "satisfaction", "forbidden", "slang", "insult", "pii-disclosure"]}


def unused():
    with open(os.path.join(convert.ROOT, "tools", "selection.tsv"), encoding="utf-8") as f:
        return {r["item"] for r in csv.DictReader(f, delimiter="\t")}


def write(out, tid, body, source, lang):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, tid + ".json"), "w", encoding="utf-8") as f:
        f.write(convert.transcript(tid, body))
    placeholder = {"transcriptId": tid, "lang": lang, "status": "PASS", "rules": PLACEHOLDER_RULES,
                   "customerUpset": False, "upsetTurns": [], "promises": [],
                   "complaint": {"type": "NONE", "severity": "NONE"},
                   "notes": "NOT A LABEL: a placeholder so that qa eval lists every flag (corpus/qa/tools/unlabelled.py)",
                   "source": source}
    with open(os.path.join(out, tid + ".gold.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(placeholder, ensure_ascii=False, indent=2) + "\n")


def source_of(dataset, item, converted):
    s = convert.SOURCES[dataset]
    return {"dataset": s["dataset"], "url": s["url"], "licence": s["licence"], "item": item, "converted": converted}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mirror", default="/work/.mirror")
    args = ap.parse_args()
    used = unused()
    raw = convert.git_show(args.mirror, "jddc")
    sessions = sorted({line.split("\t")[0] for line in raw.splitlines() if "\t" in line} - used)
    for k, session in enumerate(sessions):
        body, item, converted = convert.jddc(raw, session)
        write(os.path.join(args.out, "zh"), "uz-%04d" % k, body, source_of("jddc", item, converted), "zh-CN")
    k = 0
    for dataset in ["ibm-twcc-dev", "ibm-twcc-test"]:
        raw = convert.git_show(args.mirror, dataset)
        for session in sorted({c["dialogHeader"]["sessionID"] for c in json.loads(raw)} - used):
            body, item, converted = convert.ibm_twcc(raw, session)
            write(os.path.join(args.out, "en"), "ue-%04d" % k, body, source_of(dataset, item, converted), "en")
            k += 1
    print("%d JDDC sessions in %s/zh, %d IBM threads in %s/en" % (len(sessions), args.out, k, args.out))


if __name__ == "__main__":
    main()
