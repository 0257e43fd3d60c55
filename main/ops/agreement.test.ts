/**
 * Offline teams and agreement: two annotators annotate the sample article in two project
 * files; a third project imports both exports (the second's layer is merged into the
 * document the first brought), and `agreement` must equal what NLTK computes from the two
 * exported files (`test-support/agreement_oracle.py`).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it, type TestContext } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { agreementCsv, agreementRows } from "../../core/agreement/table.ts";
import { ProjectStore } from "../../db/project.ts";
import { annotatedSample, extent, findAll } from "../../test-support/annotated-sample.ts";
import { agreementOracle, runPython } from "../../test-support/python.ts";
import { SAMPLE, exportJsonl, projectLocation } from "../../test-support/temp.ts";
import { createOperationTable } from "./table.ts";

const sampleFile = () => ({ name: "lavrov.txt", contentBase64: readFileSync(SAMPLE).toString("base64") });
const jsonlFile = (content: string, name = "layer.jsonl") => ({
  name,
  contentBase64: Buffer.from(content).toString("base64"),
});

function open(t: TestContext, annotator: string, name: string): OperationTable {
  const store = new ProjectStore(projectLocation(t, name));
  t.after(() => {
    store.close();
  });
  return createOperationTable(store, { annotator, now: () => "2026-12-02T10:00:00.000Z" });
}

/** Badr's reading of the sample: some quotes and names as the tester's, some not. */
function badrLayer(t: TestContext): OperationTable {
  const table = open(t, "badr", "badr.qawl");
  const documentId = table.importDocuments({ files: [sampleFile()] }).outcomes[0]?.documentId ?? 0;
  findAll([
    ["لقاء اليوم تطرق إلى الأوضاع في منطقة خفض التصعيد", 0],
    ["واشنطن", 0],
  ]);
  const span = (label: string, needle: string, nth = 0, attributes?: Record<string, string>) =>
    table.createSpan({ documentId, label, ...extent(needle, nth), ...(attributes ? { attributes } : {}) });
  const link = (type: string, from: number, to: number) =>
    table.createRelation({ type, fromSpanId: from, toSpanId: to });
  // Same quote, same type, another mention of the same speaker.
  const q1 = span("QUOTE", "روسيا مهتمة بتطبيع حوارنا. نحن على قناعة بأن ذلك أمر وارد وواقعي", 0, { type: "direct" });
  const lavrovName = span("SPEAKER", "سيرغي لافروف");
  const lavrov = table.createEntity({ name: "Sergei Lavrov", type: "PER", kbId: "Q20087", spanIds: [] });
  table.updateSpan({ spanId: lavrovName.id, entityId: lavrov.id });
  link("attributed_to", q1.id, lavrovName.id);
  link("cue", q1.id, span("CUE", "قال").id);
  // One piece only, typed indirect; carried over from the quote before.
  const q2 = span("QUOTE", "نتفق في أهمية استعادة قنوات التواصل", 0, { type: "indirect" });
  table.carryOverSpeaker({ quoteId: q2.id });
  link("cue", q2.id, span("CUE", "أضاف").id);
  // Shorter than the tester's, with the same speaker and cue.
  const q4 = span("QUOTE", "لقاء اليوم تطرق إلى الأوضاع في منطقة خفض التصعيد", 0, { type: "indirect" });
  const pompeo = span("SPEAKER", "بومبيو", 3);
  table.createEntity({ name: "Mike Pompeo", type: "PER", kbId: "Q473239", spanIds: [pompeo.id] });
  link("attributed_to", q4.id, pompeo.id);
  link("cue", q4.id, span("CUE", "أكد").id);
  // No q5; Washington as an organisation; no MISC.
  const mike = span("PER", "مايك بومبيو");
  table.updateSpan({ spanId: mike.id, entityId: table.listEntities({}).find((e) => e.kbId === "Q473239")?.id ?? null });
  span("PER", "سيرغي لافروف");
  span("LOC", "سوتشي");
  span("ORG", "واشنطن");
  span("LOC", "موسكو");
  return table;
}

const near = (actual: number | null, expected: number | null | undefined, what: string) => {
  if (expected === null || expected === undefined) {
    assert.equal(actual, null, `${what}: NLTK has none`);
    return;
  }
  assert.ok(
    actual !== null && Math.abs(actual - expected) < 1e-9,
    `${what}: ${String(actual)} vs NLTK ${String(expected)}`,
  );
};

describe("agreement between layers", () => {
  it("merges a second annotator's export as a layer and scores both as NLTK does", async (t) => {
    const tester = annotatedSample(t);
    const testerFile = await exportJsonl(tester.table);
    const badrFile = await exportJsonl(badrLayer(t));

    const team = open(t, "curator", "team.qawl");
    const first = team.importDocuments({ files: [jsonlFile(testerFile, "tester.jsonl")] });
    assert.equal(first.outcomes[0]?.status, "imported");
    const second = team.importDocuments({ files: [jsonlFile(badrFile, "badr.jsonl")] });
    const merged = second.outcomes[0];
    assert.ok(merged?.status === "merged", `a merge, not ${String(merged?.status)}`);
    assert.deepEqual(merged.layers, ["badr"]);
    // Every reviewed span of Badr's file is now in the document, in Badr's layer.
    const badrSpans = badrFile.split("\n")[1] ?? "";
    const expectedCount = runPython<number>(
      "import json,sys; d=json.loads(json.load(sys.stdin)); print(sum(1 for s in d['spans'] if 'suggested' not in s))",
      badrSpans,
    );
    assert.equal(merged.spans, expectedCount);
    const doc = team.getDocument({ documentId: merged.documentId });
    assert.equal(doc.spans.filter((s) => s.annotator === "badr").length, expectedCount);
    assert.equal(
      doc.spans.filter((s) => s.annotator === "tester").length,
      tester.table.getDocument({ documentId: tester.documentId }).spans.length,
    );
    // Importing the same file again adds nothing.
    assert.equal(team.importDocuments({ files: [jsonlFile(badrFile, "badr.jsonl")] }).outcomes[0]?.status, "duplicate");

    const report = team.agreement({});
    assert.deepEqual(report.layers, ["badr", "tester"]);
    assert.equal(report.documents.length, 1);
    const oracle = agreementOracle([testerFile, badrFile], ["badr", "tester"]);
    const pair = "badr|tester";
    for (const [label, expected] of Object.entries(oracle.labels)) {
      const got = report.labels.find((l) => l.label === label);
      assert.ok(got !== undefined, label);
      near(got.alphaCodePoints, expected.alpha_codepoint, `${label} α code points`);
      near(got.alphaTokens, expected.alpha_token, `${label} α tokens`);
      const p = got.pairs[0];
      const e = expected.pairs[pair];
      assert.ok(p !== undefined && e !== undefined);
      near(p.exact.f1, e.f1_exact, `${label} F1 exact`);
      near(p.overlap.f1, e.f1_overlap, `${label} F1 overlap`);
      near(p.kappaCodePoints, e.kappa_codepoint, `${label} κ code points`);
      near(p.kappaTokens, e.kappa_token, `${label} κ tokens`);
    }
    const quotes = report.quotes[0];
    const eq = oracle.quotes[pair];
    assert.ok(quotes !== undefined && eq !== undefined);
    assert.equal(quotes.matched, eq.matched);
    for (const what of ["type", "cue", "speaker"] as const) {
      assert.equal(quotes[what].compared, eq[what].compared, what);
      assert.equal(quotes[what].agreed, eq[what].agreed, what);
      near(quotes[what].kappa, eq[what].kappa, `quote ${what} κ`);
    }
    // The figures this scenario was built for: three quotes matched, q5 unmatched;
    // every speaker is the same entity (one by another mention, one carried over).
    assert.equal(quotes.matched, 3);
    assert.equal(quotes.speaker.agreed, 3);
    // Types: the first agrees, the second does not (direct / indirect), the third does (the
    // tester's guessed type of «أن لقاء…» is indirect).
    assert.equal(quotes.type.agreed, 2);
    const names = report.entities[0];
    const en = oracle.entities[pair];
    assert.ok(names !== undefined && en !== undefined);
    assert.equal(names.matched, en.matched);
    assert.equal(names.entity.agreed, en.entity.agreed);
    assert.equal(names.entity.compared, en.entity.compared);

    // The CSV holds every figure once, and pandas reads its numbers back.
    const csv = agreementCsv(report);
    const read = runPython<{ rows: number; kappa: number }>(
      `import io, json, sys, pandas
df = pandas.read_csv(io.StringIO(json.load(sys.stdin)), encoding="utf-8-sig")
row = df[(df.measure == "kappa_codepoints") & (df.label == "QUOTE")].iloc[0]
print(json.dumps({"rows": len(df), "kappa": float(row.value)}))`,
      csv.replace(/^\uFEFF/u, ""),
    );
    assert.equal(read.rows, agreementRows(report).length);
    near(read.kappa, oracle.labels["QUOTE"]?.pairs[pair]?.kappa_codepoint, "CSV κ");
  });

  it("refuses a layer the project does not have, naming the ones it has", (t) => {
    const { table } = annotatedSample(t);
    assert.throws(
      () => table.agreement({ layers: ["tester", "nobody"] }),
      /no layer called "nobody" \(layers: tester\)/u,
    );
  });

  it("exports one layer alone, and the gold layer takes spans only by name", async (t) => {
    const tester = annotatedSample(t);
    const team = open(t, "curator", "team.qawl");
    team.importDocuments({ files: [jsonlFile(await exportJsonl(tester.table))] });
    const doc = team.listDocuments({})[0];
    assert.ok(doc !== undefined);
    const quote = team.getDocument({ documentId: doc.id }).spans.find((s) => s.label === "QUOTE");
    assert.ok(quote !== undefined);
    // The same text may be a quote in each layer, once.
    const gold = team.createSpan({
      documentId: doc.id,
      label: "QUOTE",
      start: quote.start,
      end: quote.end,
      layer: "gold",
    });
    assert.equal(gold.annotator, "gold");
    assert.throws(
      () => team.createSpan({ documentId: doc.id, label: "QUOTE", start: quote.start, end: quote.end, layer: "gold" }),
      /already a Quote span/u,
    );
    assert.throws(
      () =>
        team.createSpan({ documentId: doc.id, label: "QUOTE", start: quote.start, end: quote.end, layer: "tester" }),
      /your own layer \(curator\) or the gold layer/u,
    );
    const exported = await team.exportDocuments({ format: "jsonl", layers: ["gold"] });
    const line = exported.files[0]?.content.split("\n")[1] ?? "";
    const spans = runPython<{ annotator: string; text: string; slice: string }[]>(
      `import json, sys
d = json.loads(json.load(sys.stdin))
print(json.dumps([{"annotator": s["annotator"], "text": s["text"], "slice": d["text"][s["start"]:s["end"]]} for s in d["spans"]]))`,
      line,
    );
    assert.deepEqual(spans, [{ annotator: "gold", text: quote.text, slice: quote.text }]);
    assert.throws(
      () => void team.exportDocuments({ format: "conll", layers: ["nobody"] }),
      /no layer called "nobody"/u,
    );
  });

  it("takes a layer's quote into gold with its speaker and cue, once, in one undo step", async (t) => {
    const tester = annotatedSample(t);
    const team = open(t, "curator", "team.qawl");
    team.importDocuments({ files: [jsonlFile(await exportJsonl(tester.table))] });
    team.importDocuments({ files: [jsonlFile(await exportJsonl(badrLayer(t)), "badr.jsonl")] });
    const documentId = team.listDocuments({})[0]?.id ?? 0;
    const doc = team.getDocument({ documentId });
    const badrQuote = doc.spans.find(
      (s) => s.annotator === "badr" && s.label === "QUOTE" && s.attributes["type"] === "indirect",
    );
    const testerQuote = doc.spans.find((s) => s.annotator === "tester" && s.label === "QUOTE");
    assert.ok(badrQuote !== undefined && testerQuote !== undefined);
    const taken = team.copyToGold({ spanIds: [testerQuote.id, badrQuote.id] });
    assert.deepEqual(
      taken.spans.map((s) => [s.annotator, s.label, s.start, s.end]),
      [
        ["gold", "QUOTE", testerQuote.start, testerQuote.end],
        ["gold", "QUOTE", badrQuote.start, badrQuote.end],
      ],
    );
    const gold = () => {
      const d = team.getDocument({ documentId });
      return { spans: d.spans.filter((s) => s.annotator === "gold"), relations: d.relations, all: d.spans };
    };
    // q1 brings its speaker and cue; badr's carried-over quote brings its cue and speaker entity.
    const g = gold();
    assert.deepEqual(g.spans.map((s) => s.label).sort(), ["CUE", "CUE", "QUOTE", "QUOTE", "SPEAKER"]);
    const goldIds = new Set(g.spans.map((s) => s.id));
    const links = g.relations.filter((r) => goldIds.has(r.fromSpanId));
    assert.equal(links.length, 4);
    assert.ok(links.every((r) => r.toSpanId === null || goldIds.has(r.toSpanId)));
    const lavrov = team.listEntities({}).find((e) => e.kbId === "Q20087");
    assert.ok(links.some((r) => r.toEntityId === lavrov?.id));
    // Taking the same quote again reuses the gold copy.
    team.copyToGold({ spanIds: [testerQuote.id] });
    assert.equal(gold().spans.length, 5);
    // One undo for the first take (the second changed nothing new but is its own step).
    team.undo({});
    team.undo({});
    assert.equal(gold().spans.length, 0);
    assert.throws(() => team.copyToGold({ spanIds: [taken.spans[0]?.id ?? 0] }), /does not exist/u);
  });

  it("a gold copy keeps the note of the span taken", (t) => {
    const { table, documentId } = annotatedSample(t);
    const noted = table.getDocument({ documentId }).spans.find((s) => s.note !== null);
    assert.ok(noted !== undefined);
    const [copy] = table.copyToGold({ spanIds: [noted.id] }).spans;
    assert.deepEqual([copy?.annotator, copy?.note, copy?.text], ["gold", "partial quote after مؤكدا", noted.text]);
  });
});
