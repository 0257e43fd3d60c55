/**
 * The quotes table, refereed by what newsroom users' tools read: openpyxl (`load_workbook`)
 * and pandas (`read_excel`) for XLSX, Python's `csv` module and pandas (`read_csv`) for CSV.
 * Every quote cell must be Python's `text[start:end]` for the row's start and end (for a
 * discontinuous quote, its fragments' texts joined with one space), a CR LF inside a quote
 * included (and every `sentence` cell is a piece of the text, line ends as they are).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
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
        if "sentence" in row and row["sentence"] not in docs[int(row["document_id"])]["text"]:
            problems.append(f"{name} row {i}: the sentence {row['sentence']!r} is not in the text")
print(json.dumps({
    "problems": problems,
    "rows": {k: len(v) for k, v in readers.items()},
    "crlf": {k: sum("\\r\\n" in (r["quote"] or "") for r in v) for k, v in readers.items()},
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
    assert.equal(checked.bom, true);
  });
});
