/**
 * The quotes table, refereed by what newsroom users' tools read: openpyxl (`load_workbook`)
 * and pandas (`read_excel`) for XLSX, Python's `csv` module and pandas (`read_csv`) for CSV.
 * Every quote cell must be Python's `text[start:end]` for the row's start and end (for a
 * discontinuous quote, its fragments' texts joined with one space), a CR LF inside a quote
 * included (and every `sentence` cell is a piece of the text, line ends as they are).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { hardCasesProject } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";

/**
 * Reads the XLSX and the CSV with their consumers and checks every quote row against the
 * native JSONL's texts and fragments. Prints the rows each reader saw and the problems.
 */
const REFEREE = `
import base64, csv, io, json, os, sys, tempfile
import openpyxl, pandas
job = json.load(sys.stdin)
lines = job["jsonl"].strip().split("\\n")[1:]
docs = {int(d["id"]): d for d in map(json.loads, lines)}
tmp = tempfile.mkdtemp()
xlsx = os.path.join(tmp, "quotes.xlsx")
with open(xlsx, "wb") as f:
    f.write(base64.b64decode(job["xlsx"]))
path = os.path.join(tmp, "quotes.csv")
with open(path, "wb") as f:
    f.write(job["csv"].encode("utf-8"))

def expected(row):
    doc = docs[int(row["document_id"])]
    start, end = int(row["start"]), int(row["end"])
    text = doc["text"]
    for s in doc["spans"]:
        if s["start"] == start and s["end"] == end and s.get("fragments"):
            return " ".join(text[f["start"]:f["end"]] for f in s["fragments"])
    return text[start:end]

readers = {}
ws = openpyxl.load_workbook(xlsx).active
values = list(ws.iter_rows(values_only=True))
readers["openpyxl"] = [dict(zip(values[0], r)) for r in values[1:]]
readers["pandas.read_excel"] = pandas.read_excel(xlsx, dtype=str, keep_default_na=False).to_dict("records")
with open(path, encoding="utf-8-sig", newline="") as f:
    readers["csv"] = list(csv.DictReader(f))
readers["pandas.read_csv"] = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False).to_dict("records")
with open(path, "rb") as f:
    bom = f.read(3) == b"\\xef\\xbb\\xbf"
problems = []
for name, rows in readers.items():
    for i, row in enumerate(rows, 2):
        if row["quote"] != expected(row):
            problems.append(f"{name} row {i}: {row['quote']!r} is not {expected(row)!r}")
        if row.get("fragments"):
            # The fragments cell sliced by Python: each text[s:e], joined by one space, is the quote cell.
            text = docs[int(row["document_id"])]["text"]
            cuts = [tuple(map(int, f.split("-"))) for f in str(row["fragments"]).split(";")]
            if " ".join(text[a:b] for a, b in cuts) != row["quote"]:
                problems.append(f"{name} row {i}: fragments {row['fragments']!r} do not give the quote")
            if (cuts[0][0], cuts[-1][1]) != (int(row["start"]), int(row["end"])):
                problems.append(f"{name} row {i}: fragments {row['fragments']!r} do not run from start to end")
        if "sentence" in row and row["sentence"] not in docs[int(row["document_id"])]["text"]:
            problems.append(f"{name} row {i}: the sentence {row['sentence']!r} is not in the text")
print(json.dumps({
    "problems": problems,
    "rows": {k: len(v) for k, v in readers.items()},
    "crlf": {k: sum("\\r\\n" in (r["quote"] or "") for r in v) for k, v in readers.items()},
    "fragmented": {k: sum(bool(r.get("fragments")) for r in v) for k, v in readers.items()},
    "bom": bom,
}, ensure_ascii=False))
`;

describe("quotes table, read by openpyxl, pandas and Python's csv", () => {
  it("every quote cell is Python's text[start:end], a CR LF inside a quote included", async (t) => {
    const { table } = hardCasesProject(t);
    const content = async (format: "jsonl" | "quotes-csv" | "quotes-xlsx") =>
      (await table.exportDocuments({ format })).files[0]?.content ?? "";
    const checked = runPython<{
      problems: string[];
      rows: Record<string, number>;
      crlf: Record<string, number>;
      fragmented: Record<string, number>;
      bom: boolean;
    }>(REFEREE, {
      jsonl: await content("jsonl"),
      csv: await content("quotes-csv"),
      xlsx: await content("quotes-xlsx"),
    });
    assert.deepEqual(checked.problems, []);
    // The sample's 4 quotes and the hard document's 3, in every reader; the CR LF quote in each.
    const readers = ["openpyxl", "pandas.read_excel", "csv", "pandas.read_csv"];
    assert.deepEqual(checked.rows, Object.fromEntries(readers.map((r) => [r, 7])));
    assert.deepEqual(checked.crlf, Object.fromEntries(readers.map((r) => [r, 1])));
    // The sample's discontinuous quote and the hard document's have their fragments' offsets, in every reader.
    assert.deepEqual(checked.fragmented, Object.fromEntries(readers.map((r) => [r, 2])));
    assert.equal(checked.bom, true);
  });
});

/** An LF text (no CR) with a direct quote across a line break and a discontinuous quote. */
const LF_TEXT = [
  "حوار في سوتشي",
  'قال الوزير: "روسيا مهتمة',
  'بتطبيع الحوار". وأضاف: "نتفق على أهمية الحوار"، وتابع: "والتعاون',
  'ممكن".',
  "",
].join("\n");

/** Finds needles with `str.find` (offsets from Python, never from Qawl). */
const FIND = `
import json, sys
job = json.load(sys.stdin)
out = []
for needle in job["needles"]:
    at = job["text"].find(needle)
    out.append([at, at + len(needle)] if at >= 0 else None)
print(json.dumps(out))
`;

/** Reads the CSV with Python's csv and pandas; each row's cells checked against `text[start:end]`. */
const LF_READ = `
import csv, json, os, sys, tempfile
import pandas
job = json.load(sys.stdin)
text = job["text"]
path = os.path.join(tempfile.mkdtemp(), "quotes.csv")
with open(path, "wb") as f:
    f.write(job["csv"].encode("utf-8"))
readers = {}
with open(path, encoding="utf-8-sig", newline="") as f:
    readers["csv"] = list(csv.DictReader(f))
readers["pandas.read_csv"] = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False).to_dict("records")
out = {}
for name, rows in readers.items():
    seen = []
    for r in rows:
        cuts = [tuple(map(int, f.split("-"))) for f in r["fragments"].split(";")] if r["fragments"] else []
        want = " ".join(text[a:b] for a, b in cuts) if cuts else text[int(r["start"]):int(r["end"])]
        seen.append({"quote_ok": r["quote"] == want, "lf": "\\n" in r["quote"],
                     "pieces": [text[a:b] for a, b in cuts]})
    out[name] = seen
print(json.dumps(out, ensure_ascii=False))
`;

describe("quotes.csv of an LF text, read by Python's csv and pandas", () => {
  it("a quote across an LF line break stays in one row; the cell is text[start:end]", async (t) => {
    const { table } = emptyProject(t, "lf.qawl");
    const documentId =
      table.importDocuments({
        files: [{ name: "lf.txt", contentBase64: Buffer.from(LF_TEXT, "utf8").toString("base64") }],
      }).outcomes[0]?.documentId ?? 0;
    const [across, partA, partB] = runPython<([number, number] | null)[]>(FIND, {
      text: LF_TEXT,
      needles: ["روسيا مهتمة\nبتطبيع الحوار", "نتفق على أهمية الحوار", "والتعاون\nممكن"],
    }).map((r) => {
      if (r === null) throw new Error("a needle is not in the LF text");
      return { start: r[0], end: r[1] };
    }) as [{ start: number; end: number }, { start: number; end: number }, { start: number; end: number }];
    table.createSpan({ documentId, label: "QUOTE", ...across, attributes: { type: "direct" } });
    table.createSpan({
      documentId,
      label: "QUOTE",
      start: partA.start,
      end: partB.end,
      fragments: [partA, partB],
      attributes: { type: "direct" },
    });
    const csv = (await table.exportDocuments({ format: "quotes-csv" })).files[0]?.content ?? "";
    assert.ok(!/\r(?!\n)/u.test(csv) && csv.includes("\n"), "the text's LF is in the file");
    const read = runPython<Record<string, { quote_ok: boolean; lf: boolean; pieces: string[] }[]>>(LF_READ, {
      text: LF_TEXT,
      csv,
    });
    for (const [reader, rows] of Object.entries(read)) {
      assert.equal(rows.length, 2, `${reader}: one row per quote`);
      assert.deepEqual(
        rows.map((r) => r.quote_ok),
        [true, true],
        reader,
      );
      assert.deepEqual(
        rows.map((r) => r.lf),
        [true, true],
        `${reader}: the LF inside each quote is kept`,
      );
      assert.deepEqual(rows[1]?.pieces, ["نتفق على أهمية الحوار", "والتعاون\nممكن"], reader);
    }
  });
});
