/**
 * The WebAnno TSV 3.3 export, read by an independent reader written in Python from the
 * format's specification (INCEpTION user guide, "WebAnno TSV 3.3", and its
 * `Tsv3XSerializer`/`Escaping`): header, `#T_SP`/`#T_RL` layer declarations, a sentence's
 * `#Text=` lines joined with LF, token lines `sent-tok<TAB>begin-end<TAB>token<TAB>columns…<TAB>`
 * with begin/end in UTF-16 units of the document text, stacked values split on `|`,
 * disambiguation ids `[n]`, relation references `sent-tok[source_target]`. No pip package reads
 * the format, so this reader is the referee; expected values come from the native JSONL
 * export, sliced by Python.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hardCasesProject } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";
import { exportJsonl } from "../../test-support/temp.ts";

const READER = String.raw`
import json, re, sys
job = json.load(sys.stdin)

def unescape_text(s):
    # WebAnno TSV 3.2+ #Text= unescaping: \t \n \f \r \b \\ and a backslash before a control character
    out, i = [], 0
    table = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b", "\\": "\\"}
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n in table:
                out.append(table[n]); i += 2; continue
            if ord(n) < 32:
                out.append(n); i += 2; continue
        out.append(c); i += 1
    return "".join(out)

def unescape_value(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            if s.startswith("->", i + 1):
                out.append("->"); i += 3; continue
            n = s[i + 1]
            out.append({"t": "\t", "n": "\n"}.get(n, n)); i += 2; continue
        out.append(s[i]); i += 1
    return "".join(out)

def split_unescaped(s, sep):
    parts, cur, i = [], [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            cur.append(s[i:i + 2]); i += 2; continue
        if s[i] == sep:
            parts.append("".join(cur)); cur = []; i += 1; continue
        cur.append(s[i]); i += 1
    parts.append("".join(cur))
    return parts

ID = re.compile(r"^(.*?)(?:\[(\d+)\])?$", re.S)
REF = re.compile(r"^(\d+-\d+)(?:\[(\d+)_(\d+)\])?$")

def read(tsv, text):
    """One document: (sentences, annotations, relations, problems)."""
    problems = []
    u16 = text.encode("utf-16-le")
    sl = lambda b, e: u16[2 * b:2 * e].decode("utf-16-le")
    lines = tsv.split("\n")
    if lines[0] != "#FORMAT=WebAnno TSV 3.3":
        problems.append("header: " + lines[0])
    if lines[-1] != "":
        problems.append("no final line feed")
    columns = []  # (layer kind, layer, feature)
    i = 1
    while i < len(lines) and lines[i].startswith("#T_"):
        kind, decl = lines[i][1:5], lines[i][6:]
        parts = decl.split("|")
        for f in parts[1:]:
            columns.append((kind, parts[0], f))
        i += 1
    if lines[i:i + 2] != ["", ""]:
        problems.append("no two blank lines after the header")
    i += 2
    sentences, tokens = [], {}
    ann, relations_raw = {}, []
    while i < len(lines):
        line = lines[i]
        if line == "":
            i += 1; continue
        if not line.startswith("#Text="):
            problems.append("expected #Text= at line %d: %r" % (i + 1, line)); i += 1; continue
        text_lines = []
        while i < len(lines) and lines[i].startswith("#Text="):
            text_lines.append(unescape_text(lines[i][6:])); i += 1
        sent_text = "\n".join(text_lines)
        sent_tokens = []
        while i < len(lines) and lines[i] != "":
            cells = lines[i].split("\t")
            if len(cells) != 3 + len(columns) + 1 or cells[-1] != "":
                problems.append("line %d: %d cells for %d columns" % (i + 1, len(cells), len(columns)))
                i += 1; continue
            addr, span, tok = cells[0], cells[1], cells[2]
            b, e = map(int, span.split("-"))
            if sl(b, e) != tok:
                problems.append("token %s %r is not the text at %d-%d (%r)" % (addr, tok, b, e, sl(b, e)))
            tokens[addr] = (b, e, tok)
            sent_tokens.append(addr)
            # span layer: stacked values by position, annotations by id or by (token, position)
            by_layer = {}
            for (kind, layer, feat), cell in zip(columns, cells[3:-1]):
                by_layer.setdefault((kind, layer), []).append((feat, cell))
            for (kind, layer), feats in by_layer.items():
                if kind == "T_SP":
                    stacks = [split_unescaped(c, "|") if c != "_" else [] for _, c in feats]
                    n = max(len(s) for s in stacks)
                    for k in range(n):
                        values, aid = {}, None
                        for (feat, _), stack in zip(feats, stacks):
                            m = ID.match(stack[k])
                            v, sid = m.group(1), m.group(2)
                            if sid is not None:
                                aid = sid
                            values[feat] = None if v == "*" else unescape_value(v)
                        key = ("id", aid) if aid is not None else ("tok", addr, k)
                        a = ann.setdefault(key, {"key": list(key), "values": values, "tokens": []})
                        a["tokens"].append(addr)
                        a.setdefault("at", {}).setdefault(addr, key)
                elif kind == "T_RL":
                    ref = feats[-1][1]
                    if ref == "_":
                        continue
                    refs = split_unescaped(ref, "|")
                    vals = [split_unescaped(c, "|") for _, c in feats[:-1]]
                    for k, r in enumerate(refs):
                        m = REF.match(r)
                        if m is None:
                            problems.append("bad relation reference %r" % r); continue
                        relations_raw.append({
                            "values": {f: unescape_value(v[k]) for (f, _), v in zip(feats[:-1], vals)},
                            "source_token": m.group(1), "target_token": addr,
                            "source_id": m.group(2), "target_id": m.group(3),
                        })
            i += 1
        if sent_tokens:
            b0, e1 = tokens[sent_tokens[0]][0], tokens[sent_tokens[-1]][1]
            if sl(b0, e1) != sent_text:
                problems.append("#Text of sentence %d is not the text under its tokens" % (len(sentences) + 1))
        sentences.append(sent_text)
    # annotations: extent from their tokens
    out = []
    on_token = {}
    for a in ann.values():
        toks = a["tokens"]
        a["begin"], a["end"] = tokens[toks[0]][0], tokens[toks[-1]][1]
        for t in toks:
            on_token.setdefault(t, []).append(a)
        out.append(a)
    def find(addr, aid):
        if aid not in (None, "0"):
            hit = [a for a in on_token.get(addr, []) if a["key"] == ["id", aid]]
        else:
            hit = on_token.get(addr, [])
            if len(hit) > 1:
                problems.append("relation at %s is ambiguous: %d annotations, no id" % (addr, len(hit)))
                return None
        return hit[0] if hit else None
    rels = []
    for r in relations_raw:
        s, t = find(r["source_token"], r["source_id"]), find(r["target_token"], r["target_id"])
        if s is None or t is None:
            problems.append("relation %r: no annotation at one end" % r); continue
        rels.append({"type": r["values"].get("type"), "source": [s["begin"], s["end"], s["values"].get("label")],
                     "target": [t["begin"], t["end"], t["values"].get("label")]})
    return out, rels, problems, tokens

lines = [json.loads(l) for l in job["jsonl"].splitlines() if l.strip()]
header, docs = lines[0], lines[1:]
entities = {e["id"]: e for e in header["entities"]}
result = {}
for doc, tsv in zip(docs, job["files"]):
    text = doc["text"]
    u = lambda cp: len(text[:cp].encode("utf-16-le")) // 2
    anns, rels, problems, tokens = read(tsv, text)
    left = list(anns)
    first_piece = {}
    missing = []
    for s in doc["spans"]:
        for f in s.get("fragments") or [{"start": s["start"], "end": s["end"]}]:
            piece = text[f["start"]:f["end"]]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            b, e = u(f["start"] + lead), u(f["end"] - trail)
            covering = sorted(a for a, (tb, te, _) in tokens.items() if tb >= u(f["start"]) and te <= u(f["end"]))
            ent = entities.get(s.get("entity")) if s.get("entity") is not None else None
            want = {"label": s["label"], "quoteType": s["attributes"].get("type"),
                    "entity": (ent.get("kb_id") or ent["name"]) if ent else None}
            hit = next((a for a in left if a["begin"] == b and a["end"] == e and sorted(a["tokens"]) == covering
                        and a["values"] == want), None)
            if hit is None:
                missing.append([s["id"], s["label"], text[f["start"]:f["end"]], want])
            else:
                left.remove(hit)
                first_piece.setdefault(s["id"], hit)
    spans = {s["id"]: s for s in doc["spans"]}
    missing_rel, to_entity = [], 0
    for r in doc["relations"]:
        if r.get("to") is None:
            to_entity += 1; continue
        s, t = first_piece.get(r["from"]), first_piece.get(r["to"])
        want = {"type": r["type"],
                "source": [s["begin"], s["end"], s["values"]["label"]] if s else None,
                "target": [t["begin"], t["end"], t["values"]["label"]] if t else None}
        if want in rels:
            rels.remove(want)
        else:
            missing_rel.append([r["id"], r["type"], want])
    result[str(doc["id"])] = {"problems": problems, "missing_spans": missing, "extra_annotations": [a["key"] for a in left],
                              "missing_relations": missing_rel, "extra_relations": rels, "to_entity": to_entity,
                              "annotations": len(anns), "text_lines": tsv.count("\n#Text=")}
print(json.dumps(result, ensure_ascii=False))
`;

interface DocVerdict {
  problems: string[];
  missing_spans: unknown[];
  extra_annotations: unknown[];
  missing_relations: unknown[];
  extra_relations: unknown[];
  to_entity: number;
  annotations: number;
  text_lines: number;
}

describe("WebAnno TSV 3.3 export, read by a reader written from the specification", () => {
  it("every file parses; every span is there with its label over the tokens that cover it; every relation is there", async (t) => {
    const { table, sampleId, hardId } = hardCasesProject(t);
    const result = await table.exportDocuments({ format: "webanno" });
    const jsonl = await exportJsonl(table);
    assert.equal(result.files.length, 2);
    const verdict = runPython<Record<string, DocVerdict>>(READER, {
      jsonl,
      files: result.files.map((f) => f.content),
    });
    for (const id of [sampleId, hardId]) {
      const v = verdict[String(id)];
      assert.ok(v !== undefined, `document ${String(id)} was read`);
      assert.deepEqual(v.problems, [], `document ${String(id)}: the file parses`);
      assert.deepEqual(v.missing_spans, [], `document ${String(id)}: spans`);
      assert.deepEqual(v.extra_annotations, [], `document ${String(id)}: annotations that are no Qawl span`);
      assert.deepEqual(v.missing_relations, [], `document ${String(id)}: relations`);
      assert.deepEqual(v.extra_relations, [], `document ${String(id)}: relations that are no Qawl relation`);
      assert.ok(v.annotations > 5);
      const lost = result.report.documents.find((d) => d.documentId === id)?.losses ?? [];
      const toEntity = lost.reduce((n, l) => n + (l.kind === "relations_to_entity" ? l.count : 0), 0);
      assert.equal(toEntity, v.to_entity, "relations to an entity are in the loss report");
    }
    // The hard document's quote across CRLF: its sentence is written as two #Text= lines, the first ending in \r.
    const hard = result.files[1]?.content ?? "";
    assert.match(hard, /^#Text=.*مهتمة\\r\n#Text=بتطبيع/mu);
    assert.ok(!hard.includes("\\n"), "no escaped line feed in the file");
  });
});
