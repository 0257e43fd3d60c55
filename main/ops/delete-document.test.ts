/**
 * Deleting a document is a step of the undo history (issue 11, point 7): undo brings the
 * document back whole (its spans with their fragments, relations, suggestions, rejected
 * suggestions, search index row and kept export line, with the same ids), redo deletes it
 * again, and the change feed records both. Other clients' changes on other documents stay
 * undoable. Undo refuses, with the reason as data, what it cannot put back.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { hardCasesProject, HARD_TEXT } from "../../test-support/hard-cases.ts";
import { createOperationTable } from "./table.ts";

const NOW = "2026-12-02T10:00:00.000Z";
/** The sample article's title, as the history names it: its first 29 graphemes and an ellipsis. */
const TITLE = `${[..."لافروف وبومبيو يتفقان على استئناف الاتصالات الروسية الأميركية"].slice(0, 29).join("")}…`;

/**
 * The hard-case project with suggestions (pre-annotation, name propagation) and a rejection
 * on the sample article, the export lines kept.
 */
async function project(t: Parameters<typeof hardCasesProject>[0]) {
  const p = hardCasesProject(t);
  const { table, sampleId } = p;
  table.preannotate({ documentIds: [sampleId] });
  table.propagateNames({ documentIds: [sampleId] });
  const suggested = table.getDocument({ documentId: sampleId }).spans.filter((s) => s.suggested !== null);
  assert.ok(suggested.length >= 2, "the sample article has suggestions");
  table.reviewSuggestions({ decision: "reject", spanIds: [suggested[0]?.id ?? 0] });
  await table.exportDocuments({ format: "jsonl" });
  // A second tab of another annotator, working on the sample article.
  const other = createOperationTable(p.store, { annotator: "other", now: () => NOW, client: () => "tab-b" });
  return { ...p, other };
}

/** Everything a person or an export sees of a document. */
function seen(p: { table: OperationTable; store: { exportLines(ids: number[]): Map<number, string> } }, id: number) {
  return {
    view: p.table.getDocument({ documentId: id }),
    exportLine: p.store.exportLines([id]).get(id),
    found: [...new Set(p.table.search({ query: "لافروف" }).hits.map((h) => h.documentId))],
    summary: p.table.listDocuments({}).find((d) => d.id === id),
  };
}

describe("deleteDocuments and undo", () => {
  it("puts a deleted document back whole with undo, deletes it again with redo, and feeds both", async (t) => {
    const p = await project(t);
    const { table, store, hardId, sampleId: deletedId, other, extents } = p;
    const theirs = other.createSpan({ documentId: hardId, label: "LOC", ...extents.quote2b });
    const before = seen(p, deletedId);
    assert.ok(before.exportLine !== undefined, "the export kept the document's line");
    assert.deepEqual(before.found, [deletedId, hardId]);
    assert.ok(before.view.spans.some((s) => s.suggested !== null));
    const rejectedBefore = store.rejectedExtents(deletedId);
    assert.equal(rejectedBefore.size, 1);
    const revision = store.revision();

    table.deleteDocuments({ documentIds: [deletedId] });
    assert.throws(
      () => table.getDocument({ documentId: deletedId }),
      (e: unknown) => e instanceof QawlError && e.code === "not_found",
    );
    assert.deepEqual(new Set(table.search({ query: "لافروف" }).hits.map((h) => h.documentId)), new Set([hardId]));
    assert.equal(store.exportLines([deletedId]).size, 0);
    assert.equal(store.rejectedExtents(deletedId).size, 0);
    assert.equal(table.getHistory({}).undo?.description, `Delete “${TITLE}”`);
    assert.deepEqual(table.getHistory({}).undo?.message, { kind: "document.delete", title: TITLE });
    const deleted = store.changesSince(revision).records;
    assert.equal(deleted.length, 1);
    assert.ok(deleted[0]?.changes.some((c) => c.kind === "deleted" && c.type === "document" && c.id === deletedId));

    const undone = table.undo({});
    assert.equal(undone.undone?.description, `Delete “${TITLE}”`);
    assert.deepEqual(seen(p, deletedId), before);
    assert.deepEqual(store.rejectedExtents(deletedId), rejectedBefore);
    const restored = store.changesSince(revision).records;
    assert.equal(restored.length, 2);
    assert.ok(restored[1]?.changes.some((c) => c.kind === "created" && c.type === "document" && c.id === deletedId));
    assert.ok(
      before.view.spans.every((s) =>
        restored[1]?.changes.some((c) => c.kind === "created" && c.type === "span" && c.id === s.id),
      ),
    );

    table.redo({});
    assert.throws(() => table.getDocument({ documentId: deletedId }), /does not exist/u);
    assert.equal(store.changesSince(revision).records.length, 3);
    table.undo({});
    assert.deepEqual(seen(p, deletedId), before);

    // The other tab's change on the other document is still its to undo.
    assert.equal(other.getHistory({}).undo?.description, "Add Location «والتعاون ممكن»");
    other.undo({});
    assert.equal(
      table.getDocument({ documentId: hardId }).spans.some((s) => s.id === theirs.id),
      false,
    );
  });

  it("deletes several documents in one step; undo brings all back", async (t) => {
    const p = await project(t);
    const { table, hardId, sampleId } = p;
    const before = [seen(p, sampleId), seen(p, hardId)];
    assert.deepEqual(
      table.deleteDocuments({ documentIds: [sampleId, hardId] }).deleted.map((d) => d.documentId),
      [sampleId, hardId],
    );
    assert.equal(table.getHistory({}).undo?.description, "Delete 2 documents");
    assert.deepEqual(table.listDocuments({}), []);
    table.undo({});
    assert.deepEqual([seen(p, sampleId), seen(p, hardId)], before);
  });

  it("refuses, with the reason as data, an undo that cannot put the document back", async (t) => {
    const p = await project(t);
    const { table, hardId, other } = p;
    table.deleteDocuments({ documentIds: [hardId] });
    // The same text imported again (by another tab) takes the text: undo would make a second copy.
    const again = other.importDocuments({
      files: [{ name: "again.txt", contentBase64: Buffer.from(HARD_TEXT).toString("base64") }],
    }).outcomes[0]?.documentId;
    assert.ok(again !== undefined && again > hardId, "a new id, never the deleted one's");
    assert.throws(
      () => table.undo({}),
      (e: unknown) =>
        e instanceof QawlError &&
        e.code === "conflict" &&
        /its text is in the project again, as document/u.test(e.message) &&
        JSON.stringify(e.detail) === JSON.stringify({ kind: "history.text_again", documentId: hardId, by: again }),
    );
    other.deleteDocuments({ documentIds: [again] });
    table.undo({});
    assert.equal(table.getDocument({ documentId: hardId }).text, HARD_TEXT);
  });

  it("refuses to redo a span in a document deleted elsewhere, saying it is gone", async (t) => {
    const p = await project(t);
    const { table, hardId, sampleId, other } = p;
    other.createSpan({ documentId: hardId, label: "PER", start: 0, end: 3 });
    other.undo({});
    table.deleteDocuments({ documentIds: [hardId] });
    assert.throws(
      () => other.redo({}),
      (e: unknown) =>
        e instanceof QawlError &&
        e.code === "conflict" &&
        JSON.stringify(e.detail) === JSON.stringify({ kind: "gone", what: "document", id: hardId }),
    );
    assert.ok(table.getDocument({ documentId: sampleId }));
  });
});
