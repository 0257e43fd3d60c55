/**
 * The quotes table a newsroom can use, and document metadata (`updateDocument`): the hard
 * cases project with its documents' title, date, URL, outlet and author set, exported as
 * quotes-csv and quotes-xlsx and read by Python's csv module, pandas and openpyxl. Every
 * expected value comes from Python over the native JSONL export (`text[start:end]`, the
 * header's entities), or is the value the test set; never from Qawl's table code.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { hardCasesProject } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";
import { dispatch } from "./dispatch.ts";

/** What the test sets on the sample article (document 1) and the hard document. */
const SAMPLE_META = {
  title: "لافروف وبومبيو يتفقان على استئناف الاتصالات",
  date: "2019-05-14",
  url: "https://arabic.rt.com/world/1019133-lavrov-pompeo-sochi/",
  outlet: "RT Arabic",
  author: "قسم الأخبار",
} as const;
const HARD_META = { title: "حالات صعبة", date: "2019-06-20", outlet: "وكالة الاختبار" } as const;

/**
 * Reads the CSV with csv and pandas, the XLSX with openpyxl and pandas; for every row,
 * every cell is compared with what Python derives from the native JSONL. Prints the
 * problems, each reader's rows, and the JSON Schema verdict on the JSONL (jsonschema).
 */
const REFEREE = `
import base64, csv, io, json, os, sys, tempfile
import jsonschema, openpyxl, pandas
job = json.load(sys.stdin)
lines = job["jsonl"].strip().split("\\n")
header = json.loads(lines[0])
docs = {d["id"]: d for d in map(json.loads, lines[1:])}
entities = {e["id"]: e for e in header["entities"]}
schema = json.load(open(job["schema"], encoding="utf-8"))
registry_schema = dict(schema)
def check(kind, value):
    s = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/" + kind}
    return [e.message for e in jsonschema.Draft202012Validator(s).iter_errors(value)]
schema_problems = check("header", header) + [p for d in docs.values() for p in check("document", d)]

tmp = tempfile.mkdtemp()
xlsx = os.path.join(tmp, "quotes.xlsx")
with open(xlsx, "wb") as f:
    f.write(base64.b64decode(job["xlsx"]))
path = os.path.join(tmp, "quotes.csv")
with open(path, "wb") as f:
    f.write(job["csv"].encode("utf-8"))
readers = {}
ws = openpyxl.load_workbook(xlsx).active
values = list(ws.iter_rows(values_only=True))
readers["openpyxl"] = [{k: ("" if v is None else str(v)) for k, v in zip(values[0], r)} for r in values[1:]]
readers["pandas.read_excel"] = pandas.read_excel(xlsx, dtype=str, keep_default_na=False).to_dict("records")
with open(path, encoding="utf-8-sig", newline="") as f:
    readers["csv"] = list(csv.DictReader(f))
readers["pandas.read_csv"] = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False).to_dict("records")

def expected_rows():
    out = []
    for d in docs.values():
        spans = {s["id"]: s for s in d["spans"]}
        text = d["text"]
        for q in d["spans"]:
            if q["label"] != "QUOTE":
                continue
            pieces = q.get("fragments") or [{"start": q["start"], "end": q["end"]}]
            rel = lambda t: next((r for r in d["relations"] if r["from"] == q["id"] and r["type"] == t), None)
            sp, cue = rel("attributed_to"), rel("cue")
            mention = spans.get(sp.get("to")) if sp else None
            eid = (sp.get("to_entity") if sp else None) or (mention.get("entity") if mention else None)
            ent = entities.get(eid)
            out.append({
                "document_id": str(d["id"]), "title": d["title"], "outlet": d.get("outlet", ""),
                "author": d.get("author", ""), "url": d["url"] or "", "source": d["source"] or "",
                "date": (d["published"] or {}).get("iso", ""),
                "speaker": ent["name"] if ent else "", "speaker_kb_id": (ent["kb_id"] or "") if ent else "",
                "speaker_mention": text[mention["start"]:mention["end"]] if mention else "",
                "cue": text[spans[cue["to"]]["start"]:spans[cue["to"]]["end"]] if cue else "",
                "quote": " ".join(text[p["start"]:p["end"]] for p in pieces),
                "type": q["attributes"].get("type", ""),
                "start": str(q["start"]), "end": str(q["end"]),
                "fragments": ";".join(f'{p["start"]}-{p["end"]}' for p in q.get("fragments") or []),
                "_pieces": [text[p["start"]:p["end"]] for p in pieces],
            })
    return out

problems = []
expected = expected_rows()
for name, rows in readers.items():
    if len(rows) != len(expected):
        problems.append(f"{name}: {len(rows)} rows, not {len(expected)}")
    for i, (row, want) in enumerate(zip(rows, expected), 2):
        for key, value in want.items():
            if key != "_pieces" and str(row[key]) != value:
                problems.append(f"{name} row {i} {key}: {row[key]!r} is not {value!r}")
        d = docs[int(want["document_id"])]
        text, sentence = d["text"], row["sentence"]
        start, end = int(want["start"]), int(want["end"])
        at = [j for j in range(len(text)) if text.startswith(sentence, j)]
        if not any(j <= start and end <= j + len(sentence) for j in at):
            problems.append(f"{name} row {i}: the sentence {sentence!r} is not the text around [{start}, {end})")
        if not all(p in sentence for p in want["_pieces"]):
            problems.append(f"{name} row {i}: the sentence does not hold the quote")
        if row["fragments"]:
            # Each fragment's text[s:e] from the cell itself; the quote cell is them joined by one space.
            cuts = [tuple(map(int, f.split("-"))) for f in str(row["fragments"]).split(";")]
            if [text[a:b] for a, b in cuts] != want["_pieces"]:
                problems.append(f"{name} row {i}: fragments {row['fragments']!r} do not slice the quote's pieces")
            if " ".join(text[a:b] for a, b in cuts) != row["quote"]:
                problems.append(f"{name} row {i}: the quote is not its fragments joined by one space")
            if (cuts[0][0], cuts[-1][1]) != (start, end):
                problems.append(f"{name} row {i}: fragments do not span start and end")
print(json.dumps({"problems": problems, "schema": schema_problems,
                  "rows": {k: v for k, v in readers.items()}}, ensure_ascii=False))
`;

type Row = Record<string, string>;

/** The hard cases project with its two documents' metadata set through the contract. */
function projectWithMetadata(t: Parameters<typeof hardCasesProject>[0]): {
  table: OperationTable;
  sampleId: number;
  hardId: number;
} {
  const { table, sampleId, hardId } = hardCasesProject(t);
  table.updateDocument({ documentId: sampleId, ...SAMPLE_META });
  table.updateDocument({ documentId: hardId, ...HARD_META });
  return { table, sampleId, hardId };
}

describe("quotes table with document metadata, read by csv, pandas and openpyxl", () => {
  it("ties every quote to its article: every cell is what Python reads from the JSONL", async (t) => {
    const { table, hardId } = projectWithMetadata(t);
    const content = async (format: "jsonl" | "quotes-csv" | "quotes-xlsx") =>
      (await table.exportDocuments({ format })).files[0]?.content ?? "";
    const checked = runPython<{ problems: string[]; schema: string[]; rows: Record<string, Row[]> }>(REFEREE, {
      jsonl: await content("jsonl"),
      csv: await content("quotes-csv"),
      xlsx: await content("quotes-xlsx"),
      schema: new URL("../../schema/qawl-jsonl-v1.schema.json", import.meta.url).pathname,
    });
    assert.deepEqual(checked.schema, []);
    assert.deepEqual(checked.problems, []);
    for (const [reader, rows] of Object.entries(checked.rows)) {
      assert.equal(rows.length, 7, reader);
      const sample = rows.filter((r) => r["document_id"] === "1");
      assert.equal(sample.length, 4, reader);
      for (const r of sample) {
        assert.equal(r["title"], SAMPLE_META.title);
        assert.equal(r["date"], SAMPLE_META.date);
        assert.equal(r["url"], SAMPLE_META.url);
        assert.equal(r["outlet"], SAMPLE_META.outlet);
        assert.equal(r["author"], SAMPLE_META.author);
      }
      const hard = rows.filter((r) => r["document_id"] === String(hardId));
      assert.equal(hard.length, 3, reader);
      const [q1, q2] = hard as [Row, Row];
      // A quote with a speaker mention, an entity with a Wikidata id and a cue: every column filled but the URL.
      for (const [key, value] of Object.entries(q1)) {
        if (key !== "url" && key !== "author" && key !== "fragments")
          assert.notEqual(value, "", `${reader}: ${key} is empty`);
      }
      assert.equal(q1["fragments"], "", `${reader}: a contiguous quote has no fragments`);
      assert.equal(q1["url"], "");
      assert.equal(q1["source"], "hard-cases.txt");
      assert.equal(q1["date"], HARD_META.date);
      assert.equal(q1["title"], HARD_META.title);
      assert.equal(q1["outlet"], HARD_META.outlet);
      assert.equal(q1["speaker"], "سيرغي لافروف");
      assert.equal(q1["speaker_kb_id"], "Q20087");
      // The quote crosses a CRLF: its sentence runs from the line before to the end of the sentence after.
      assert.equal(q1["sentence"], 'وقال الوزيرُ سيرغي لافروف: "روسيا 🇷🇺 مهتمة\r\nبتطبيع الحوار".');
      // The discontinuous quote's speaker is carried over: the entity, no mention.
      assert.equal(q2["speaker"], "سيرغي لافروف");
      assert.equal(q2["speaker_kb_id"], "Q20087");
      assert.equal(q2["speaker_mention"], "");
      assert.equal(q2["quote"], "نتفق على أهميّة الحوار والتعاون ممكن");
      assert.match(q2["fragments"] ?? "", /^\d+-\d+;\d+-\d+$/u, reader);
    }
  });
});

describe("updateDocument", () => {
  it("sets metadata, is undone and redone as one step, and leaves the text alone", (t) => {
    const { table, sampleId } = hardCasesProject(t);
    const before = table.getDocument({ documentId: sampleId });
    const after = table.updateDocument({ documentId: sampleId, ...SAMPLE_META, date: "2019-05-15" });
    assert.equal(after.outlet, SAMPLE_META.outlet);
    assert.deepEqual(after.published, { iso: "2019-05-15", raw: "2019-05-15" });
    const listed = table.listDocuments({}).find((d) => d.id === sampleId);
    assert.ok(listed !== undefined);
    assert.equal(listed.url, SAMPLE_META.url);
    assert.equal(listed.author, SAMPLE_META.author);
    assert.match(table.getHistory({}).undo?.description ?? "", /^Edit the details of “/u);
    table.undo({});
    const undone = table.getDocument({ documentId: sampleId });
    for (const key of ["title", "published", "url", "outlet", "author", "status"] as const)
      assert.deepEqual(undone[key], before[key], key);
    table.redo({});
    const redone = table.getDocument({ documentId: sampleId });
    assert.equal(redone.outlet, SAMPLE_META.outlet);
    assert.equal(redone.text, before.text);
    assert.equal(redone.textSha256, before.textSha256);
    // The same day again keeps the raw date as written; null clears a field.
    table.updateDocument({ documentId: sampleId, date: null, outlet: null });
    const cleared = table.getDocument({ documentId: sampleId });
    assert.equal(cleared.published, null);
    assert.equal(cleared.outlet, null);
  });

  it("keeps the date as written when the day is unchanged", (t) => {
    const { table, sampleId } = hardCasesProject(t);
    const published = table.getDocument({ documentId: sampleId }).published;
    assert.deepEqual(published, { iso: "2019-05-14", raw: "14 مايو 2019" });
    assert.deepEqual(table.updateDocument({ documentId: sampleId, date: "2019-05-14" }).published, published);
  });

  for (const [input, message] of [
    [{ url: "javascript:alert(1)" }, "updateDocument: url: a URL starts with http:// or https://"],
    [{ url: "https://" }, "updateDocument: url: a URL has a host after http:// or https://, such as example.com"],
    [
      { url: "https://example.com/a b" },
      "updateDocument: url: a URL has no spaces or line breaks (write a space as %20)",
    ],
    [{ date: "2019-13-01" }, "updateDocument: date: a date is YYYY-MM-DD and must exist (e.g. 2019-06-20)"],
    [{ title: "  " }, "updateDocument: title: a title is empty"],
    [{ title: "سطر\nوسطر" }, "updateDocument: title: a title must be one line"],
    [{ author: "x".repeat(201) }, "updateDocument: author: an author is longer than 200 characters"],
  ] as const) {
    it(`refuses ${JSON.stringify(input).slice(0, 40)} with one line`, async (t) => {
      const { table, sampleId } = hardCasesProject(t);
      const reply = await dispatch(table, "updateDocument", { documentId: sampleId, ...input });
      assert.ok(!reply.ok);
      assert.equal(reply.error.message, message);
    });
  }

  it("native JSONL carries outlet and author; imported into an empty project, exports the same bytes", async (t) => {
    const { table } = projectWithMetadata(t);
    const first = (await table.exportDocuments({ format: "jsonl" })).files[0]?.content ?? "";
    const line = runPython<Record<string, unknown>>(
      'import json, sys\nprint(json.dumps(json.loads(json.load(sys.stdin).split("\\n")[1]), ensure_ascii=False))',
      first,
    );
    assert.equal(line["outlet"], SAMPLE_META.outlet);
    assert.equal(line["author"], SAMPLE_META.author);
    const other = emptyProject(t, "copy.qawl");
    other.table.importDocuments({
      files: [{ name: "export.jsonl", contentBase64: Buffer.from(first).toString("base64") }],
    });
    const second = (await other.table.exportDocuments({ format: "jsonl" })).files[0]?.content ?? "";
    assert.ok(second === first, "the re-export differs from the original");
  });
});
