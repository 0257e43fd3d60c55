/**
 * The spaCy export, read by its consumer: spaCy 3.8 (`spacy.blank("ar")`, no model). Each
 * `spacy.jsonl` line becomes `Doc(nlp.vocab, words=…, spaces=…)`, whose text must be the
 * document's exactly, and every span of `ents` and `spans["sc"]` must come back from
 * `doc.char_span(start, end, label)` with the default strict alignment, its text Python's
 * `text[start:end]`. `spacy.spacy` is loaded with `DocBin().from_disk(…).get_docs(…)` and
 * must give the same text, ents and span group. The expected spans, relations, attributes
 * and texts come from the native JSONL export, read in Python; the loss report must name
 * exactly what spaCy does not get (names left out of `ents`, discontinuous quotes).
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import type { ExportResult, OperationTable } from "../../core/contract.ts";
import { spacyHash } from "../../core/formats/spacy/murmurhash64a.ts";
import { hardCasesProject } from "../../test-support/hard-cases.ts";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { runPython } from "../../test-support/python.ts";
import { exportJsonl, FIXTURES, tempDir } from "../../test-support/temp.ts";

const REFEREE = `
import json, sys
import spacy
from spacy.tokens import Doc, DocBin
job = json.load(sys.stdin)
nlp = spacy.blank("ar")
with open(job["jsonl"], encoding="utf-8", newline="") as f:
    lines = [json.loads(l) for l in f.read().split("\\n") if l.strip()]
native = [json.loads(l) for l in job["native"].split("\\n") if l.strip()]
header, docs = native[0], native[1:]
kinds = {l["name"]: l["kind"] for l in header["labels"]}
entities = {e["id"]: e for e in header["entities"]}
problems = []
checked = 0
skipped_names = {}
split_quotes = {}
plain_nones = 0
bins = list(DocBin().from_disk(job["docbin"]).get_docs(nlp.vocab))
if len(lines) != len(docs) or len(bins) != len(docs):
    problems.append(["document count", len(lines), len(bins), len(docs)])
for line, ndoc, bdoc in zip(lines, docs, bins):
    text = ndoc["text"]
    did = ndoc["id"]
    if line["text"] != text:
        problems.append([did, "line text is not the document text"])
    # expected sc: every span, one entry per fragment, from the native JSONL
    expected_sc, first = [], {}
    for s in ndoc["spans"]:
        first[s["id"]] = len(expected_sc)
        for f in s.get("fragments") or [s]:
            expected_sc.append([f["start"], f["end"], s["label"]])
    if line["spans"]["sc"] != expected_sc:
        problems.append([did, "spans[sc] differ from the document's spans"])
    info_attrs = [i["attributes"] for i in line["sc_info"]]
    want_attrs = [s["attributes"] for s in ndoc["spans"] for _ in (s.get("fragments") or [s])]
    if info_attrs != want_attrs:
        problems.append([did, "sc_info attributes differ"])
    want_rel = []
    for r in ndoc["relations"]:
        if r.get("to") is not None:
            want_rel.append([r["type"], first[r["from"]], first[r["to"]]])
        else:
            e = entities[r["to_entity"]]
            want_rel.append([r["type"], first[r["from"]], [e["id"], e["name"], e["kb_id"]]])
    got_rel = [[r["type"], r["head"], r["child"] if "child" in r else [r["entity"]["id"], r["entity"]["name"], r["entity"]["kb_id"]]] for r in line["relations"]]
    if got_rel != want_rel:
        problems.append([did, "relations differ", got_rel, want_rel])
    names = sorted([s for s in ndoc["spans"] if kinds.get(s["label"]) == "entity" and not s.get("fragments")], key=lambda s: (s["start"], -s["end"]))
    in_ents = {(s, e, l) for s, e, l in line["ents"]}
    skipped_names[did] = len([s for s in names if (s["start"], s["end"], s["label"]) not in in_ents])
    split_quotes[did] = len([s for s in ndoc["spans"] if s.get("fragments") and kinds.get(s["label"]) == "quote"])

    # the JSONL, through Doc(words, spaces) and strict char_span
    doc = Doc(nlp.vocab, words=line["words"], spaces=line["spaces"])
    if doc.text != text:
        problems.append([did, "Doc(words, spaces).text is not the text"])
    plain = nlp.make_doc(text)
    for group, spans in (("ents", line["ents"]), ("sc", line["spans"]["sc"])):
        for s, e, label in spans:
            checked += 1
            span = doc.char_span(s, e, label=label)
            if span is None:
                problems.append([did, group, "char_span is None", s, e, text[s:e]])
            elif span.text != text[s:e] or span.label_ != label:
                problems.append([did, group, "char_span text differs", span.text, text[s:e]])
            if plain.char_span(s, e, label=label) is None:
                plain_nones += 1
    doc.ents = [doc.char_span(s, e, label=l) for s, e, l in line["ents"]]

    # the DocBin
    if bdoc.text != text:
        problems.append([did, "DocBin text differs"])
    if [t.text for t in bdoc] != line["words"] or [bool(t.whitespace_) for t in bdoc] != line["spaces"]:
        problems.append([did, "DocBin words or spaces differ"])
    if [[x.start_char, x.end_char, x.label_] for x in bdoc.ents] != line["ents"]:
        problems.append([did, "DocBin ents differ"])
    if [[x.start_char, x.end_char, x.label_] for x in bdoc.spans["sc"]] != expected_sc:
        problems.append([did, "DocBin spans[sc] differ"])
    for x in list(bdoc.ents) + list(bdoc.spans["sc"]):
        if x.text != text[x.start_char:x.end_char]:
            problems.append([did, "DocBin span text differs", x.text])
    want_ids = [str(s["id"]) for s in ndoc["spans"] for _ in (s.get("fragments") or [s])]
    want_kb = [(entities[s["entity"]]["kb_id"] or "") if s.get("entity") else "" for s in ndoc["spans"] for _ in (s.get("fragments") or [s])]
    if [x.id_ for x in bdoc.spans["sc"]] != want_ids or [x.kb_id_ for x in bdoc.spans["sc"]] != want_kb:
        problems.append([did, "DocBin span ids or kb ids differ"])
    q = bdoc.user_data.get("qawl")
    if q is None or len(q["relations"]) != len(want_rel) or len(q["sc_info"]) != len(expected_sc):
        problems.append([did, "DocBin user_data qawl missing or short"])
print(json.dumps({"problems": problems[:20], "problem_count": len(problems), "checked": checked,
    "skipped_names": skipped_names, "split_quotes": split_quotes, "plain_nones": plain_nones}, ensure_ascii=False))
`;

interface Verdict {
  problems: unknown[];
  problem_count: number;
  checked: number;
  skipped_names: Record<string, number>;
  split_quotes: Record<string, number>;
  plain_nones: number;
}

function file(result: ExportResult, path: string): Buffer {
  const f = result.files.find((x) => x.path === path);
  assert.ok(f !== undefined, `the export has ${path}`);
  return Buffer.from(f.content, f.encoding === "base64" ? "base64" : "utf8");
}

async function referee(t: TestContext, table: OperationTable): Promise<{ verdict: Verdict; result: ExportResult }> {
  const result = await table.exportDocuments({ format: "spacy" });
  assert.deepEqual(
    result.files.map((f) => f.path),
    ["spacy.jsonl", "spacy.spacy"],
  );
  const dir = tempDir(t);
  writeFileSync(join(dir, "spacy.jsonl"), file(result, "spacy.jsonl"));
  writeFileSync(join(dir, "spacy.spacy"), file(result, "spacy.spacy"));
  const verdict = runPython<Verdict>(REFEREE, {
    jsonl: join(dir, "spacy.jsonl"),
    docbin: join(dir, "spacy.spacy"),
    native: await exportJsonl(table),
  });
  return { verdict, result };
}

/** The loss kinds and counts the report gives each document. */
function lossesOf(result: ExportResult, documentId: number): [string, number][] {
  const doc = result.report.documents.find((d) => d.documentId === documentId);
  return (doc?.losses ?? []).map((l) => [l.kind, "count" in l ? l.count : 0]);
}

describe("spaCy export, read by spaCy 3.8", () => {
  it("hard cases: Doc(words, spaces) has the text exactly; strict char_span finds every span; the DocBin matches", async (t) => {
    const { table, hardId, sampleId } = hardCasesProject(t);
    const { verdict, result } = await referee(t, table);
    assert.deepEqual(verdict.problems, []);
    assert.equal(verdict.problem_count, 0);
    assert.ok(verdict.checked > 20, `checked ${String(verdict.checked)} spans`);
    // spaCy's own tokenizer misses some of these spans: the words are what makes them align.
    assert.ok(verdict.plain_nones > 0, "nlp.make_doc(text) aligns every span: the test would not show anything");
    const skipped = verdict.skipped_names[String(hardId)] ?? 0;
    const split = verdict.split_quotes[String(hardId)] ?? 0;
    assert.ok(skipped > 0 && split > 0);
    for (const id of [sampleId, hardId]) {
      const names = verdict.skipped_names[String(id)] ?? 0;
      const quotes = verdict.split_quotes[String(id)] ?? 0;
      assert.deepEqual(lossesOf(result, id), [
        ...(names > 0 ? [["overlapping_names", names]] : []),
        ...(quotes > 0 ? [["fragments", quotes]] : []),
      ]);
    }
    const all = JSON.stringify(result.report);
    assert.doesNotMatch(all, /alignment_mode|"relations"|entity_links|"attributes"/u);
  });

  for (const [name, least] of [
    ["anercorp_head40k.txt", 6000],
    ["newsfane_gold_head40k.tsv", 5000],
  ] as const) {
    it(`${name} (names after proclitics): every gold name comes back from strict char_span, in Doc and DocBin`, async (t) => {
      const { table } = emptyProject(t);
      const bytes = readFileSync(new URL(`arabic-ner/${name}`, FIXTURES));
      const report = table.importDocuments({ files: [{ name, contentBase64: bytes.toString("base64") }] });
      assert.equal(report.outcomes[0]?.status, "imported");
      const { verdict } = await referee(t, table);
      assert.deepEqual(verdict.problems, []);
      assert.equal(verdict.problem_count, 0);
      assert.ok(verdict.checked > least, `checked ${String(verdict.checked)} spans`);
    });
  }

  it("string ids are spaCy's: nlp.vocab.strings[s] for symbols, Arabic, emoji and every tail length", () => {
    const strings = ["", "LOC", "ORG", "PER", "PERSON", "ORTH", "word", "سيرغي لافروف", "🇷🇺", "👨‍👩‍👧", "\r\n", " ", "و"];
    for (let n = 1; n <= 17; n++) strings.push("abcdefghijklmnopq".slice(0, n));
    const ids = runPython<string[]>(
      `
import json, sys, spacy
nlp = spacy.blank("ar")
print(json.dumps([str(nlp.vocab.strings[s]) for s in json.load(sys.stdin)]))`,
      strings,
    );
    assert.deepEqual(
      strings.map((s) => spacyHash(s).toString()),
      ids,
    );
  });
});
