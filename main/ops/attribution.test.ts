import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import Database from "better-sqlite3";
import type { OperationTable } from "../../core/contract.ts";
import { MIGRATIONS } from "../../db/migrations/index.ts";
import { APPLICATION_ID, ProjectStore } from "../../db/project.ts";
import { nativeJsonlProblems } from "../../test-support/native-schema.ts";
import { python } from "../../test-support/python.ts";
import { SAMPLE, exportJsonl, projectLocation, tempDir } from "../../test-support/temp.ts";
import { dispatch } from "./dispatch.ts";
import { createOperationTable } from "./table.ts";

const text = readFileSync(SAMPLE, "utf8");

interface Fixture {
  table: OperationTable;
  store: ProjectStore;
  path: string;
  documentId: number;
}

function sample(t: TestContext): Fixture {
  const path = projectLocation(t);
  const store = new ProjectStore(path);
  t.after(() => {
    store.close();
  });
  const table = createOperationTable(store, { annotator: "tester" });
  const documentId =
    table.importDocuments({ files: [{ name: "lavrov.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
      .outcomes[0]?.documentId ?? 0;
  return { table, store, path, documentId };
}

/** Code point extent of the `nth` occurrence (0-based) of `needle`, found by Python. */
function at(needle: string, nth = 0): { start: number; end: number } {
  let from = 0;
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = python(text.slice(from), [], [needle]).finds[0] ?? -1;
    assert.ok(start >= 0, `Python finds ${needle}`);
    start += python(text.slice(0, from)).length;
    from = text.indexOf(needle, from) + needle.length;
  }
  return { start, end: start + python(needle).length };
}

// The three direct quotes of the sample article's middle paragraphs.
const Q1 = "روسيا مهتمة بتطبيع حوارنا";
const Q2_START = "نتفق في أهمية استعادة قنوات التواصل";
const Q3_START = "ناقشنا وضع القضايا الثنائية";

describe("discontinuous quotes", () => {
  it("stores fragments; the text joins them with one space; Python slices each fragment", (t) => {
    const { table, documentId } = sample(t);
    const a = at(Q1);
    const b = at(Q2_START);
    const quote = table.createSpan({
      documentId,
      label: "QUOTE",
      start: a.start,
      end: b.end,
      fragments: [a, b],
    });
    assert.deepEqual(quote.fragments, [a, b]);
    assert.equal(quote.text, `${Q1} ${Q2_START}`);
    const py = python(text, [
      [a.start, a.end],
      [b.start, b.end],
    ]);
    assert.deepEqual(py.slices, [Q1, Q2_START]);
  });

  it("refuses overlapping or unordered fragments, and fragments on a name", (t) => {
    const { table, documentId } = sample(t);
    const a = at(Q1);
    const b = at(Q2_START);
    assert.throws(
      () => table.createSpan({ documentId, label: "QUOTE", start: b.start, end: a.end, fragments: [b, a] }),
      /fragment 2 must start after fragment 1 ends/u,
    );
    assert.throws(
      () => table.createSpan({ documentId, label: "PER", start: a.start, end: b.end, fragments: [a, b] }),
      /only quotes can have several fragments/u,
    );
  });

  it("resizing a discontinuous quote moves its outer ends", (t) => {
    const { table, documentId } = sample(t);
    const a = at(Q1);
    const b = at(Q2_START);
    const quote = table.createSpan({ documentId, label: "QUOTE", start: a.start, end: b.end, fragments: [a, b] });
    const resized = table.updateSpan({ spanId: quote.id, start: a.start + 6 });
    assert.deepEqual(resized.fragments, [{ start: a.start + 6, end: a.end }, b]);
    assert.equal(resized.text, `${Q1.slice(6)} ${Q2_START}`);
    const contiguous = table.updateSpan({ spanId: quote.id, fragments: null, start: a.start, end: a.end });
    assert.equal(contiguous.fragments, null);
    assert.equal(contiguous.text, Q1);
  });
});

describe("editing spans", () => {
  it("resizes from either end, refusing a split grapheme or an empty span", (t) => {
    const { table, documentId } = sample(t);
    const speaker = table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    assert.equal(table.updateSpan({ spanId: speaker.id, end: speaker.end - 7 }).text, "وزير الخارجية");
    assert.equal(table.updateSpan({ spanId: speaker.id, start: speaker.start + 5 }).text, "الخارجية");
    assert.throws(() => table.updateSpan({ spanId: speaker.id, end: speaker.start + 5 }), /at least one character/u);
  });

  it("keeps a note, and removes it when emptied", (t) => {
    const { table, documentId } = sample(t);
    const span = table.createSpan({ documentId, label: "PER", ...at("مايك بومبيو") });
    assert.equal(table.updateSpan({ spanId: span.id, note: "US Secretary of State" }).note, "US Secretary of State");
    assert.equal(table.updateSpan({ spanId: span.id, note: "  " }).note, null);
  });

  it("changes a label; a linked speaker cannot become a quote", (t) => {
    const { table, documentId } = sample(t);
    const quote = table.createSpan({ documentId, label: "QUOTE", ...at(Q1) });
    const speaker = table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    table.createRelation({ type: "attributed_to", fromSpanId: quote.id, toSpanId: speaker.id });
    assert.throws(
      () => table.updateSpan({ spanId: speaker.id, label: "QUOTE" }),
      /this Speaker span has links that need a speaker; remove them before making it a Quote/u,
    );
    const person = table.createSpan({ documentId, label: "PER", ...at("سيرغي لافروف") });
    assert.equal(table.updateSpan({ spanId: person.id, label: "LOC" }).label, "LOC");
  });
});

describe("entities", () => {
  it("links Lavrov's three mentions to one entity, offers it for a new mention, and lists them", (t) => {
    const { table, documentId } = sample(t);
    const full = table.createSpan({ documentId, label: "PER", ...at("سيرغي لافروف") });
    const lavrov = table.createEntity({ name: "Sergei Lavrov", type: "PER", kbId: "Q20087", spanIds: [full.id] });
    assert.deepEqual(lavrov.aliases, ["سيرغي لافروف"]);
    const title = table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    table.updateSpan({ spanId: title.id, entityId: lavrov.id });
    // "لافروف" in "وأعرب لافروف" matches the surname of the alias "سيرغي لافروف".
    const short = table.createSpan({ documentId, label: "PER", ...at("لافروف", 3) });
    assert.deepEqual(
      table.entityCandidates({ spanId: short.id }).map((e) => e.name),
      ["Sergei Lavrov"],
    );
    table.updateSpan({ spanId: short.id, entityId: lavrov.id });
    const detail = table.getEntity({ entityId: lavrov.id });
    assert.deepEqual(
      detail.mentions.map((m) => m.text),
      ["سيرغي لافروف", "لافروف", "وزير الخارجية الروسي"], // in text order: 216, 430 (وأعرب لافروف), 630
    );
    assert.equal(detail.mentionCount, 3);
    assert.equal(detail.kbId, "Q20087");
  });

  it("finds a person named at the end of a longer mention, after a title", (t) => {
    const { table, documentId } = sample(t);
    const lavrov = table.createEntity({ name: "Sergei Lavrov", type: "PER", aliases: ["سيرغي لافروف"] });
    table.createEntity({ name: "Russia", type: "LOC", aliases: ["الروسي"] });
    // `وزيرا الخارجية الروسي سيرغي لافروف`: the title, then his name.
    const long = table.createSpan({ documentId, label: "SPEAKER", ...at("وزيرا الخارجية الروسي سيرغي لافروف") });
    assert.deepEqual(
      table.entityCandidates({ spanId: long.id }).map((e) => e.id),
      [lavrov.id],
      "a person only: a place named inside a title is not the speaker",
    );
    // By the surname alone after a description, too (`والأميركي … بومبيو`, entity named by its full name).
    const pompeo = table.createEntity({ name: "Mike Pompeo", type: "PER", aliases: ["جون بومبيو"] });
    const described = table.createSpan({ documentId, label: "SPEAKER", ...at("والأميركي مايك بومبيو") });
    assert.deepEqual(
      table.entityCandidates({ spanId: described.id }).map((e) => e.id),
      [pompeo.id],
    );
    // A title with no name in it matches nobody.
    const title = table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    assert.deepEqual(table.entityCandidates({ spanId: title.id }), []);
  });

  it("offers nothing for a mention that matches no name", (t) => {
    const { table, documentId } = sample(t);
    table.createEntity({ name: "Sergei Lavrov", type: "PER", aliases: ["سيرغي لافروف"] });
    const other = table.createSpan({ documentId, label: "LOC", ...at("سوتشي") });
    assert.deepEqual(table.entityCandidates({ spanId: other.id }), []);
  });

  it("matches through harakat, alef forms and an attached proclitic", (t) => {
    const { table, documentId } = sample(t);
    table.createEntity({ name: "Mike Pompeo", type: "PER", aliases: ["بُومْبِيو"] });
    const withWaw = table.createSpan({ documentId, label: "PER", ...at("وبومبيو") });
    assert.deepEqual(
      table.entityCandidates({ spanId: withWaw.id }).map((e) => e.name),
      ["Mike Pompeo"],
    );
  });

  it("merges two entities: mentions, carried-over quotes and aliases move; renaming keeps the old name as an alias", (t) => {
    const { table, documentId } = sample(t);
    const a = table.createSpan({ documentId, label: "PER", ...at("سيرغي لافروف") });
    const b = table.createSpan({ documentId, label: "PER", ...at("لافروف", 3) });
    const one = table.createEntity({ name: "لافروف", type: "PER", spanIds: [a.id] });
    const two = table.createEntity({ name: "Lavrov", type: "PER", spanIds: [b.id] });
    const merged = table.mergeEntities({ intoId: one.id, fromIds: [two.id] });
    assert.equal(merged.mentionCount, 2);
    assert.ok(merged.aliases.includes("Lavrov"));
    assert.deepEqual(
      table.listEntities({}).map((e) => e.id),
      [one.id],
    );
    const renamed = table.updateEntity({ entityId: one.id, name: "Sergei Lavrov" });
    assert.ok(renamed.aliases.includes("لافروف"));
  });

  it("refuses an entity link on a quote and a malformed Wikidata id", async (t) => {
    const { table, documentId } = sample(t);
    const quote = table.createSpan({ documentId, label: "QUOTE", ...at(Q1) });
    const e = table.createEntity({ name: "X", type: "PER" });
    assert.throws(() => table.updateSpan({ spanId: quote.id, entityId: e.id }), /cannot refer to an entity/u);
    const reply = await dispatch(table, "createEntity", { name: "Y", type: "PER", kbId: "1234" });
    assert.deepEqual(reply, {
      ok: false,
      error: {
        code: "bad_input",
        message: "createEntity: kbId: a Wikidata id looks like Q1234",
        detail: { kind: "input.invalid", field: "entity.kbId", rule: "format", limit: null, actual: null },
      },
    });
  });
});

describe("carried-over speakers", () => {
  it("attributes وأضاف and وتابع قائلا quotes to the first quote's speaker entity", (t) => {
    const { table, documentId } = sample(t);
    const q1 = table.createSpan({ documentId, label: "QUOTE", ...at(Q1) });
    const speaker = table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    table.createRelation({ type: "attributed_to", fromSpanId: q1.id, toSpanId: speaker.id });
    const q2 = table.createSpan({ documentId, label: "QUOTE", ...at(Q2_START) });
    const q3 = table.createSpan({ documentId, label: "QUOTE", ...at(Q3_START) });
    const second = table.carryOverSpeaker({ quoteId: q2.id });
    assert.equal(second.entity.name, "وزير الخارجية الروسي");
    assert.equal(second.relation.toEntityId, second.entity.id);
    const third = table.carryOverSpeaker({ quoteId: q3.id });
    assert.equal(third.entity.id, second.entity.id);
    assert.equal(table.getEntity({ entityId: second.entity.id }).mentions.filter((m) => m.via === "quote").length, 2);
    assert.throws(() => table.carryOverSpeaker({ quoteId: q1.id }), /no earlier quote in this document has a speaker/u);
  });
});

describe("label schema", () => {
  it("adds, renames, recolours and rekeys labels, refusing a key in use, and retires a used label keeping its spans", (t) => {
    const { table, documentId } = sample(t);
    const added = table.createLabel({
      name: "EVENT",
      kind: "entity",
      displayName: "Event",
      key: "e",
      color: "#123456",
    });
    assert.equal(added.spanCount, 0);
    assert.throws(
      () => table.createLabel({ name: "ORG2", kind: "entity", displayName: "Org 2", key: "o", color: "#000000" }),
      /key o already applies Organization/u,
    );
    const span = table.createSpan({ documentId, label: "MISC", ...at("مجموعة الدول العشرين") });
    const retired = table.updateLabel({ name: "MISC", retired: true });
    assert.equal(retired.retired, true);
    assert.equal(retired.spanCount, 1);
    assert.equal(table.getDocument({ documentId }).spans.find((s) => s.id === span.id)?.label, "MISC");
    assert.throws(() => table.createSpan({ documentId, label: "MISC", ...at("سوتشي") }), /label "MISC" is retired/u);
    // The retired label's key is free again.
    table.updateLabel({ name: "EVENT", key: "m", color: "#abcdef", displayName: "Event name", newName: "EVT" });
    const project = table.getProject({});
    assert.deepEqual(
      project.labels.find((l) => l.name === "EVT"),
      {
        name: "EVT",
        kind: "entity",
        displayName: "Event name",
        key: "m",
        color: "#abcdef",
        attributes: [],
        retired: false,
        spanCount: 0,
      },
    );
  });
});

describe("document status", () => {
  it("moves new → in progress on the first span, and can be set to done", (t) => {
    const { table, documentId } = sample(t);
    assert.equal(table.listDocuments({})[0]?.status, "new");
    table.createSpan({ documentId, label: "PER", ...at("مايك بومبيو") });
    assert.equal(table.listDocuments({})[0]?.status, "in_progress");
    assert.equal(table.setDocumentStatus({ documentId, status: "done" }).status, "done");
  });
});

describe("undo and redo", () => {
  it("undo and redo every kind of change, and the history survives reopening the project", (t) => {
    const { table, store, path, documentId } = sample(t);
    const state = () => {
      const doc = table.getDocument({ documentId });
      return JSON.stringify({
        spans: doc.spans.map((s) => [s.id, s.label, s.start, s.end, s.fragments, s.entityId, s.note, s.attributes]),
        relations: doc.relations.map((r) => [r.id, r.type, r.fromSpanId, r.toSpanId, r.toEntityId]),
        entities: table.listEntities({}).map((e) => [e.id, e.name, e.aliases]),
        labels: table.getProject({}).labels.map((l) => [l.name, l.key, l.color, l.retired]),
        status: doc.status,
      });
    };
    const states = [state()];
    const q1 = table.createSpan({ documentId, label: "QUOTE", ...at(Q1) });
    states.push(state());
    const speaker = table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    states.push(state());
    table.createRelation({ type: "attributed_to", fromSpanId: q1.id, toSpanId: speaker.id });
    states.push(state());
    table.updateSpan({ spanId: speaker.id, end: speaker.end - 7, note: "shortened" });
    states.push(state());
    const q2 = table.createSpan({ documentId, label: "QUOTE", ...at(Q2_START) });
    states.push(state());
    table.carryOverSpeaker({ quoteId: q2.id });
    states.push(state());
    table.updateLabel({ name: "CUE", color: "#000000", key: "k" });
    states.push(state());
    table.deleteSpan({ spanId: speaker.id });
    states.push(state());

    assert.equal(table.getHistory({}).undo?.description.startsWith("Delete Speaker «وزير الخارجية»"), true);
    for (let i = states.length - 2; i >= 0; i--) {
      assert.notEqual(table.undo({}).undone, null);
      assert.equal(state(), states[i], `after undoing back to state ${String(i)}`);
    }
    assert.equal(table.undo({}).undone, null);
    for (let i = 1; i <= 4; i++) {
      table.redo({});
      assert.equal(state(), states[i], `after redoing state ${String(i)}`);
    }

    // A restart: the same file opened again still knows what to undo and redo.
    store.close();
    const reopened = new ProjectStore(path);
    t.after(() => {
      reopened.close();
    });
    const again = createOperationTable(reopened, { annotator: "tester" });
    assert.match(again.getHistory({}).undo?.description ?? "", /^Resize Speaker «وزير الخارجية الروسي»$/u);
    assert.match(again.getHistory({}).redo?.description ?? "", /^Add Quote «نتفق في أهمية/u);
    // The same as data, for an interface in another language.
    assert.deepEqual(again.getHistory({}).undo?.message, {
      kind: "span.resize",
      label: { name: "SPEAKER", displayName: "Speaker" },
      text: "وزير الخارجية الروسي",
    });
    again.undo({});
    assert.equal(
      again.getDocument({ documentId }).spans.find((s) => s.id === speaker.id)?.text,
      "وزير الخارجية الروسي",
    );
    // A new change clears what could be redone.
    again.createSpan({ documentId, label: "PER", ...at("مايك بومبيو") });
    assert.equal(again.getHistory({}).redo, null);
  });
});

describe("native JSONL with the attribution model", () => {
  it("exports fragments, entities, notes and carried-over speakers, valid against the schema", async (t) => {
    const { table, documentId } = sample(t);
    const a = at(Q1);
    const b = at(Q2_START);
    const q1 = table.createSpan({ documentId, label: "QUOTE", start: a.start, end: b.end, fragments: [a, b] });
    const speaker = table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    table.createRelation({ type: "attributed_to", fromSpanId: q1.id, toSpanId: speaker.id });
    const q3 = table.createSpan({ documentId, label: "QUOTE", ...at(Q3_START) });
    table.carryOverSpeaker({ quoteId: q3.id });
    table.updateSpan({ spanId: q3.id, note: "continues the minister" });
    const content = await exportJsonl(table);
    assert.deepEqual(nativeJsonlProblems(content), []);
    const [header, docLine] = content
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const entities = header?.["entities"] as { id: number; name: string }[];
    assert.deepEqual(
      entities.map((e) => e.name),
      ["وزير الخارجية الروسي"],
    );
    const doc = docLine as {
      text: string;
      spans: {
        id: number;
        text: string;
        fragments?: { start: number; end: number }[];
        entity?: number;
        note?: string;
      }[];
      relations: { from: number; to?: number; to_entity?: number }[];
    };
    const quote = doc.spans.find((s) => s.id === q1.id);
    const py = python(
      doc.text,
      (quote?.fragments ?? []).map((f) => [f.start, f.end] as const),
    );
    assert.equal(quote?.text, py.slices.join(" "));
    assert.equal(doc.spans.find((s) => s.id === speaker.id)?.entity, entities[0]?.id);
    assert.equal(doc.spans.find((s) => s.id === q3.id)?.note, "continues the minister");
    assert.deepEqual(
      doc.relations.find((r) => r.from === q3.id),
      { ...doc.relations.find((r) => r.from === q3.id), to_entity: entities[0]?.id },
    );
    assert.equal(doc.relations.find((r) => r.from === q3.id)?.to, undefined);
  });
});

describe("migration 1 → 2", () => {
  it("keeps a version-1 project's spans and relations", (t) => {
    const path = join(tempDir(t), "old.qawl");
    const db = new Database(path);
    db.exec(MIGRATIONS[0] ?? "");
    db.exec(`
      INSERT INTO annotators (id, name, created_at) VALUES (1, 'old', '2026-01-01T00:00:00.000Z');
      INSERT INTO labels (id, name, kind, display_name, key, color, position) VALUES
        (1, 'QUOTE', 'quote', 'Quote', 'q', '#f4b400', 0), (2, 'SPEAKER', 'speaker', 'Speaker', 's', '#3b82f6', 1);
      INSERT INTO relation_types (id, name, display_name, from_kind, to_kind) VALUES (1, 'attributed_to', 'Speaker', 'quote', 'speaker');
      INSERT INTO documents (id, title, lang, text, text_sha256, length, created_at, updated_at)
        VALUES (1, 't', 'ar', 'قال الوزير: نعم', '${"0".repeat(64)}', 15, 'x', 'x');
      INSERT INTO spans (id, document_id, label_id, start, "end", annotator_id, created_at, updated_at)
        VALUES (1, 1, 1, 12, 15, 1, 'x', 'x'), (2, 1, 2, 4, 10, 1, 'x', 'x');
      INSERT INTO relations (id, document_id, type_id, from_span_id, to_span_id, annotator_id, created_at)
        VALUES (1, 1, 1, 1, 2, 1, 'x');
    `);
    db.pragma(`application_id = ${String(APPLICATION_ID)}`);
    db.pragma("user_version = 1");
    db.close();
    const store = new ProjectStore(path);
    t.after(() => {
      store.close();
    });
    assert.equal(store.pragma("user_version"), MIGRATIONS.length);
    assert.deepEqual(
      store.relationsOf(1).map((r) => [r.from_span_id, r.to_span_id, r.to_entity_id]),
      [[1, 2, null]],
    );
  });
});
