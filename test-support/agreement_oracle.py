"""Agreement figures computed outside Qawl, from exported native JSONL files.

Reads JSON on stdin: {"files": [jsonl, ...], "layers": [name, ...]}. Documents are matched
across files by text_sha256; a layer annotated a document when it holds a reviewed span
there. Units follow docs/guidelines.md ("Agreement"): every non-whitespace code point, and
every token (a run of letters, marks, digits and "_", or one other non-space character).
Cohen's kappa and Krippendorff's alpha come from NLTK's AnnotationTask; span F1 and the
one-to-one overlap matching are written here again from the guidelines' definitions.
Entities are compared by Wikidata id, else by name and type (ids differ between files).
Prints the figures as JSON, None where NLTK divides by zero or nothing is compared.
"""
import json
import sys
import unicodedata

from nltk.metrics.agreement import AnnotationTask


def word_char(ch):
    return ch == "_" or unicodedata.category(ch)[0] in "LMN"


def tokens(text):
    out, start = [], None
    for i, ch in enumerate(text):
        if word_char(ch):
            if start is None:
                start = i
            continue
        if start is not None:
            out.append((start, i))
            start = None
        if not ch.isspace():
            out.append((i, i + 1))
    if start is not None:
        out.append((start, len(text)))
    return out


def load(files):
    docs, spans, relations = {}, [], []
    for content in files:
        lines = [json.loads(l) for l in content.splitlines() if l.strip()]
        header, rest = lines[0], lines[1:]
        entity_key = {
            e["id"]: (e["kb_id"] or f'{e["name"]}|{e["type"]}') for e in header["entities"]
        }
        kinds = {l["name"]: l["kind"] for l in header["labels"]}
        for d in rest:
            key = d["text_sha256"]
            docs.setdefault(key, {"text": d["text"], "layers": set()})
            by_id = {}
            for s in d["spans"]:
                if "suggested" in s:
                    continue
                frags = [(f["start"], f["end"]) for f in s.get("fragments", [])] or [(s["start"], s["end"])]
                span = {
                    "doc": key,
                    "layer": s["annotator"],
                    "label": s["label"],
                    "kind": kinds[s["label"]],
                    "frags": frags,
                    "type": s["attributes"].get("type", "none"),
                    "entity": entity_key.get(s.get("entity")),
                    "text": s["text"],
                    "cue": "none",
                    "speaker": "none",
                }
                by_id[s["id"]] = span
                spans.append(span)
                docs[key]["layers"].add(s["annotator"])
            for r in d["relations"]:
                src = by_id.get(r["from"])
                if src is None:
                    continue
                if r["type"] == "cue" and r.get("to") in by_id:
                    src["cue"] = ",".join(f"{a}-{b}" for a, b in by_id[r["to"]]["frags"])
                if r["type"] == "attributed_to":
                    if "to_entity" in r:
                        src["speaker"] = "entity:" + entity_key[r["to_entity"]]
                    elif r.get("to") in by_id:
                        sp = by_id[r["to"]]
                        src["speaker"] = "entity:" + sp["entity"] if sp["entity"] else "text:" + sp["text"]
    return docs, spans


def units(docs, spans, label, kind, layers):
    data = []
    for key, d in docs.items():
        coders = [l for l in layers if l in d["layers"]]
        if len(coders) < 2:
            continue
        text = d["text"]
        us = tokens(text) if kind == "token" else [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]
        for layer in coders:
            inside = [False] * (len(text) + 1)
            for s in spans:
                if s["doc"] == key and s["layer"] == layer and s["label"] == label:
                    for a, b in s["frags"]:
                        for i in range(a, b):
                            inside[i] = True
            for a, b in us:
                data.append((layer, f"{key}:{a}", "in" if any(inside[a:b]) else "out"))
    return data


def safe(f):
    try:
        return f()
    except ZeroDivisionError:
        return None


def overlap_pairs(first, second):
    cand = []
    for i, x in enumerate(first):
        for j, y in enumerate(second):
            if x["doc"] != y["doc"]:
                continue
            common = sum(max(0, min(b, d) - max(a, c)) for a, b in x["frags"] for c, d in y["frags"])
            if common > 0:
                cand.append((-common, i, j))
    cand.sort()
    used_i, used_j, out = set(), set(), []
    for _, i, j in cand:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        out.append((first[i], second[j]))
    return out


def f1(matched, n1, n2):
    return None if n1 + n2 == 0 else 2 * matched / (n1 + n2)


def values(pairs):
    if not pairs:
        return {"compared": 0, "agreed": 0, "observed": None, "kappa": None}
    task = AnnotationTask(data=[c for i, (x, y) in enumerate(pairs) for c in (("a", str(i), x), ("b", str(i), y))])
    agreed = sum(1 for x, y in pairs if x == y)
    return {"compared": len(pairs), "agreed": agreed, "observed": agreed / len(pairs), "kappa": safe(task.kappa)}


def main():
    job = json.load(sys.stdin)
    docs, spans = load(job["files"])
    layers = job["layers"]
    labels = sorted({s["label"] for s in spans})
    pairs = [(a, b) for i, a in enumerate(layers) for b in layers[i + 1 :]]
    out = {"labels": {}, "quotes": {}, "entities": {}}
    for label in labels:
        entry = {"pairs": {}}
        for kind in ("codepoint", "token"):
            data = units(docs, spans, label, kind, layers)
            entry["alpha_" + kind] = safe(lambda: AnnotationTask(data=data).alpha()) if data else None
        for a, b in pairs:
            shared = {k for k, d in docs.items() if a in d["layers"] and b in d["layers"]}
            if not shared:
                continue
            first = [s for s in spans if s["layer"] == a and s["label"] == label and s["doc"] in shared]
            second = [s for s in spans if s["layer"] == b and s["label"] == label and s["doc"] in shared]
            exact_pool = [(s["doc"], tuple(s["frags"])) for s in second]
            exact = 0
            for s in first:
                k = (s["doc"], tuple(s["frags"]))
                if k in exact_pool:
                    exact_pool.remove(k)
                    exact += 1
            p = {
                "f1_exact": f1(exact, len(first), len(second)),
                "f1_overlap": f1(len(overlap_pairs(first, second)), len(first), len(second)),
            }
            sub = {k: v for k, v in docs.items() if k in shared}
            for kind in ("codepoint", "token"):
                data = units(sub, spans, label, kind, [a, b])
                p["kappa_" + kind] = safe(lambda: AnnotationTask(data=data).kappa_pairwise(a, b))
            entry["pairs"][f"{a}|{b}"] = p
        out["labels"][label] = entry
    for a, b in pairs:
        shared = {k for k, d in docs.items() if a in d["layers"] and b in d["layers"]}
        if not shared:
            continue
        def matched(keep):
            res = []
            for label in labels:
                first = [s for s in spans if s["layer"] == a and s["label"] == label and s["doc"] in shared and keep(s)]
                second = [s for s in spans if s["layer"] == b and s["label"] == label and s["doc"] in shared and keep(s)]
                res += overlap_pairs(first, second)
            return res
        quotes = matched(lambda s: s["kind"] == "quote")
        out["quotes"][f"{a}|{b}"] = {
            "matched": len(quotes),
            "type": values([(x["type"], y["type"]) for x, y in quotes]),
            "cue": values([(x["cue"], y["cue"]) for x, y in quotes]),
            "speaker": values([(x["speaker"], y["speaker"]) for x, y in quotes]),
        }
        names = matched(lambda s: s["kind"] in ("entity", "speaker"))
        linked = [(x["entity"] or "none", y["entity"] or "none") for x, y in names if x["entity"] or y["entity"]]
        out["entities"][f"{a}|{b}"] = {"matched": len(names), "entity": values(linked)}
    json.dump(out, sys.stdout)


main()
