/**
 * Newsroom files through the operation table: DOCX (mammoth), PDF (pdf.js), a scan, a folder
 * with files of other types, HTML pages with a date and a figure. Expected texts come from
 * Python: python-docx's paragraphs, the sample article's paragraphs, jsonschema's verdict.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it, type TestContext } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { ProjectStore } from "../../db/project.ts";
import { runPython } from "../../test-support/python.ts";
import { FIXTURES, SAMPLE, exportJsonl, projectLocation } from "../../test-support/temp.ts";
import { createOperationTable } from "./table.ts";

const fixture = (name: string) => new URL(`import/${name}`, FIXTURES);
const file = (name: string, bytes: Buffer) => ({ name, contentBase64: bytes.toString("base64") });
const importFile = (name: string) => file(name, readFileSync(fixture(name)));
const DOCX = "lavrov-pompeo-sochi-2019.docx";
const PDF = "lavrov-pompeo-sochi-2019.pdf";
const SCAN = "scanned-page.pdf";

/** An installed package's version, from its own package.json. */
const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), "utf8")) as {
      version: string;
    }
  ).version;

function project(t: TestContext): { table: OperationTable; store: ProjectStore } {
  const store = new ProjectStore(projectLocation(t, "p.qawl"));
  t.after(() => {
    store.close();
  });
  return { store, table: createOperationTable(store, { annotator: "tester" }) };
}

/** The document an import of one file made. */
function imported(table: OperationTable, files: { name: string; contentBase64: string }[]) {
  const report = table.importDocuments({ files });
  const outcome = report.outcomes[0];
  assert.equal(outcome?.status, "imported");
  return { report, doc: table.getDocument({ documentId: outcome.documentId }) };
}

/** python-docx's view of the fixture: its non-empty paragraphs in order, and the first's style. */
const docxView = runPython<{ paragraphs: string[]; style: string }>(
  `
import json, sys
from docx import Document
d = Document(json.load(sys.stdin)["path"])
ps = [p for p in d.paragraphs if p.text.strip() != ""]
json.dump({"paragraphs": [p.text for p in ps], "style": ps[0].style.name}, sys.stdout, ensure_ascii=False)
`,
  { path: fixture(DOCX).pathname },
);

describe("importDocuments: newsroom files", () => {
  it("imports a DOCX: python-docx's paragraphs, one a paragraph, blank lines between", (t) => {
    const { table } = project(t);
    const { doc } = imported(table, [importFile(DOCX)]);
    assert.equal(docxView.style, "Heading 1", "the fixture opens with a title heading");
    assert.equal(doc.text, docxView.paragraphs.join("\n\n"));
    assert.equal(doc.title, docxView.paragraphs[0]);
    assert.equal(doc.lang, "ar");
  });

  it("names the extractor in the origin, kept in the native JSONL that jsonschema accepts", async (t) => {
    const { table } = project(t);
    imported(table, [importFile(DOCX)]);
    table.importDocuments({ files: [importFile(PDF)] });
    const lines = (await exportJsonl(table)).trimEnd().split("\n");
    const origins = lines.slice(1).map((l) => (JSON.parse(l) as { origin?: unknown }).origin);
    const mammoth = versionOf("mammoth");
    const pdfjs = versionOf("pdfjs-dist");
    assert.deepEqual(origins, [
      { format: "docx", file: DOCX, extractor: `mammoth ${mammoth}` },
      { format: "pdf", file: PDF, extractor: `pdf.js ${pdfjs}`, pages: 2 },
    ]);
    const errors = runPython<string[]>(
      `
import json, sys
from jsonschema import Draft202012Validator
job = json.load(sys.stdin)
schema = json.load(open(job["schema"]))
doc = {"$ref": "#/$defs/document", "$defs": schema["$defs"]}
header = {"$ref": "#/$defs/header", "$defs": schema["$defs"]}
errors = []
for i, line in enumerate(job["lines"]):
    v = Draft202012Validator(header if i == 0 else doc)
    errors += ["line %d: %s" % (i + 1, e.message[:200]) for e in v.iter_errors(json.loads(line))]
json.dump(errors, sys.stdout)
`,
      { schema: new URL("../../schema/qawl-jsonl-v1.schema.json", import.meta.url).pathname, lines },
    );
    assert.deepEqual(errors, []);
  });

  it("imports a PDF's text layer: the article's paragraphs in logical (Arabic) order", (t) => {
    const { table } = project(t);
    const { doc } = imported(table, [importFile(PDF)]);
    // The fixture's paragraphs (make-fixtures.py): title, date line, body; each with its whitespace
    // folded away, by Python, for the source and for what Qawl stored.
    const view = runPython<{ source: string[]; stored: string[] }>(
      `
import json, re, sys
job = json.load(sys.stdin)
lines = job["source"].split("\\n")
paragraphs = [lines[0], lines[4]] + [l for l in lines[6:] if l.strip() != ""]
fold = lambda p: re.sub(r"\\s+", "", p)
json.dump({"source": [fold(p) for p in paragraphs], "stored": [fold(p) for p in job["stored"].split("\\n\\n")]},
          sys.stdout, ensure_ascii=False)
`,
      { source: readFileSync(SAMPLE, "utf8"), stored: doc.text },
    );
    assert.deepEqual(view.stored, view.source);
    assert.equal(doc.title, "لافروف وبومبيو يتفقان على استئناف الاتصالات الروسية الأميركية");
    assert.match(doc.text, /^[^\n]+\n\n14 مايو 2019\n\nفي ثاني لقاء /u, "paragraphs separated by one blank line");
    assert.doesNotMatch(doc.text, /\n\n\n/u);
  });

  it("refuses a scanned PDF in one line, and a folder holding it imports nothing", (t) => {
    const { table } = project(t);
    assert.throws(
      () => table.importDocuments({ files: [importFile(SCAN)] }),
      (e: unknown) =>
        e instanceof QawlError &&
        e.message === `${SCAN}: has no text layer (a scanned page?); run OCR first; nothing imported` &&
        e.detail?.kind === "import.file" &&
        e.detail.reason === "no_text_layer",
    );
    assert.throws(
      () => table.importDocuments({ files: [importFile(DOCX), importFile(SCAN)] }),
      /: scanned-page\.pdf: has no text layer \(a scanned page\?\); run OCR first; none of the 2 files was imported$/u,
    );
    const ds = file("news/.DS_Store", Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
    const png = file("news/photo.png", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    assert.throws(
      () =>
        table.importDocuments({
          files: [ds, importFile(DOCX), png, importFile(SCAN), file("news/._a.txt", Buffer.from([0, 5, 22, 7, 0, 2]))],
        }),
      (e: unknown) =>
        e instanceof QawlError &&
        /scanned-page\.pdf: has no text layer \(a scanned page\?\); run OCR first; none of the 2 files was imported$/u.test(
          e.message,
        ) &&
        e.detail?.kind === "import.file" &&
        e.detail.files === 2,
      "only the files of formats Qawl reads are counted",
    );
    assert.deepEqual(table.listDocuments({}), []);
  });

  it("refuses a DOCX or PDF its reader cannot read, naming the file, in one line", (t) => {
    const { table } = project(t);
    const docx = readFileSync(fixture(DOCX));
    for (const [name, bytes] of [
      ["broken.docx", docx.subarray(0, 2000)],
      ["broken.pdf", Buffer.from("%PDF-1.4\nthis is not a PDF body\n")],
    ] as const) {
      assert.throws(
        () => table.importDocuments({ files: [file(name, bytes)] }),
        (e: unknown) =>
          e instanceof QawlError &&
          new RegExp(
            `^${name.replace(".", "\\.")}: cannot be read as (a Word document \\(\\.docx\\)|a PDF) \\(`,
            "u",
          ).test(e.message) &&
          !e.message.includes("\n"),
        name,
      );
    }
  });

  it("titles a DOCX by its core properties when they have a title, else by its first paragraph", (t) => {
    const { table } = project(t);
    const made = runPython<{ docx: string; paragraphs: string[] }>(
      `
import base64, io, json, sys
from docx import Document
job = json.load(sys.stdin)
d = Document()
d.core_properties.title = job["title"]
for p in job["paragraphs"]:
    d.add_paragraph(p)
d.add_paragraph("")
out = io.BytesIO()
d.save(out)
back = Document(io.BytesIO(out.getvalue()))
json.dump({"docx": base64.b64encode(out.getvalue()).decode(), "paragraphs": [p.text for p in back.paragraphs if p.text.strip()]},
          sys.stdout, ensure_ascii=False)
`,
      { title: "وزيرا الخارجية في سوتشي & <موسكو>", paragraphs: ["قال لافروف: نعم.", "وأضاف بومبيو: لا تعليق."] },
    );
    const { doc } = imported(table, [{ name: "titled.docx", contentBase64: made.docx }]);
    assert.equal(doc.title, "وزيرا الخارجية في سوتشي & <موسكو>");
    assert.equal(doc.text, made.paragraphs.join("\n\n"));
  });

  it("finds DOCX and PDF by their bytes under other names", (t) => {
    const { table } = project(t);
    const { doc } = imported(table, [file("article.bin", readFileSync(fixture(DOCX)))]);
    assert.equal(doc.text, docxView.paragraphs.join("\n\n"));
    const pdf = table.importDocuments({ files: [file("scan-upload", readFileSync(fixture(PDF)))] });
    assert.equal(pdf.outcomes[0]?.status, "imported");
  });

  it("skips a folder's files of types Qawl does not read and names them; a bad file it reads still refuses all", (t) => {
    const { table } = project(t);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const ole = Buffer.from("d0cf11e0a1b11ae1000000000000000000", "hex");
    const xlsx = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from("\0\0xl/workbook.xml\0\0")]);
    const report = table.importDocuments({
      files: [
        file("news/photo.png", png),
        file("news/old.doc", ole),
        file("news/figures.xlsx", xlsx),
        file("news/.DS_Store", Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31])),
        importFile(DOCX),
        file("news/lavrov.txt", readFileSync(SAMPLE)),
      ],
    });
    assert.deepEqual(
      report.outcomes.map((o) => o.status),
      ["imported", "imported"],
    );
    assert.deepEqual(report.notes, [
      "skipped news/photo.png (not a format Qawl reads)",
      "skipped news/old.doc (not a format Qawl reads)",
      "skipped news/figures.xlsx (not a format Qawl reads)",
      "skipped news/.DS_Store (not a format Qawl reads)",
    ]);
    const binary = readFileSync(new URL("cases/binary.txt", FIXTURES));
    assert.throws(
      () => table.importDocuments({ files: [file("news/photo.png", png), file("news/binary.txt", binary)] }),
      // The picture would be skipped anyway: the one file Qawl reads is refused on its own.
      /: news\/binary\.txt: not a text file \(it holds binary data\); nothing imported$/u,
    );
    assert.throws(
      () => table.importDocuments({ files: [file("a.png", png), file("b.xlsx", xlsx)] }),
      /none of the files is of a format Qawl reads/u,
    );
  });

  it("stores only the page's article text (date as metadata) and keeps figure captions in reading order", (t) => {
    const { table } = project(t);
    const page = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>لافروف وبومبيو - الموقع</title>
<meta property="article:published_time" content="2019-05-13T10:00:00Z"></head><body><nav>الرئيسية</nav>
<article><h1>لافروف وبومبيو يتفقان</h1><time datetime="2019-05-13"></time>
<p>في ثاني لقاء بينهما في مايو الجاري، بحث وزيرا الخارجية الروسي سيرغي لافروف والأميركي مايك بومبيو عددا من القضايا.</p>
<figure><img src="a.jpg" alt=""><figcaption>لافروف وبومبيو في سوتشي (رويترز)</figcaption></figure>
<p>وقال وزير الخارجية الروسي: "روسيا مهتمة بتطبيع حوارنا".</p></article><footer>حقوق النشر</footer></body></html>`;
    const { doc } = imported(table, [file("sochi.html", Buffer.from(page))]);
    assert.equal(
      doc.text,
      [
        "لافروف وبومبيو يتفقان",
        "في ثاني لقاء بينهما في مايو الجاري، بحث وزيرا الخارجية الروسي سيرغي لافروف والأميركي مايك بومبيو عددا من القضايا.",
        "لافروف وبومبيو في سوتشي (رويترز)",
        'وقال وزير الخارجية الروسي: "روسيا مهتمة بتطبيع حوارنا".',
      ].join("\n\n"),
    );
    assert.doesNotMatch(doc.text, /2019/u);
    assert.equal(doc.published?.iso, "2019-05-13");
  });
});
