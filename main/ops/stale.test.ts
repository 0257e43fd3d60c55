/**
 * An edit names the revision its view was at (`basedOn`), and one made on a view older than
 * another client's change to the same object is refused as stale, with nothing changed
 * (issue 14, point 1): two tabs editing one span, one entity's aliases, the cue list.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ErrorDetail } from "../../core/errors.ts";
import { annotatedSample, extent } from "../../test-support/annotated-sample.ts";
import { createOperationTable } from "./table.ts";

/** Whether `fn` is refused as stale on `what` `id`, changed by `annotator`. */
function refusedAsStale(fn: () => unknown, what: "span" | "entity" | "cues", id: number, annotator: string): void {
  assert.throws(fn, (e: unknown) => {
    const detail = (e as { detail?: ErrorDetail; code?: string }).detail;
    assert.equal((e as { code?: string }).code, "conflict");
    assert.ok(detail?.kind === "stale", `a stale refusal, not ${JSON.stringify(detail)}`);
    assert.equal(detail.what, what);
    assert.equal(detail.id, id);
    assert.equal(detail.annotator, annotator);
    assert.ok(detail.revision > 0);
    assert.doesNotMatch((e as Error).message, /\n/u);
    return true;
  });
}

describe("an edit made on a view older than another client's change", () => {
  it("to a span is refused, nothing changed; the same edit on a fresh view lands", (t) => {
    const { table: first, store, documentId } = annotatedSample(t);
    const tab = (client: string, annotator: string) =>
      createOperationTable(store, { annotator, now: () => "2026-12-03T10:00:00.000Z", client: () => client });
    const a = tab("tab-a", "amal");
    const b = tab("tab-b", "badr");
    const span = first.createSpan({ documentId, label: "MISC", ...extent("فنزويلا") });
    const seen = a.changesSince({ since: 0, limit: 0 }).revision;
    // Tab B relabels it; tab A, not yet caught up, writes a note on it.
    b.updateSpan({ spanId: span.id, label: "LOC", basedOn: seen });
    refusedAsStale(() => a.updateSpan({ spanId: span.id, note: "a city", basedOn: seen }), "span", span.id, "badr");
    refusedAsStale(() => a.deleteSpan({ spanId: span.id, basedOn: seen }), "span", span.id, "badr");
    const now = first.getDocument({ documentId }).spans.find((s) => s.id === span.id);
    assert.equal(now?.label, "LOC");
    assert.equal(now.note, null);
    // Caught up, the same edit lands.
    const caughtUp = a.changesSince({ since: seen }).revision;
    assert.equal(a.updateSpan({ spanId: span.id, note: "a city", basedOn: caughtUp }).note, "a city");
    // A tab's own later edits never make its next edit stale, however far behind its view.
    const other = a.createSpan({ documentId, label: "LOC", ...extent("أوكرانيا") });
    a.updateSpan({ spanId: other.id, note: "one", basedOn: caughtUp });
    assert.equal(a.updateSpan({ spanId: other.id, note: "two", basedOn: caughtUp }).note, "two");
    // A revision the project has not reached is no view's: refused as bad input.
    assert.throws(
      () => a.updateSpan({ spanId: other.id, note: "x", basedOn: caughtUp + 1000 }),
      (e: unknown) => (e as { code?: string }).code === "bad_input",
    );
    // Another object's change does not make this one stale.
    b.updateSpan({ spanId: span.id, note: "B's note", basedOn: b.changesSince({ since: 0, limit: 0 }).revision });
    assert.equal(a.updateSpan({ spanId: other.id, note: "three", basedOn: caughtUp }).note, "three");
  });

  it("to an entity's aliases or the cue list is refused, so neither tab's addition is lost unseen", (t) => {
    const { table: first, store } = annotatedSample(t);
    const tab = (client: string, annotator: string) =>
      createOperationTable(store, { annotator, now: () => "2026-12-03T10:00:00.000Z", client: () => client });
    const a = tab("tab-a", "amal");
    const b = tab("tab-b", "badr");
    const entity = first.createEntity({ name: "موسكو", type: "LOC", spanIds: [] });
    const seen = a.changesSince({ since: 0, limit: 0 }).revision;
    // Both opened the entity with no alias; B adds one, then A's form, saved with another, is refused.
    b.updateEntity({ entityId: entity.id, aliases: ["Moscow"], basedOn: seen });
    refusedAsStale(
      () => a.updateEntity({ entityId: entity.id, aliases: ["Moskva"], basedOn: seen }),
      "entity",
      entity.id,
      "badr",
    );
    assert.deepEqual(first.getEntity({ entityId: entity.id }).aliases, ["Moscow"]);
    const into = first.createEntity({ name: "Moscow city", type: "LOC", spanIds: [] });
    const before = a.changesSince({ since: 0, limit: 0 }).revision;
    b.updateEntity({ entityId: entity.id, kbId: "Q649", basedOn: before });
    refusedAsStale(
      () => a.mergeEntities({ intoId: into.id, fromIds: [entity.id], basedOn: before }),
      "entity",
      entity.id,
      "badr",
    );
    assert.equal(first.getEntity({ entityId: entity.id }).kbId, "Q649");

    const cuesSeen = a.changesSince({ since: 0, limit: 0 }).revision;
    const cues = first.getCueLemmas({});
    b.setCueLemmas({ cues: cues.slice(1), basedOn: cuesSeen });
    refusedAsStale(() => a.setCueLemmas({ cues: cues.slice(2), basedOn: cuesSeen }), "cues", 0, "badr");
    assert.equal(first.getCueLemmas({}).length, cues.length - 1);
  });
});
