/**
 * The newsroom's flow end to end, as issue 10 states it done: a `.docx` and a text-layer
 * `.pdf` of a real article are imported, their details set, pre-annotated and accepted,
 * speakers linked to entities with Wikidata ids, and the quotes table of that project has
 * every column filled. Python's `csv` reads the table; each quote is checked against Python's
 * `text[start:end]` of the native JSONL export.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { runPython } from "../../test-support/python.ts";
import { FIXTURES } from "../../test-support/temp.ts";

const FILES = ["lavrov-pompeo-sochi-2019.docx", "lavrov-pompeo-sochi-2019.pdf"];

/** The first two words of each quote the rules find in the article, read off its text. */
const OPENINGS = [
  "عن اهتمام",
  "أنه تم",
  "روسيا مهتمة",
  "نتفق في",
  "ناقشنا وضع",
  "بالتوصل إلى",
  "أن لقاء",
  "ضرورة القيام",
  "باحتمال عقد",
];

/** Rows of the CSV by Python's csv module, each checked against the JSONL's text. */
const READ = `
import csv, io, json, sys
job = json.load(sys.stdin)
lines = job["jsonl"].strip().split("\\n")
docs = {d["id"]: d for d in map(json.loads, lines[1:])}
rows = list(csv.DictReader(io.StringIO(job["csv"].lstrip("\\ufeff"), newline="")))
out = []
for r in rows:
    d = docs[int(r["document_id"])]
    text = d["text"]
    spans = [s for s in d["spans"] if s["start"] == int(r["start"]) and s["end"] == int(r["end"]) and s["label"] == "QUOTE"]
    pieces = spans[0].get("fragments") if spans else None
    quote = " ".join(text[p["start"]:p["end"]] for p in pieces) if pieces else text[int(r["start"]):int(r["end"])]
    # The fragments column, sliced by Python: each fragment's text[s:e], joined by one space.
    cuts = [tuple(map(int, f.split("-"))) for f in r["fragments"].split(";")] if r["fragments"] else None
    from_cell = " ".join(text[a:b] for a, b in cuts) if cuts else None
    out.append({"row": r, "sliced": quote, "sentence_in_text": r["sentence"] in text,
                "discontinuous": bool(pieces), "from_fragments": from_cell})
print(json.dumps(out, ensure_ascii=False))
`;

describe("a project built from a DOCX and a PDF", () => {
  it("gives a quotes table with every column filled", async (t) => {
    const { table } = emptyProject(t);
    const report = table.importDocuments({
      files: FILES.map((name) => ({
        name,
        contentBase64: readFileSync(new URL(`import/${name}`, FIXTURES)).toString("base64"),
      })),
    });
    const ids = report.outcomes.map((o) => o.documentId);
    assert.equal(ids.length, 2);
    ids.forEach((documentId, i) => {
      table.updateDocument({
        documentId,
        url: `https://example.org/news/${String(i + 1)}`,
        outlet: "RT Arabic",
        author: "قسم الأخبار",
        date: "2019-05-14",
      });
    });
    table.preannotate({ documentIds: ids, accept: true });
    // Link every speaker mention to an entity with a Wikidata id (one per distinct wording).
    const kb = new Map<string, number>();
    for (const documentId of ids) {
      for (const s of table.getDocument({ documentId }).spans.filter((x) => x.label === "SPEAKER")) {
        const known = kb.get(s.text);
        if (known !== undefined) table.updateSpan({ spanId: s.id, entityId: known });
        else {
          const entity = table.createEntity({
            name: s.text,
            type: "PER",
            kbId: `Q${String(1000 + kb.size)}`,
            spanIds: [s.id],
          });
          kb.set(s.text, entity.id);
        }
      }
    }
    const csv = (await table.exportDocuments({ format: "quotes-csv" })).files[0]?.content ?? "";
    const jsonl = (await table.exportDocuments({ format: "jsonl" })).files[0]?.content ?? "";
    const rows = runPython<
      {
        row: Record<string, string>;
        sliced: string;
        sentence_in_text: boolean;
        discontinuous: boolean;
        from_fragments: string | null;
      }[]
    >(READ, {
      csv,
      jsonl,
    });
    for (const documentId of ids) {
      const mine = rows.filter((r) => r.row["document_id"] === String(documentId));
      // The nine quotes the rules find in this article (the plain-text copy has the same
      // nine: suggestions.test.ts lists their cues), in text order, by their opening words.
      assert.deepEqual(
        mine.map((r) => r.sliced.split(" ").slice(0, 2).join(" ")),
        OPENINGS,
        `document ${String(documentId)} has its quotes in the table`,
      );
      // A carried-over speaker (a link to an entity) would have no mention, but pre-annotation
      // links a continuation to the earlier speaker mention itself: every row is full.
      // (`fragments` is filled for a discontinuous quote only.)
      const full = mine.filter((r) =>
        Object.entries(r.row).every(([k, v]) => v !== "" || (k === "fragments" && !r.discontinuous)),
      );
      assert.equal(full.length, OPENINGS.length, `every row of document ${String(documentId)} has every column filled`);
      for (const r of mine) {
        assert.equal(r.row["quote"], r.sliced);
        assert.equal(r.row["fragments"] !== "", r.discontinuous, "fragments is filled for a discontinuous quote");
        if (r.discontinuous) assert.equal(r.from_fragments, r.row["quote"]);
        assert.ok(r.sentence_in_text, "the sentence is the article's own text");
        assert.equal(r.row["outlet"], "RT Arabic");
        assert.equal(r.row["date"], "2019-05-14");
        assert.match(r.row["source"] ?? "", /\.(docx|pdf)$/u);
        assert.notEqual(r.row["speaker"], "", "every quote's speaker entity is named");
        assert.match(r.row["speaker_kb_id"] ?? "", /^Q\d+$/u);
      }
    }
  });
});
