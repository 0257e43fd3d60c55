#!/usr/bin/env python3
"""Turn a hand-written gold quote file (fixtures/quotes-gold/README.md) into Qawl's native
JSONL (schema/qawl-jsonl-v1.schema.json), so that `qawl quality --gold FILE.jsonl` and the
tests can read it. Written in Python on purpose: the offsets come from Python's own
str.find and code point indexing, not from the code under test.

Usage: python3 scripts/gold_to_jsonl.py GOLD.txt > GOLD.jsonl
Errors: one line naming the file, the block and the reason; exit status 1.
"""
import hashlib
import json
import os
import re
import sys

STAMP = "2026-11-29T00:00:00.000Z"
LABELS = [
    {"name": "QUOTE", "kind": "quote", "display_name": "Quote", "key": "q", "color": "#f4b400",
     "attributes": [{"name": "type", "values": ["direct", "indirect", "mixed"]}], "retired": False},
    {"name": "SPEAKER", "kind": "speaker", "display_name": "Speaker", "key": "s", "color": "#3b82f6",
     "attributes": [], "retired": False},
    {"name": "CUE", "kind": "cue", "display_name": "Cue", "key": "c", "color": "#a855f7",
     "attributes": [], "retired": False},
    {"name": "PER", "kind": "entity", "display_name": "Person", "key": "p", "color": "#e11d48",
     "attributes": [], "retired": False},
    {"name": "ORG", "kind": "entity", "display_name": "Organization", "key": "o", "color": "#059669",
     "attributes": [], "retired": False},
    {"name": "LOC", "kind": "entity", "display_name": "Location", "key": "l", "color": "#0891b2",
     "attributes": [], "retired": False},
    {"name": "MISC", "kind": "entity", "display_name": "Misc", "key": "m", "color": "#c2410c",
     "attributes": [], "retired": False},
]
RELATION_TYPES = [
    {"name": "attributed_to", "display_name": "Speaker", "from_kind": "quote", "to_kind": "speaker"},
    {"name": "cue", "display_name": "Cue", "from_kind": "quote", "to_kind": "cue"},
]
QUOTE_LINE = re.compile(r"^(Q\d+) (direct|indirect|mixed) \| (.+?)(?: #(\d+))?$")
PART_LINE = re.compile(r"^  (cue|speaker) \| (.+?)(?: #(\d+))?(?: @(\S+))?$")


class GoldError(Exception):
    pass


def find(text, needle, nth, where):
    at = -1
    for _ in range(nth + 1):
        at = text.find(needle, at + 1)
        if at < 0:
            raise GoldError(f"{where}: not in the text (occurrence #{nth}): {needle}")
    return at, at + len(needle)


def blocks(path):
    content = open(path, encoding="utf-8").read()
    content = "\n".join(l for l in content.split("\n") if not l.startswith("#"))
    for raw in re.split(r"\n(?====)", content.strip("\n")):
        raw = raw.strip("\n")
        if not raw:
            continue
        head, _, rest = raw.partition("\n")
        if not head.startswith("=== "):
            raise GoldError(f"{path}: a block must start with '=== ': {head[:60]}")
        if rest.startswith("---\n") or rest == "---":
            body, ann = "", rest[4:]
        else:
            body, sep, ann = rest.partition("\n---\n")
            if not sep:
                body, ann = rest.removesuffix("\n---"), ""
        yield head[4:], body, ann


def convert(path):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    entities = {}
    documents = []
    span_id = 0
    relation_id = 0
    for doc_id, (head, body, ann) in enumerate(blocks(path), 1):
        name, _, options = head.partition(" source=")
        if options:
            text = open(os.path.join(root, options.strip()), encoding="utf-8").read().removeprefix("\ufeff")
            source = options.strip()
        else:
            # Sentences of one article: one paragraph, joined by spaces.
            text = " ".join(body.split("\n"))
            source = f"ANERcorp ({name.strip()})"
        spans = {}
        relations = []
        quotes = {}

        def span(label, start, end, attributes=None, entity=None):
            nonlocal span_id
            key = (label, start, end)
            if key not in spans:
                span_id += 1
                spans[key] = {"id": span_id, "label": label, "start": start, "end": end, "text": text[start:end],
                              "attributes": attributes or {}, "annotator": "gold",
                              "created_at": STAMP, "updated_at": STAMP}
                if entity is not None:
                    spans[key]["entity"] = entity
            return spans[key]["id"]

        def relation(type_, from_, to=None, to_entity=None):
            nonlocal relation_id
            relation_id += 1
            r = {"id": relation_id, "type": type_, "from": from_}
            if to is not None:
                r["to"] = to
            else:
                r["to_entity"] = to_entity
            r.update({"annotator": "gold", "created_at": STAMP})
            relations.append(r)

        current = None
        for n, line in enumerate(ann.split("\n"), 1):
            where = f"{path}: block {name.strip()}: annotation line {n}"
            if not line.strip():
                continue
            m = QUOTE_LINE.match(line)
            if m:
                qid, type_, needle, nth = m.group(1), m.group(2), m.group(3), int(m.group(4) or 0)
                start, end = find(text, needle, nth, where)
                current = qid
                quotes[qid] = {"span": span("QUOTE", start, end, {"type": type_}), "entity": None}
                continue
            m = PART_LINE.match(line)
            if not m or current is None:
                raise GoldError(f"{where}: cannot read: {line}")
            kind, needle, nth, key = m.group(1), m.group(2), int(m.group(3) or 0), m.group(4)
            quote = quotes[current]
            if kind == "cue":
                start, end = find(text, needle, nth, where)
                relation("cue", quote["span"], to=span("CUE", start, end))
            elif needle == "-":
                pass
            elif needle.startswith("^"):
                earlier = quotes.get(needle[1:])
                if earlier is None:
                    raise GoldError(f"{where}: {needle} names no earlier quote")
                quote["entity"] = earlier["entity"]
                if earlier["entity"] is not None:
                    relation("attributed_to", quote["span"], to_entity=earlier["entity"])
            else:
                start, end = find(text, needle, nth, where)
                ekey = f"{doc_id}:{key or text[start:end]}"
                if ekey not in entities:
                    entities[ekey] = {"id": len(entities) + 1, "name": text[start:end], "type": "PER",
                                      "aliases": [], "kb_id": None}
                entity = entities[ekey]["id"]
                quote["entity"] = entity
                relation("attributed_to", quote["span"], to=span("SPEAKER", start, end, entity=entity))
        ordered = sorted(spans.values(), key=lambda s: (s["start"], -s["end"], s["id"]))
        documents.append({
            "id": doc_id, "title": name.strip(), "published": None, "source": source, "url": None,
            "lang": "ar", "text": text, "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "had_bom": False, "status": "done", "created_at": STAMP, "updated_at": STAMP,
            "spans": ordered, "relations": relations,
        })
    header = {"format": "qawl", "version": 1, "offset_unit": "codepoint", "labels": LABELS,
              "relation_types": RELATION_TYPES, "entities": list(entities.values()),
              "annotators": [{"id": 1, "name": "gold"}]}
    lines = [json.dumps(header, ensure_ascii=False, separators=(",", ":"))]
    lines += [json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in documents]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    try:
        sys.stdout.write(convert(sys.argv[1]))
    except GoldError as e:
        sys.stderr.write(f"{e}\n")
        sys.exit(1)
