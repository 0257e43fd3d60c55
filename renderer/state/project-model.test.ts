import { test } from "node:test";
import assert from "node:assert/strict";
import type { Api, ChangeView, DocumentView, SpanView } from "../../core/contract.ts";
import { ProjectModel } from "./project-model.ts";

const TEXT = "قال الوزير سيرغي لافروف إن 🇷🇺 روسيا مستعدة";

function span(id: number, label: string, start: number, end: number): SpanView {
  return {
    id,
    documentId: 1,
    label,
    start,
    end,
    fragments: null,
    text: [...TEXT].slice(start, end).join(""),
    attributes: {},
    entityId: null,
    note: null,
    annotator: "a",
    suggested: null,
    createdAt: "2026-12-02T00:00:00.000Z",
    updatedAt: "2026-12-02T00:00:00.000Z",
  };
}

const doc = {
  id: 1,
  title: "t",
  text: TEXT,
  textSha256: "x",
  spans: [span(7, "PER", 11, 23)],
  relations: [],
} as unknown as DocumentView;

/** A model with the document open; the API answers only getDocument (the rest is not reached). */
async function opened(): Promise<ProjectModel> {
  const api = { getDocument: () => Promise.resolve(doc) } as unknown as Api;
  const model = new ProjectModel(api);
  await model.open(1);
  return model;
}

/** The record the host answers a createSpan with: revision 1, the span created. */
function created(s: SpanView): ChangeView {
  return {
    revision: 1,
    changes: [{ type: "span", id: s.id, kind: "created" }],
    objects: { documents: [], spans: [s], relations: [], entities: [], project: null, complete: true },
  } as unknown as ChangeView;
}

test("a proposed span shows at once with the text its code points cover, past an astral flag", async () => {
  const model = await opened();
  // «روسيا» starts after the two regional indicators (two code points, four UTF-16 units).
  const start = [...TEXT].indexOf("ر", 28);
  const proposed = model.proposeSpan("LOC", start, start + 5);
  assert.ok(proposed !== null);
  assert.equal(proposed.text, "روسيا");
  assert.ok(proposed.id < 0);
  assert.ok(model.isProvisional(proposed));
  assert.deepEqual(
    model.document?.spans.map((s) => s.id),
    [7, proposed.id],
  );
});

test("once the host's record arrives, withdrawing leaves only the committed span, and the provisional id resolves to it", async () => {
  const model = await opened();
  const proposed = model.proposeSpan("ORG", 0, 3);
  assert.ok(proposed !== null);
  await model.apply([created(span(12, "ORG", 0, 3))]);
  model.withdraw(proposed, 12);
  assert.deepEqual(
    model.document?.spans.map((s) => s.id),
    [12, 7],
  );
  assert.equal(model.resolve(proposed.id), 12);
  assert.equal(model.span(proposed.id)?.id, 12);
  assert.equal(model.isProvisional(proposed), false);
});

test("a refused span is withdrawn and nothing else moves", async () => {
  const model = await opened();
  const before = model.document?.spans;
  const proposed = model.proposeSpan("PER", 11, 23);
  assert.ok(proposed !== null);
  model.withdraw(proposed);
  assert.deepEqual(model.document?.spans, before);
  assert.equal(model.document?.spans[0], before?.[0]);
  assert.equal(model.span(proposed.id), undefined);
});

test("a proposed relabel is replaced by the host's record, or put back as it was when refused", async () => {
  const model = await opened();
  const original = model.span(7);
  const relabel = model.proposeChange(7, { label: "ORG" });
  assert.equal(model.span(7)?.label, "ORG");
  assert.ok(relabel !== null);
  model.withdraw(relabel);
  assert.equal(model.span(7), original);

  const again = model.proposeChange(7, { label: "LOC" });
  assert.ok(again !== null);
  await model.apply([
    {
      revision: 1,
      changes: [{ type: "span", id: 7, kind: "updated" }],
      objects: {
        documents: [],
        spans: [span(7, "LOC", 11, 23)],
        relations: [],
        entities: [],
        project: null,
        complete: true,
      },
    } as unknown as ChangeView,
  ]);
  model.withdraw(again);
  assert.equal(model.span(7)?.label, "LOC");
  assert.notEqual(model.span(7), again);
  assert.equal(model.document?.spans.length, 1);
});

test("a provisional span cannot itself be given a provisional change", async () => {
  const model = await opened();
  const proposed = model.proposeSpan("PER", 0, 3);
  assert.ok(proposed !== null);
  assert.equal(model.proposeChange(proposed.id, { label: "ORG" }), null);
});

test("a document with two layers opens on your own; another's layer hides suggestions and takes no new span", async () => {
  const layered = {
    ...doc,
    spans: [
      { ...span(1, "PER", 11, 23), annotator: "amal" },
      { ...span(2, "PER", 17, 23), annotator: "badr" },
      { ...span(3, "LOC", 30, 35), annotator: "pre", suggested: "rules" as const },
    ],
    relations: [
      {
        id: 9,
        documentId: 1,
        type: "x",
        fromSpanId: 2,
        toSpanId: null,
        toEntityId: null,
        annotator: "badr",
        createdAt: "",
      },
    ],
  } as unknown as DocumentView;
  const api = { getDocument: () => Promise.resolve(layered) } as unknown as Api;
  const model = new ProjectModel(api);
  model.project = { path: "", annotator: "amal", role: null, layers: [], labels: [], relationTypes: [] };
  await model.open(1);
  const shown = (): DocumentView | null => model.document;
  assert.deepEqual(model.documentLayers, ["amal", "badr"]);
  assert.deepEqual(model.shownLayers, ["amal"]);
  assert.deepEqual(
    shown()?.spans.map((s) => s.id),
    [1, 3],
  );
  assert.equal(model.writeLayer, "amal");
  model.showLayers(["badr"]);
  assert.deepEqual(
    shown()?.spans.map((s) => s.id),
    [2],
  );
  assert.deepEqual(
    shown()?.relations.map((r) => r.id),
    [9],
  );
  assert.equal(model.writeLayer, null);
  model.showLayers(["gold"]);
  assert.deepEqual(shown()?.spans, []);
  assert.equal(model.writeLayer, "gold");
  model.showLayers(null);
  assert.equal(shown()?.spans.length, 3);
  assert.equal(model.fullDocument?.spans.length, 3);
});
