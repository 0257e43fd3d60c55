/**
 * Two loss report lines checked against the files themselves, read in Python: the document
 * details (title, published date, URL, outlet, author, source file) a format has no place
 * for, and the links of a discontinuous quote that doccano and Label Studio write from its
 * first fragment only. What the files hold comes from Python's reading of them (`json`,
 * `csv`, openpyxl), never from Qawl's table of formats.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EXPORT_FORMATS, type ExportFormat, type ExportResult } from "../../core/contract.ts";
import { describeLoss, type Loss } from "../../core/formats/loss.ts";
import { hardCasesProject } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";

/** Details no text, name or label of the project holds, so a file holds them only as details. */
const DETAILS = {
  title: "عنوان فريد للاختبار",
  date: "2019-06-21",
  url: "https://example.org/unique-test-article-1",
  outlet: "وكالة فريدة للاختبار",
  author: "كاتب فريد للاختبار",
} as const;

/**
 * Which details each export's files hold, by looking for each value in every file (text
 * files as UTF-8, the XLSX through openpyxl's cells, the DocBin skipped: spacy.jsonl holds
 * the same), plus the keys of spaCy's `meta`, Label Studio's `data` and doccano's lines.
 */
const HELD = `
import base64, io, json, sys
import openpyxl
job = json.load(sys.stdin)
values = job["values"]
out = {}
for fmt, files in job["exports"].items():
    texts = []
    for f in files:
        if f["path"].endswith(".xlsx"):
            ws = openpyxl.load_workbook(io.BytesIO(base64.b64decode(f["content"]))).active
            texts.append("\\n".join(str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None))
        elif f["encoding"] == "utf8":
            texts.append(f["content"])
    held = sorted(k for k, v in values.items() if any(v in t for t in texts))
    keys = {}
    for f in files:
        if f["path"] == "spacy.jsonl":
            metas = [json.loads(l)["meta"] for l in f["content"].splitlines() if l.strip()]
            keys["spacy.meta"] = sorted(metas[-1].keys())
            keys["spacy.meta.url"] = metas[-1].get("url")
        if f["path"] == "labelstudio.json":
            keys["labelstudio.data"] = sorted(json.loads(f["content"])[-1]["data"].keys())
        if f["path"] == "doccano.jsonl":
            keys["doccano.line"] = sorted(json.loads(f["content"].splitlines()[-1]).keys())
    out[fmt] = {"held": held, "keys": keys}
print(json.dumps(out, ensure_ascii=False))
`;

/** The `details` loss of a document in a report, or none. */
function detailsLost(result: ExportResult, documentId: number): string[] {
  const entry = result.report.documents.find((d) => d.documentId === documentId);
  const loss = entry?.losses.find((l): l is Extract<Loss, { kind: "details" }> => l.kind === "details");
  return loss?.fields ?? [];
}

describe("document details in the loss report", () => {
  it("names, for each format, exactly the details its files do not hold", async (t) => {
    const { table, hardId } = hardCasesProject(t);
    table.updateDocument({ documentId: hardId, ...DETAILS });
    const exports = {} as Record<ExportFormat, ExportResult>;
    for (const format of EXPORT_FORMATS)
      exports[format] = await table.exportDocuments({ format, documentIds: [hardId] });
    // Source: the file the document was imported from; published: the ISO date.
    const values = { ...DETAILS, published: DETAILS.date, source: "hard-cases.txt" };
    const { date: _date, ...fieldValues } = values;
    const seen = runPython<Record<ExportFormat, { held: string[]; keys: Record<string, unknown> }>>(HELD, {
      values: fieldValues,
      exports: Object.fromEntries(Object.entries(exports).map(([f, r]) => [f, r.files])),
    });
    for (const format of EXPORT_FORMATS) {
      const lost = detailsLost(exports[format], hardId);
      const all = Object.keys(fieldValues).sort();
      assert.deepEqual(
        all.filter((f) => !lost.includes(f)),
        seen[format].held,
        `${format}: the details not reported lost are the ones its files hold`,
      );
      const entry = exports[format].report.documents.find((d) => d.documentId === hardId);
      if (lost.length > 0) assert.ok(entry?.lost.some((l) => l.startsWith("document details not in this format: ")));
    }
    // The formats' own places for details, as their readers see them.
    assert.deepEqual(seen.spacy.keys["spacy.meta"], ["id", "published", "source", "title", "url"]);
    assert.equal(seen.spacy.keys["spacy.meta.url"], DETAILS.url);
    assert.deepEqual(detailsLost(exports.spacy, hardId), ["outlet", "author"]);
    assert.deepEqual(seen.labelstudio.keys["labelstudio.data"], ["text", "title"]);
    assert.deepEqual(detailsLost(exports.labelstudio, hardId), ["published", "url", "outlet", "author", "source"]);
    assert.deepEqual(seen.doccano.keys["doccano.line"], ["entities", "id", "relations", "text"]);
    for (const format of ["jsonl", "quotes-csv", "quotes-xlsx"] as const)
      assert.deepEqual(detailsLost(exports[format], hardId), [], format);
    assert.equal(
      describeLoss({ kind: "details", fields: ["url", "outlet", "author"] }),
      "document details not in this format: URL, outlet, author",
    );
  });
});

/**
 * For the hard document's discontinuous quote (its fragments from the JSONL), the relations
 * doccano and Label Studio hold from or to each fragment's span or region, read off the files.
 */
const LINKS = `
import json, sys
job = json.load(sys.stdin)
doc = json.loads(job["jsonl"].strip().split("\\n")[1])
quote = next(s for s in doc["spans"] if s.get("fragments"))
frags = [(f["start"], f["end"]) for f in quote["fragments"]]
line = json.loads(job["doccano"].splitlines()[0])
ids = [next(e["id"] for e in line["entities"] if (e["start_offset"], e["end_offset"]) == f and e["label"] == "QUOTE") for f in frags]
doccano = [sum(r["from_id"] == i or r["to_id"] == i for r in line["relations"]) for i in ids]
task = json.loads(job["labelstudio"])[0]
regions = task["annotations"][0]["result"]
rids = [next(r["id"] for r in regions if r.get("type") == "labels" and (r["value"]["start"], r["value"]["end"]) == f) for f in frags]
links = [r for r in regions if r.get("type") == "relation"]
labelstudio = [sum(r["from_id"] == i or r["to_id"] == i for r in links) for i in rids]
print(json.dumps({"doccano": doccano, "labelstudio": labelstudio}))
`;

describe("a discontinuous quote's links in doccano and Label Studio", () => {
  it("start from the first fragment only, and the report says so", async (t) => {
    const { table, hardId } = hardCasesProject(t);
    const one = async (format: "jsonl" | "doccano" | "labelstudio") =>
      table.exportDocuments({ format, documentIds: [hardId] });
    const [jsonl, doccano, labelstudio] = [await one("jsonl"), await one("doccano"), await one("labelstudio")];
    const content = (r: ExportResult, path: string) => r.files.find((f) => f.path === path)?.content ?? "";
    const links = runPython<{ doccano: number[]; labelstudio: number[] }>(LINKS, {
      jsonl: content(jsonl, "qawl-export.jsonl"),
      doccano: content(doccano, "doccano.jsonl"),
      labelstudio: content(labelstudio, "labelstudio.json"),
    });
    // The quote's cue relation is on its first fragment, none on its second.
    assert.deepEqual(links.doccano, [1, 0]);
    assert.deepEqual(links.labelstudio, [1, 0]);
    for (const [result, as] of [
      [doccano, "spans"],
      [labelstudio, "regions"],
    ] as const) {
      const entry = result.report.documents.find((d) => d.documentId === hardId);
      assert.ok(entry !== undefined);
      const i = entry.losses.findIndex((l) => l.kind === "fragments");
      assert.deepEqual(entry.losses[i], { kind: "fragments", count: 1, what: "quote", as, links: "first" });
      assert.match(entry.lost[i] ?? "", /; their links start from the first fragment only$/u);
    }
  });
});
