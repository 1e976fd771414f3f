#!/usr/bin/env python3
"""Check two independent copies of the TWCS chunks read from the Nexora copy, and install the ones that agree.

    python3 corpus/qa/tools/nexora-chunks.py COPY_A COPY_B [--mirror /work/.mirror]

No snapshot of velliangirir/Nexora can be fetched here, so its twcs_sample.csv was read through the search index's
read_file: 16,000 characters at an offset, answered as JSON. Each COPY folder holds files OFFSET.json, {"offset": N,
"text": "..."}, written by a copier from that answer. A chunk is installed (MIRROR/velliangirir+Nexora/chunks/) only
when both copies load, are 16,000 characters long and are identical character for character (carriage returns aside): two copiers apart do
not make the same slip, so what both wrote is what the index holds. convert.py reads the installed chunks.
"""
import argparse
import json
import os
import sys
import unicodedata

from convert import NEXORA_ROW

CHUNK = 16000


def load(folder, name):
    """A copy's text with its carriage returns taken out. The file ends its rows with CRLF; read_file's answer shows
    them as bare line breaks, so a copier may or may not have put the CR back: the length check counts one per row
    break either way (a chunk may open or close between CR and LF), and the comparison is of the text without them."""
    path = os.path.join(folder, name)
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        return None, "%s: %s" % (path, e)
    text = doc.get("text", "").replace("\r", "")
    if doc.get("offset") != int(name[:-5]) or abs(crlf_length(text) - CHUNK) > 2:
        return None, "%s: offset %s, %d characters with CRLF rows" % (path, doc.get("offset"), crlf_length(text))
    return text, None


def crlf_length(text):
    return len(text) + len(NEXORA_ROW.findall(text))  # one CR per row break


def visible(text):
    """The text without format characters (U+200D in an emoji sequence): read_file's answer does not show them."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def agreed(a, b):
    """What both copies say, or None. Where they differ only by an invisible format character one copier inferred
    from the length, the copy whose length is the chunk's holds it."""
    if a == b:
        return a
    if visible(a) == visible(b):
        right = [t for t in (a, b) if abs(crlf_length(t) - CHUNK) <= 1]
        return right[0] if len(right) == 1 else None
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("copy_a")
    ap.add_argument("copy_b")
    ap.add_argument("--mirror", default="/work/.mirror")
    args = ap.parse_args()
    out = os.path.join(args.mirror, "velliangirir+Nexora", "chunks")
    os.makedirs(out, exist_ok=True)
    names = sorted(set(os.listdir(args.copy_a)) | set(os.listdir(args.copy_b)))
    installed = 0
    for name in (n for n in names if n.endswith(".json")):
        a, why_a = load(args.copy_a, name)
        b, why_b = load(args.copy_b, name)
        if a is None or b is None:
            print("left out %s: %s" % (name, why_a or why_b))
            continue
        text = agreed(a, b)
        if text is None:
            at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            differ = sum(1 for x, y in zip(a, b) if x != y)
            print("left out %s: the copies differ first at %d (%r / %r), %d positions in all"
                  % (name, at, a[max(0, at - 20):at + 20], b[max(0, at - 20):at + 20], differ))
            continue
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump({"offset": int(name[:-5]), "text": text}, f, ensure_ascii=False)
        installed += 1
    print("%d chunk(s) installed in %s" % (installed, out))
    sys.exit(0 if installed else 1)


if __name__ == "__main__":
    main()
