#!/usr/bin/env python3
"""Rebuild the corpus transcripts (<id>.json, contract v1) from the public snapshots listed in SOURCES.md.

    python3 corpus/qa/tools/convert.py [--mirror /work/.mirror] [--check]

Reads corpus/qa/tools/selection.tsv (id, split, dataset, item, note) and, for every row, converts that one chat from
the fetched snapshot (git objects, read with `git show <commit>:<path>`) into corpus/qa/<split>/<id>.json. It also
keeps the `source` block of an existing <id>.gold.json in step with what the conversion did; labels are never touched.
--check converts in memory and fails if any committed transcript differs (the corpus is reproducible).

Conversion (never inventing text): speakers map to roles; lines with no content ("nan", "NULL", empty) are dropped;
HTML entities in tweets are decoded; a chat longer than MAX_MESSAGES is cut at a turn boundary. Sources without usable
timestamps get synthetic ones, each turn 2 s after the last (stated in source.converted), so timing rules are not
judged on them.
"""
import argparse
import csv
import html
import io
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CST = timezone(timedelta(hours=8))
BASE = datetime(2026, 11, 11, 10, 0, 0, tzinfo=CST)
MAX_MESSAGES = 60
IBM_COMMIT = "453470eea55a1777f798053a6ac6302a9bf80f9a"

SOURCES = {
    "jddc": {
        "repo": "EndlessLethe+jddc2019-3th-retrieve-model", "commit": "2d443d1679cc3d00022d0ff1697eb0e4cbeedb01",
        "path": "data/chat_0.1per.txt",
        "dataset": "JDDC (JD Dialog Challenge) customer-service chats, 0.1% sample",
        "url": "https://github.com/EndlessLethe/jddc2019-3th-retrieve-model/blob/master/data/chat_0.1per.txt",
        "licence": "no licence stated (JDDC data published by JD.com for its dialogue challenge; research use)",
    },
    # An earlier version of the same file in the same repository: a different 0.1% sample of sessions.
    "jddc-v1": {
        "repo": "EndlessLethe+jddc2019-3th-retrieve-model", "commit": "3b38b33ac8ad309e6c17b83b4265ff38c7389b9a",
        "path": "data/chat_0.1per.txt",
        "dataset": "JDDC (JD Dialog Challenge) customer-service chats, 0.1% sample (earlier version of the file)",
        "url": "https://github.com/EndlessLethe/jddc2019-3th-retrieve-model/blob/3b38b33ac8ad309e6c17b83b4265ff38c7389b9a/data/chat_0.1per.txt",
        "licence": "no licence stated (JDDC data published by JD.com for its dialogue challenge; research use)",
    },
    "jdrec-train": {
        "repo": "wzf2000+Recommendability_DASFAA2024", "commit": "8860244d84ee80f951244af3dcb7725cd6cde84e",
        "path": "datasets/JDDC/1_train.json",
        "dataset": "JDDCRec (JDDC 2.1 sessions from JD.com appliance shops, as published with Wang et al., DASFAA 2024), train split",
        "url": "https://github.com/wzf2000/Recommendability_DASFAA2024/blob/8860244d84ee80f951244af3dcb7725cd6cde84e/datasets/JDDC/1_train.json",
        "licence": "no licence stated in the repository; JDDC 2.1 is JD.com's, released by its organisers for research on application",
    },
    "twcs-head": {
        "repo": "Yosingh1+Machine_Learning", "commit": "d461ee54c65c07c29bcbd47b45ebce77961d0061", "path": "twcs.csv",
        "dataset": "Customer Support on Twitter (TWCS, thoughtvector), first rows of twcs.csv",
        "url": "https://github.com/Yosingh1/Machine_Learning/blob/main/twcs.csv",
        "licence": "CC BY-NC-SA 4.0 as listed on the Kaggle dataset page (kaggle.com/datasets/thoughtvector/"
                   "customer-support-on-twitter); the GitHub copy states no licence",
    },
    "twcs-sample": {
        "repo": "naman-tiwari+Customer-Support-on-Twitter", "commit": "3ea10276ec5c94d7eca2f3bde2c0f41d149048f5",
        "path": "sample.csv",
        "dataset": "Customer Support on Twitter (TWCS, thoughtvector), the dataset's sample.csv",
        "url": "https://github.com/naman-tiwari/Customer-Support-on-Twitter/blob/main/sample.csv",
        "licence": "CC BY-NC-SA 4.0 as listed on the Kaggle dataset page (kaggle.com/datasets/thoughtvector/"
                   "customer-support-on-twitter); the GitHub copy states no licence",
    },
    # The first 5,000 rows of the same twcs.csv (pandas' index column first, reply ids written as floats "3.0", one
    # row broken by an unquoted line break): a prefix of the file that twcs-head's rows begin, so tweet ids are shared.
    "twcs-5k": {
        "repo": "monalisapatra26+data_visualization", "commit": "40f027927281c1193b45982e5623487ad49da67e",
        "path": "twcs.csv",
        "dataset": "Customer Support on Twitter (TWCS, thoughtvector), the first 5,000 rows of twcs.csv",
        "url": "https://github.com/monalisapatra26/data_visualization/blob/main/twcs.csv",
        "licence": "CC BY-NC-SA 4.0 as listed on the Kaggle dataset page (kaggle.com/datasets/thoughtvector/"
                   "customer-support-on-twitter); the GitHub copy states no licence",
    },
    # 10,000 TWCS conversations sampled across the whole dataset (seed 42, 103 brands) and grouped by conversation, as
    # committed in a public project. No snapshot of it can be fetched here: its text was read through the index's
    # read_file (16,000 characters at an offset), each chunk copied twice, by two copiers apart, and kept only where
    # the copies are identical (tools/nexora-chunks.py checks and installs them under MIRROR/velliangirir+Nexora/chunks/).
    "twcs-nexora": {
        "repo": "velliangirir+Nexora", "commit": "be4a5c7df65d19984003a7a7714cd6ba53d13bee",
        "path": "data/processed/twcs_sample.csv", "chunks": True,
        "dataset": "Customer Support on Twitter (TWCS, thoughtvector), 10,000 conversations sampled across twcs.csv",
        "url": "https://github.com/velliangirir/Nexora/blob/be4a5c7df65d19984003a7a7714cd6ba53d13bee/data/processed/"
               "twcs_sample.csv",
        "licence": "CC BY-NC-SA 4.0 as listed on the Kaggle dataset page (kaggle.com/datasets/thoughtvector/"
                   "customer-support-on-twitter); the GitHub copy states no licence",
    },
    "abcd": {
        "repo": "asappresearch+abcd", "commit": "6b8700ce67c6b37b062dd7a60abc76d7ef832a97", "path": "data/abcd_sample.json",
        "dataset": "ABCD (Action-Based Conversations Dataset, ASAPP Research), abcd_sample.json",
        "url": "https://github.com/asappresearch/abcd/blob/master/data/abcd_sample.json",
        "licence": "MIT",
    },
    # IBM's Twitter customer-care conversations (25 brands, 2020), released under Apache 2.0: dev.json and test.json
    # (train.json is not in the snapshot). Each conversation is the dialog context plus the agent reply with a link.
    "ibm-twcc-dev": {
        "repo": "IBM+twitter-customer-care-document-prediction", "commit": IBM_COMMIT, "path": "dev.json",
        "dataset": "Twitter Conversations Dataset for Conversational Document Prediction (IBM), dev.json",
        "url": "https://github.com/IBM/twitter-customer-care-document-prediction/blob/master/dev.json",
        "licence": "Apache-2.0",
    },
    "ibm-twcc-test": {
        "repo": "IBM+twitter-customer-care-document-prediction", "commit": IBM_COMMIT, "path": "test.json",
        "dataset": "Twitter Conversations Dataset for Conversational Document Prediction (IBM), test.json",
        "url": "https://github.com/IBM/twitter-customer-care-document-prediction/blob/master/test.json",
        "licence": "Apache-2.0",
    },
}


def git_show(mirror, source):
    s = SOURCES[source]
    if s.get("chunks"):
        return nexora_csv(os.path.join(mirror, s["repo"], "chunks"))
    repo = os.path.join(mirror, s["repo"], "repo")
    return subprocess.run(["git", "-C", repo, "show", s["commit"] + ":" + s["path"]], check=True,
                          capture_output=True).stdout.decode("utf-8")


def synthetic_times(messages):
    """Each turn (a run of messages by one speaker) 2 s after the one before; a speaker's messages in a row share
    their turn's time. So every reply comes 2 s after the customer's turn, within any timing standard, as the labels
    assume: with one time per message, a customer who tweets twice before the reply waited 4 s, past first-response's
    3 s, and the scorecard lost 10 points for an artefact of the conversion (31 dev and 30 test chats did)."""
    turn, last = -1, None
    for m in messages:
        if m["role"] != last:
            turn, last = turn + 1, m["role"]
        m["ts"] = (BASE + timedelta(seconds=2 * turn)).isoformat()


_PARSED = {}


def by_key(raw, key, parse=None):
    """A source's records by their id, parsed once per source (every chat of it is converted from it): a JSON list
    keyed by key, or what parse makes of the text."""
    if id(raw) not in _PARSED:
        _PARSED[id(raw)] = (raw, parse(raw) if parse else {key(r): r for r in json.loads(raw)})
    return _PARSED[id(raw)][1]


def empty(text):
    return text is None or text.strip() in ("", "nan", "NULL")


# ---------------------------------------------------------------- JDDC: session \t user \t waiter_send \t is_transfer \t is_repeat \t sku \t content
def jddc(raw, session):
    lines = [l.split("\t") for l in raw.splitlines() if l.startswith(session + "\t")]
    if not lines:
        raise SystemExit("jddc: no session " + session)
    dropped = sum(1 for l in lines if empty(l[6]))
    kept = [l for l in lines if not empty(l[6])]
    truncated = len(kept) > MAX_MESSAGES
    kept = cut(kept, lambda l: l[2] == "1")
    messages = []
    for l in kept:
        m = {"role": "agent" if l[2] == "1" else "customer", "text": l[6].strip(), "ts": None}
        if l[2] == "1":
            m["agentId"] = "jd-agent"
        messages.append(m)
    msg = {"channel": "jd", "shopId": "jd-self-operated", "team": "jddc-cs", "agentIds": ["jd-agent"],
           "customerId": re.sub(r"[^A-Za-z0-9._:-]", "-", lines[0][1]), "locale": "zh-CN", "messages": messages}
    converted = ("speakers from waiter_send (1 agent, 0 customer), one agent id for the session; no timestamps in the "
                 "source: synthetic, a turn 2 s after the last; dataset placeholders ([订单x], [电话x] ...) kept as published")
    converted += cuts(dropped, truncated, messages)
    transferred = any(l[3] == "1" for l in lines)
    item = "session %s (%d lines%s)" % (session, len(lines), ", is_transfer=1" if transferred else "")
    return msg, item, converted


def cuts(dropped, truncated, messages):
    """What a session converter left out, as source.converted says it."""
    out = "; %d empty line(s) dropped" % dropped if dropped else ""
    if truncated:
        out += "; cut at a turn boundary after %d messages" % len(messages)
    return out


def cut(lines, is_agent):
    """At most MAX_MESSAGES, ending on an agent line when possible (a turn boundary)."""
    if len(lines) <= MAX_MESSAGES:
        return lines
    kept = lines[:MAX_MESSAGES]
    while kept and not is_agent(kept[-1]):
        kept.pop()
    return kept or lines[:MAX_MESSAGES]


# ---------------------------------------------------------------- JDDCRec: {id, dialogs[], roles[顾客|客服], ...}
# The platform's own lines, published as the customer's: the hand-over from the shop's bot to a person (用户发起转人工),
# and the queue the customer picked on entering (壶类---收货后疑问解答, 电热类-购买前咨询, 未购买→售前咨询组) in the first lines.
JDREC_HANDOVER = "用户发起转人工"
JDREC_QUEUE = re.compile(r"^[^\s→-]+(?:-{1,3}|→)[^\s→-]*(?:咨询|解答|咨询组)$")


def jdrec(raw, session):
    sessions = by_key(raw, lambda r: r["id"])
    if session not in sessions:
        raise SystemExit("jdrec: no session " + session)
    r = sessions[session]
    turns = [(role, text.strip()) for role, text in zip(r["roles"], r["dialogs"]) if not empty(text)]
    dropped = len(r["dialogs"]) - len(turns)
    truncated = len(turns) > MAX_MESSAGES
    turns = cut(turns, lambda t: t[0] == "客服")
    # what the shop side said before the customer asked for a person was its bot (a welcome, an automatic answer)
    handover = next((i for i, t in enumerate(turns) if t == ("顾客", JDREC_HANDOVER)), -1)
    messages, system, bot = [], 0, 0
    for i, (role, text) in enumerate(turns):
        if role == "顾客" and (text == JDREC_HANDOVER or i < 3 and JDREC_QUEUE.match(text)):
            messages.append({"role": "system", "text": text, "ts": None})
            system += 1
        elif role == "客服" and i < handover:
            messages.append({"role": "bot", "text": text, "ts": None})
            bot += 1
        elif role == "客服":
            messages.append({"role": "agent", "text": text, "ts": None, "agentId": "jd-shop-agent"})
        else:
            messages.append({"role": "customer", "text": text, "ts": None})
    msg = {"channel": "jd", "shopId": "jd-appliance-shop", "team": "jdrec-cs", "agentIds": ["jd-shop-agent"],
           "customerId": "jdrec-" + session[:12], "locale": "zh-CN", "messages": messages}
    converted = ("roles 客服 agent and 顾客 customer, one agent id for the session; the platform's lines published as the "
                 "customer's (the hand-over 用户发起转人工, and the queue picked on entry such as 电热类-购买前咨询 among the "
                 "first three) as system messages, and the shop's lines before the first hand-over as its bot's; images "
                 "(<hash>.jpg), links (<url>), emoticon codes (#E-s..) and the publisher's masks (***) kept as published; "
                 "no timestamps in the source: synthetic, a turn 2 s after the last")
    if system:
        converted += "; %d system line(s)" % system
    if bot:
        converted += "; %d bot line(s)" % bot
    converted += cuts(dropped, truncated, messages)
    return msg, "session %s (%d lines)" % (session, len(r["dialogs"])), converted


# ---------------------------------------------------------------- TWCS: a reply tree rooted at one tweet, in time order
SIGNATURE = re.compile(r"(?:\^|/|[-–]\s?)([A-Za-z]{2,12})\s*$")
TRAILER = re.compile(r"(?:\s+(?:https?://\S+|\d/\d))+\s*$")  # links and "1/2" after the signature


def twcs_rows(raw):
    """The tweets of a TWCS csv, whichever copy: rows a broken line break left without an inbound flag are dropped,
    and reply ids written as floats ("3.0") read as the tweet ids they are."""
    rows = [r for r in csv.DictReader(io.StringIO(raw, newline=""))
            if (r.get("inbound") or "").strip().lower() in ("true", "false")]
    for r in rows:
        r["in_response_to_tweet_id"] = re.sub(r"\.0$", "", r["in_response_to_tweet_id"] or "")
    return rows


def twcs_inbound(row):
    """The customer's tweet: "True" in sample.csv, "TRUE" in twcs.csv."""
    return row["inbound"].strip().lower() == "true"


def twcs_replies(rows):
    """Each tweet id's direct replies, built once for every tree read from the same rows."""
    ids = {r["tweet_id"] for r in rows}
    children = {}
    for r in rows:
        if r["in_response_to_tweet_id"] in ids:
            children.setdefault(r["in_response_to_tweet_id"], []).append(r["tweet_id"])
    return children


def twcs_thread(replies, root):
    """The tweet ids of the reply tree rooted at root (replies: twcs_replies)."""
    thread, todo = [], [root]
    while todo:
        t = todo.pop()
        thread.append(t)
        todo.extend(replies.get(t, []))
    return thread


def twcs_when(row):
    return datetime.strptime(row["created_at"], "%a %b %d %H:%M:%S %z %Y")


def twcs(raw, root):
    rows = twcs_rows(raw)
    by_id = {r["tweet_id"]: r for r in rows}
    if root not in by_id:
        raise SystemExit("twcs: no tweet " + root)
    thread = [by_id[t] for t in twcs_thread(twcs_replies(rows), root)]
    thread.sort(key=lambda r: (twcs_when(r), int(r["tweet_id"])))
    msg, converted = twcs_chat(thread, "reply tree in time order")
    item = "thread rooted at tweet_id %s (%d tweets, %s .. %s)" % (
        root, len(thread), thread[0]["created_at"], thread[-1]["created_at"])
    return msg, item, converted


def twcs_chat(thread, order):
    """A TWCS thread's tweets, in the order given, as a chat: the customer's (inbound) and the company's."""
    company = next((r["author_id"] for r in thread if not twcs_inbound(r)), None)
    customer = next((r["author_id"] for r in thread if twcs_inbound(r)), "customer")
    messages, agents = [], []
    for r in thread:
        text = html.unescape(r["text"]).strip()
        if not twcs_inbound(r):
            sig = SIGNATURE.search(TRAILER.sub("", text))
            agent = (company + "-" + sig.group(1)) if sig else company
            agents.append(agent) if agent not in agents else None
            messages.append({"role": "agent", "agentId": agent, "text": text, "ts": None})
        else:
            messages.append({"role": "customer", "text": text, "ts": None})
    if not agents:
        raise SystemExit("twcs: no company reply in thread " + thread[0]["tweet_id"])
    span = twcs_when(thread[-1]) - twcs_when(thread[0])
    msg = {"channel": "twitter", "shopId": company, "team": company, "agentIds": agents,
           "customerId": "tw-" + customer, "locale": "en", "messages": messages}
    converted = ("%s; inbound=True is the customer, the company account the agent, the agent id "
                 "from the reply's signature (^XX / -Name) where there is one; HTML entities decoded; original "
                 "created_at spans %s (a public social thread, not live chat): replaced by synthetic timestamps, a turn 2 s "
                 "after the last, so timing rules are not judged" % (order, human(span)))
    return msg, converted


# The Nexora copy: rows grouped by conversation_id (the root tweet) and numbered by turn_index in time order; a chunk
# is 16,000 characters read at an offset, so it opens and ends inside a row.
NEXORA_ROW = re.compile(r"\n\d+,\d+,\d+,[^,\n]*,(?:True|False),")


NEXORA_HEADER = ("tweet_id,conversation_id,turn_index,author_id,inbound,created_at,created_at_iso,text,text_cleaned,brand,"
                 "conversation_length,has_response,ends_with_inbound")


def nexora_csv(folder):
    """The whole rows of every verified chunk, under the file's header: each chunk from its first row start to its
    last (the row the chunk cuts is left out), so a conversation a chunk edge cuts is incomplete and never picked."""
    parts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            text = json.load(open(os.path.join(folder, name), encoding="utf-8"))["text"]
            starts = [m.start() + 1 for m in NEXORA_ROW.finditer(text)]
            if len(starts) >= 2:
                parts.append(text[starts[0]:starts[-1]])
    return NEXORA_HEADER + "\n" + "".join(parts)


def nexora_conversations(raw):
    """Each complete conversation's rows in turn order (every turn_index of its conversation_length present)."""
    convos = {}
    for r in csv.DictReader(io.StringIO(raw, newline="")):
        convos.setdefault(r["conversation_id"], {})[int(r["turn_index"])] = r
    return {c: [turns[i] for i in range(len(turns))] for c, turns in convos.items()
            if set(turns) == set(range(int(next(iter(turns.values()))["conversation_length"])))}


def nexora(raw, conversation):
    convos = by_key(raw, None, nexora_conversations)
    if conversation not in convos:
        raise SystemExit("twcs-nexora: no complete conversation " + conversation)
    thread = convos[conversation]
    msg, converted = twcs_chat(thread, "the conversation's tweets by turn_index (time order)")
    item = "conversation_id %s (%d tweets, %s .. %s)" % (
        conversation, len(thread), thread[0]["created_at"], thread[-1]["created_at"])
    return msg, item, converted


def human(delta):
    seconds = int(delta.total_seconds())
    if seconds < 3600:
        return "%d min" % (seconds // 60)
    if seconds < 86400:
        return "%.1f h" % (seconds / 3600)
    return "%.1f days" % (seconds / 86400)


# ---------------------------------------------------------------- ABCD: original [[speaker, text], ...]
def abcd(raw, convo):
    convos = by_key(raw, lambda c: str(c["convo_id"]))
    c = convos[convo]
    messages = []
    for speaker, text in c["original"]:
        role = {"agent": "agent", "customer": "customer", "action": "system"}[speaker]
        m = {"role": role, "text": text.strip(), "ts": None}
        if role == "agent":
            m["agentId"] = "abcd-agent"
        messages.append(m)
    msg = {"channel": "web", "shopId": "abcd-store", "team": "abcd-cs", "agentIds": ["abcd-agent"],
           "customerId": "abcd-customer-" + convo, "locale": "en", "messages": messages}
    converted = ("the 'original' (not delexicalised) turns; agent/customer as roles, the agent dashboard's "
                 "'action' lines as system messages; no timestamps in the source: synthetic, a turn 2 s after the last")
    return msg, "convo_id %s (flow %s/%s)" % (convo, c["scenario"]["flow"], c["scenario"]["subflow"]), converted


# ---------------------------------------------------------------- IBM Twitter customer care: dialogContent + agentURL
def ibm_twcc(raw, session):
    convos = by_key(raw, lambda c: c["dialogHeader"]["sessionID"])
    if session not in convos:
        raise SystemExit("ibm-twcc: no session " + session)
    c = convos[session]
    company = c["dialogHeader"]["company"]
    turns = list(c["dialogContent"])
    url = c["agentURL"]
    # The reply that carries the document link closes the conversation; it is not repeated in dialogContent.
    turns.append({"agent": company, "datetime": None, "message": url["url_utterance"], "tweet_ID": url["tweet_ID"]})
    messages, agents, customer = [], [], None
    for t in turns:
        text = html.unescape(t["message"]).strip()
        if "agent" in t:
            sig = SIGNATURE.search(TRAILER.sub("", text))
            agent = (company + "-" + sig.group(1)) if sig else company
            agents.append(agent) if agent not in agents else None
            messages.append({"role": "agent", "agentId": agent, "text": text, "ts": None})
        else:
            customer = customer or t["client"]
            messages.append({"role": "customer", "text": text, "ts": None})
    msg = {"channel": "twitter", "shopId": company, "team": company, "agentIds": agents,
           "customerId": "tw-" + re.sub(r"[^A-Za-z0-9._:-]", "-", customer or "customer"), "locale": "en",
           "messages": messages}
    converted = ("dialogContent in order, then the agentURL reply (the conversation's last message); client is the "
                 "customer, the company account the agent, the agent id from the reply's signature (^XX / -Name) where "
                 "there is one; HTML entities decoded; the real datetimes (%s, duration %s: a public social thread, not "
                 "live chat) replaced by synthetic timestamps, a turn 2 s after the last, so timing rules are not judged"
                 % (c["dialogHeader"]["conversationDateTime"], c["dialogHeader"]["duration"]))
    item = "sessionID %s (%s, %d messages)" % (session, company, len(messages))
    return msg, item, converted


CONVERTERS = {"jddc": jddc, "jddc-v1": jddc, "jdrec-train": jdrec, "twcs-head": twcs, "twcs-sample": twcs, "twcs-5k": twcs, "twcs-nexora": nexora, "abcd": abcd,
              "ibm-twcc-dev": ibm_twcc, "ibm-twcc-test": ibm_twcc}


def transcript(tid, body):
    doc = {"schemaVersion": 1, "transcriptId": tid}
    doc.update(body)
    synthetic_times(doc["messages"])  # the converters leave "ts" as None, keeping the key's place in each message
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    raws, problems = {}, []
    with open(os.path.join(ROOT, "tools", "selection.tsv"), encoding="utf-8") as f:
        selection = [r for r in csv.DictReader(f, delimiter="\t") if not r["id"].startswith("#")]
    for row in selection:
        src = row["dataset"]
        if src not in raws:
            raws[src] = git_show(args.mirror, src)
        body, item, converted = CONVERTERS[src](raws[src], row["item"])
        text = transcript(row["id"], body)
        path = os.path.join(ROOT, row["split"], row["id"] + ".json")
        gold_path = os.path.join(ROOT, row["split"], row["id"] + ".gold.json")
        s = SOURCES[src]
        source = {"dataset": s["dataset"], "url": s["url"], "licence": s["licence"], "item": item, "converted": converted}
        if args.check:
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
                problems.append(path + ": differs from a fresh conversion")
            continue
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        if os.path.exists(gold_path):
            gold = json.load(open(gold_path, encoding="utf-8"))
            if gold.get("source") != source:
                gold["source"] = source
                with open(gold_path, "w", encoding="utf-8") as out:
                    out.write(json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print("%d chats %s" % (len(selection), "match their sources" if args.check else "converted"))


if __name__ == "__main__":
    main()
