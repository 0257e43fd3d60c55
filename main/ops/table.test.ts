import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it, type TestContext } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { ProjectStore } from "../../db/project.ts";
import { nativeJsonlProblems } from "../../test-support/native-schema.ts";
import { python } from "../../test-support/python.ts";
import { SAMPLE, FIXTURES, exportJsonl, projectLocation } from "../../test-support/temp.ts";
import { createOperationTable } from "./table.ts";

const sampleText = readFileSync(SAMPLE, "utf8");
const file = (name: string, bytes: Buffer) => ({ name, contentBase64: bytes.toString("base64") });
const sampleFile = () => file("lavrov.txt", readFileSync(SAMPLE));
const caseFile = (name: string) => file(name, readFileSync(new URL(`cases/${name}`, FIXTURES)));

function project(t: TestContext): { table: OperationTable; store: ProjectStore } {
  const store = new ProjectStore(projectLocation(t, "p.qawl"));
  t.after(() => {
    store.close();
  });
  return { store, table: createOperationTable(store, { annotator: "tester" }) };
}

/** Code point extent of `needle` in `text`, found by Python. */
function extentOf(text: string, needle: string): { start: number; end: number } {
  const start = python(text, [], [needle]).finds[0] ?? -1;
  assert.ok(start >= 0, `Python finds ${needle}`); // str.find: -1 when absent, else an offset
  return { start, end: start + python(needle).length };
}

const QUOTE_1 =
  "روسيا مهتمة بتطبيع حوارنا. نحن على قناعة بأن ذلك أمر وارد وواقعي، في حال التصرف بناء على الاحترام المتبادل وأخذ مصالح بعضنا بعضا\u00a0بعين الاعتبار";

describe("importDocuments", () => {
  it("imports the sample article with its title, date, length and hash", (t) => {
    const { table } = project(t);
    const report = table.importDocuments({ files: [sampleFile()] });
    assert.equal(report.outcomes[0]?.status, "imported");
    const doc = table.getDocument({ documentId: report.outcomes[0].documentId });
    const py = python(sampleText);
    assert.equal(doc.text, sampleText);
    assert.equal(doc.length, py.length);
    assert.equal(doc.textSha256, py.sha256);
    assert.equal(doc.title, "لافروف وبومبيو يتفقان على استئناف الاتصالات الروسية الأميركية");
    assert.deepEqual(doc.published, { iso: "2019-05-14", raw: "14 مايو 2019" });
    assert.equal(doc.lang, "ar");
    assert.equal(doc.status, "new");
  });

  it("reports the same text imported twice instead of duplicating it", (t) => {
    const { table } = project(t);
    table.importDocuments({ files: [sampleFile()] });
    const again = table.importDocuments({ files: [sampleFile()] });
    assert.deepEqual(
      again.outcomes.map((o) => o.status),
      ["duplicate"],
    );
    assert.equal(table.listDocuments({}).length, 1);
  });

  it("recognises the Windows-1256 copy as the same document once decoded", (t) => {
    const { table } = project(t);
    table.importDocuments({ files: [sampleFile()] });
    const again = table.importDocuments({ files: [caseFile("seed-cp1256.txt")], encoding: "windows-1256" });
    assert.equal(again.outcomes[0]?.status, "duplicate");
  });

  for (const bad of ["empty.txt", "binary.txt", "seed-cp1256.txt"]) {
    it(`writes nothing when ${bad} is in the batch`, (t) => {
      const { table } = project(t);
      assert.throws(
        () => table.importDocuments({ files: [sampleFile(), caseFile(bad)] }),
        (e: unknown) => e instanceof QawlError && e.message.startsWith(`${bad}: `) && !e.message.includes("\n"),
      );
      assert.equal(table.listDocuments({}).length, 0);
    });
  }

  it("keeps a BOM-and-CRLF file's text exactly, with the BOM recorded", (t) => {
    const { table } = project(t);
    const bytes = readFileSync(new URL("cases/crlf-bom.txt", FIXTURES));
    const id = table.importDocuments({ files: [file("crlf-bom.txt", bytes)] }).outcomes[0]?.documentId ?? 0;
    const doc = table.getDocument({ documentId: id });
    assert.equal(doc.hadBom, true);
    assert.equal(doc.text, bytes.subarray(3).toString("utf8"));
    assert.ok(doc.text.includes("\r\n"));
    assert.deepEqual(doc.published, { iso: "2019-05-14", raw: "14 مايو 2019" });
  });
});

describe("deleteDocuments", () => {
  it("deletes documents with their spans and index rows, keeps entities, as one step of the undo history", (t) => {
    const { table } = project(t);
    const ids = table
      .importDocuments({ files: [sampleFile(), caseFile("diacritics.txt")] })
      .outcomes.map((o) => o.documentId);
    const [lavrov, other] = ids;
    assert.ok(lavrov !== undefined && other !== undefined);
    const name = extentOf(sampleText, "لافروف");
    const span = table.createSpan({ documentId: lavrov, label: "PER", ...name });
    const entity = table.createEntity({ name: "Sergei Lavrov", type: "PER", spanIds: [span.id] });
    assert.equal(table.search({ query: "لافروف" }).total > 0, true);

    // An unknown id among them: nothing is deleted.
    assert.throws(() => table.deleteDocuments({ documentIds: [lavrov, 99] }), /document 99 does not exist/u);
    assert.equal(table.listDocuments({}).length, 2);

    assert.deepEqual(table.deleteDocuments({ documentIds: [lavrov] }).deleted, [
      { documentId: lavrov, title: "لافروف وبومبيو يتفقان على استئناف الاتصالات الروسية الأميركية" },
    ]);
    assert.deepEqual(
      table.listDocuments({}).map((d) => d.id),
      [other],
    );
    assert.throws(() => table.getDocument({ documentId: lavrov }), /does not exist/u);
    assert.equal(table.search({ query: "لافروف" }).total, 0);
    assert.equal(table.getEntity({ entityId: entity.id }).mentionCount, 0);
    // Deleting is a step of the undo history (main/ops/delete-document.test.ts undoes it).
    assert.equal(table.getHistory({}).undo?.message?.kind, "document.delete");
    // The deleted document's id is never given again, even to the same text.
    const again = table.importDocuments({ files: [sampleFile()] }).outcomes[0]?.documentId;
    assert.equal(again, other + 1);
    table.deleteDocuments({ documentIds: [other, again] });
    assert.equal(table.importDocuments({ files: [sampleFile()] }).outcomes[0]?.documentId, other + 2);
  });
});

describe("spans and relations", () => {
  function withSample(t: TestContext) {
    const p = project(t);
    const documentId = p.table.importDocuments({ files: [sampleFile()] }).outcomes[0]?.documentId ?? 0;
    return { ...p, documentId };
  }

  it("creates a quote at Python's offsets, guesses direct, and marks the document in progress", (t) => {
    const { table, documentId } = withSample(t);
    const { start, end } = extentOf(sampleText, QUOTE_1);
    const span = table.createSpan({ documentId, label: "QUOTE", start, end });
    assert.equal(span.text, QUOTE_1);
    assert.deepEqual(span.attributes, { type: "direct" });
    assert.equal(span.annotator, "tester");
    assert.equal(table.getDocument({ documentId }).status, "in_progress");
  });

  it("guesses indirect for reported speech without marks", (t) => {
    const { table, documentId } = withSample(t);
    const indirect = "أن لقاء اليوم تطرق إلى الأوضاع في منطقة خفض التصعيد في إدلب";
    const span = table.createSpan({ documentId, label: "QUOTE", ...extentOf(sampleText, indirect) });
    assert.deepEqual(span.attributes, { type: "indirect" });
  });

  it("links a quote to its speaker and cue, one of each", (t) => {
    const { table, documentId } = withSample(t);
    const quote = table.createSpan({ documentId, label: "QUOTE", ...extentOf(sampleText, QUOTE_1) });
    const speaker = table.createSpan({ documentId, label: "SPEAKER", ...extentOf(sampleText, "وزير الخارجية الروسي") });
    const cueStart = extentOf(sampleText, "قال وزير").start;
    const cue = table.createSpan({ documentId, label: "CUE", start: cueStart, end: cueStart + 3 });
    assert.equal(cue.text, "قال");
    const first = table.createRelation({ type: "attributed_to", fromSpanId: quote.id, toSpanId: speaker.id });
    assert.equal(first.replacedRelationId, null);
    table.createRelation({ type: "cue", fromSpanId: quote.id, toSpanId: cue.id });
    const other = table.createSpan({ documentId, label: "SPEAKER", ...extentOf(sampleText, "سيرغي لافروف") });
    const second = table.createRelation({ type: "attributed_to", fromSpanId: quote.id, toSpanId: other.id });
    assert.equal(second.replacedRelationId, first.relation.id);
    const doc = table.getDocument({ documentId });
    assert.deepEqual(
      doc.relations.map((r) => [r.type, r.fromSpanId, r.toSpanId]).sort(),
      [
        ["attributed_to", quote.id, other.id],
        ["cue", quote.id, cue.id],
      ].sort(),
    );
  });

  it("refuses a relation between the wrong kinds of span", (t) => {
    const { table, documentId } = withSample(t);
    const quote = table.createSpan({ documentId, label: "QUOTE", ...extentOf(sampleText, QUOTE_1) });
    const person = table.createSpan({ documentId, label: "PER", ...extentOf(sampleText, "سيرغي لافروف") });
    assert.throws(
      () => table.createRelation({ type: "attributed_to", fromSpanId: quote.id, toSpanId: person.id }),
      /attributed_to links a quote span to a speaker span, not QUOTE to PER/u,
    );
  });

  it("deletes a span with its relations and says which", (t) => {
    const { table, documentId } = withSample(t);
    const quote = table.createSpan({ documentId, label: "QUOTE", ...extentOf(sampleText, QUOTE_1) });
    const speaker = table.createSpan({ documentId, label: "SPEAKER", ...extentOf(sampleText, "وزير الخارجية الروسي") });
    const link = table.createRelation({ type: "attributed_to", fromSpanId: quote.id, toSpanId: speaker.id });
    const result = table.deleteSpan({ spanId: speaker.id });
    assert.deepEqual(result.deletedRelationIds, [link.relation.id]);
    assert.deepEqual(table.getDocument({ documentId }).relations, []);
  });

  it("refuses zero-width, reversed, out-of-range and whitespace-only spans with a clear message", (t) => {
    const { table, documentId } = withSample(t);
    const length = python(sampleText).length;
    const refusals: [number, number, RegExp][] = [
      [10, 10, /at least one character/u],
      [20, 10, /before its start/u],
      [length - 1, length + 1, /past the end/u],
    ];
    for (const [start, end, pattern] of refusals) {
      assert.throws(() => table.createSpan({ documentId, label: "QUOTE", start, end }), pattern);
    }
    const blank = sampleText.indexOf("\n\n");
    assert.throws(
      () => table.createSpan({ documentId, label: "QUOTE", start: blank, end: blank + 2 }),
      /more than whitespace/u,
    );
    assert.throws(
      () => table.createSpan({ documentId, label: "NOPE", start: 0, end: 3 }),
      /label "NOPE" is not in this project/u,
    );
    assert.equal(table.getDocument({ documentId }).spans.length, 0);
  });

  it("refuses a span end that separates a letter from its harakat", (t) => {
    const { table } = project(t);
    const text = readFileSync(new URL("cases/diacritics.txt", FIXTURES), "utf8");
    const documentId = table.importDocuments({ files: [caseFile("diacritics.txt")] }).outcomes[0]?.documentId ?? 0;
    const word = "الرَّئِيسُ";
    const { start, end } = extentOf(text, word);
    assert.throws(() => table.createSpan({ documentId, label: "PER", start, end: end - 1 }), /splits a character/u);
    assert.equal(table.createSpan({ documentId, label: "PER", start, end }).text, word);
  });

  it("refuses a second identical span and an entity span across a line break", (t) => {
    const { table, documentId } = withSample(t);
    const extent = extentOf(sampleText, "مايك بومبيو");
    table.createSpan({ documentId, label: "PER", ...extent });
    assert.throws(
      () => table.createSpan({ documentId, label: "PER", ...extent }),
      /there is already a Person span on this text/u,
    );
    assert.equal(table.createSpan({ documentId, label: "SPEAKER", ...extent }).text, "مايك بومبيو");
    const across = extentOf(sampleText, "وفنزويلا.\n\nوأعرب");
    assert.throws(
      () => table.createSpan({ documentId, label: "MISC", ...across }),
      /a Misc span cannot cross a line break/u,
    );
    assert.equal(table.createSpan({ documentId, label: "QUOTE", ...across }).text, "وفنزويلا.\n\nوأعرب");
  });

  it("reads an HTML page as an article, and refuses one offered as plain text", (t) => {
    const { table } = project(t);
    assert.throws(
      () => table.importDocuments({ files: [caseFile("xss-article.html")], format: "text" }),
      /: xss-article\.html: this is an HTML page, not a plain-text article \(import it as html\); nothing imported$/u,
    );
    const id = table.importDocuments({ files: [caseFile("xss-article.html")] }).outcomes[0]?.documentId ?? 0;
    const doc = table.getDocument({ documentId: id });
    // Only the article's text: the date (from <time>, outside any paragraph) is metadata only.
    assert.equal(doc.text, 'خبر عاجل\n\nوقال الوزير: "نحن مستعدون".\n\nاضغط\n\nوأضاف: «لا تعليق».');
    assert.deepEqual(doc.published, { iso: "2019-05-14", raw: "14 مايو 2019" });
    assert.equal(doc.title, "خبر عاجل");
  });

  it("refuses an attribute value the label does not allow", (t) => {
    const { table, documentId } = withSample(t);
    assert.throws(
      () =>
        table.createSpan({
          documentId,
          label: "QUOTE",
          ...extentOf(sampleText, QUOTE_1),
          attributes: { type: "rumour" },
        }),
      /cannot be "rumour" \(allowed: direct, indirect, mixed\)/u,
    );
  });
});

describe("exportDocuments (native JSONL)", () => {
  it("writes a schema-valid file whose every span Python slices back to its text", async (t) => {
    const { table } = project(t);
    const ids = table
      .importDocuments({ files: [sampleFile(), caseFile("emoji-flag.txt"), caseFile("crlf-bom.txt")] })
      .outcomes.map((o) => o.documentId);
    const [sampleId, emojiId, crlfId] = ids as [number, number, number];
    const emojiText = readFileSync(new URL("cases/emoji-flag.txt", FIXTURES), "utf8");
    const crlfText = readFileSync(new URL("cases/crlf-bom.txt", FIXTURES), "utf8").slice(1);
    table.createSpan({ documentId: sampleId, label: "QUOTE", ...extentOf(sampleText, QUOTE_1) });
    table.createSpan({ documentId: emojiId, label: "QUOTE", ...extentOf(emojiText, "نرفض ذلك رفضا قاطعا") });
    const crlfQuote = "لا تعليق"; // after two CRLF line ends and the date line
    table.createSpan({ documentId: crlfId, label: "QUOTE", ...extentOf(crlfText, crlfQuote) });

    const exported = await exportJsonl(table);
    assert.deepEqual(nativeJsonlProblems(exported), []);
    const [headerLine, ...docLines] = exported.trimEnd().split("\n");
    const header = JSON.parse(headerLine ?? "{}") as { offset_unit: string; format: string };
    assert.equal(header.offset_unit, "codepoint");
    assert.equal(docLines.length, 3);
    const expected = ["روسيا مهتمة", "نرفض ذلك رفضا قاطعا", crlfQuote];
    docLines.forEach((line, i) => {
      const doc = JSON.parse(line) as {
        text: string;
        text_sha256: string;
        spans: { start: number; end: number; text: string }[];
      };
      const py = python(
        doc.text,
        doc.spans.map((s) => [s.start, s.end] as const),
      );
      assert.equal(doc.text_sha256, py.sha256);
      assert.equal(doc.spans.length, 1);
      doc.spans.forEach((s, j) => {
        assert.equal(py.slices[j], s.text);
      });
      assert.ok(py.slices[0]?.startsWith(expected[i] ?? "∅"), `document ${String(i + 1)}`);
    });
  });

  it("gives the same bytes as an export rebuilt from the tables, with Python's extents and hash", async (t) => {
    const { table, store } = project(t);
    const documentId = table.importDocuments({ files: [sampleFile()] }).outcomes[0]?.documentId ?? 0;
    const quote = extentOf(sampleText, QUOTE_1);
    table.createSpan({ documentId, label: "QUOTE", ...quote });
    const first = await exportJsonl(table);
    const kept = await exportJsonl(table); // served from the kept line (export cache, migration 4)
    store.clearExportLines();
    const rebuilt = await exportJsonl(table); // every line made again from the tables
    assert.equal(first, rebuilt);
    assert.equal(kept, rebuilt);
    // And the rebuilt line holds what Python derives from the sample, not what Qawl kept.
    const doc = JSON.parse(rebuilt.trimEnd().split("\n")[1] ?? "{}") as {
      text: string;
      text_sha256: string;
      spans: { label: string; start: number; end: number; text: string }[];
    };
    const py = python(sampleText, [[quote.start, quote.end]]);
    assert.equal(doc.text, sampleText);
    assert.equal(doc.text_sha256, py.sha256);
    assert.deepEqual(
      doc.spans.map((x) => [x.label, x.start, x.end, x.text]),
      [["QUOTE", quote.start, quote.end, py.slices[0]]],
    );
  });
});
