/**
 * An action on something deleted elsewhere says so in the interface language (issue 11,
 * point 2): the refusal of an operation that names a span, relation or entity that is no
 * longer there carries `{kind: "gone", what, id}`, which `renderer/i18n/errors.ts` words in
 * English and Arabic.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ErrorDetail } from "../../core/errors.ts";
import { errorText } from "../../renderer/i18n/errors.ts";
import { applyLocale } from "../../renderer/i18n/locale.ts";
import { ProjectStore } from "../../db/project.ts";
import { annotatedSample, extent } from "../../test-support/annotated-sample.ts";
import { dispatch } from "./dispatch.ts";
import { createOperationTable } from "./table.ts";

/** Just enough of a page for `applyLocale` (it keeps the choice and sets the page's language). */
function pageStubs(): void {
  const stored = new Map<string, string>();
  const stubs: Record<string, unknown> = {
    localStorage: {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => stored.set(k, v),
      removeItem: (k: string) => stored.delete(k),
    },
    document: { documentElement: {} },
    window: { dispatchEvent: () => true },
  };
  for (const [name, value] of Object.entries(stubs)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
}

describe("an operation on something deleted elsewhere", () => {
  it("never gets an id a deleted span, relation or entity had, so a late edit cannot land elsewhere", (t) => {
    const { table, documentId, path, store } = annotatedSample(t);
    // The newest span, relation and entity are deleted: SQLite would give their ids again.
    const span = table.createSpan({ documentId, label: "MISC", ...extent("موسكو") });
    const quote = table.getDocument({ documentId }).spans.find((s) => s.label === "QUOTE");
    assert.ok(quote !== undefined);
    const keep = table.createEntity({ name: "روسيا", type: "LOC", spanIds: [] });
    const entity = table.createEntity({ name: "موسكو", type: "LOC", spanIds: [] });
    const relation = table.createRelation({
      type: "attributed_to",
      fromSpanId: quote.id,
      toEntityId: entity.id,
    });
    table.deleteRelation({ relationId: relation.relation.id });
    table.deleteSpan({ spanId: span.id });
    // A merge deletes the entity merged away.
    table.mergeEntities({ intoId: keep.id, fromIds: [entity.id] });
    const again = {
      span: table.createSpan({ documentId, label: "MISC", ...extent("موسكو") }).id,
      entity: table.createEntity({ name: "Moscow", type: "LOC", spanIds: [] }).id,
    };
    assert.ok(again.span > span.id, `span ${String(again.span)} after ${String(span.id)}`);
    assert.ok(again.entity > entity.id, `entity ${String(again.entity)} after ${String(entity.id)}`);
    const relationAgain = table.createRelation({
      type: "attributed_to",
      fromSpanId: quote.id,
      toEntityId: again.entity,
    });
    assert.ok(relationAgain.relation.id > relation.relation.id);
    // A client that had not seen the deletion edits the old span: refused as gone, and the new
    // span keeps its note.
    assert.throws(
      () => table.updateSpan({ spanId: span.id, note: "late" }),
      (e: unknown) => (e as { detail?: ErrorDetail }).detail?.kind === "gone",
    );
    assert.equal(table.getDocument({ documentId }).spans.find((s) => s.id === again.span)?.note ?? null, null);
    // Also once the project is closed and opened again.
    table.deleteSpan({ spanId: again.span });
    store.close();
    const reopened = new ProjectStore(path);
    t.after(() => {
      reopened.close();
    });
    const later = createOperationTable(reopened, { annotator: "tester" });
    const third = later.createSpan({ documentId, label: "MISC", ...extent("موسكو") }).id;
    assert.ok(third > again.span, `span ${String(third)} after ${String(again.span)}`);
  });

  it("is refused with the data that it is gone, worded in English and Arabic", async (t) => {
    const { table, documentId } = annotatedSample(t);
    const span = table.createSpan({ documentId, label: "MISC", ...extent("موسكو") });
    const entity = table.createEntity({ name: "موسكو", type: "LOC", spanIds: [span.id] });
    const into = table.createEntity({ name: "Moscow", type: "LOC", spanIds: [] });
    const relationId = table.getDocument({ documentId }).relations[0]?.id ?? 0;
    // Another tab deletes them.
    table.deleteRelation({ relationId });
    table.deleteSpan({ spanId: span.id });
    table.mergeEntities({ intoId: into.id, fromIds: [entity.id] });

    const refusals: [string, unknown, ErrorDetail][] = [
      ["updateSpan", { spanId: span.id, note: "x" }, { kind: "gone", what: "span", id: span.id }],
      ["deleteSpan", { spanId: span.id }, { kind: "gone", what: "span", id: span.id }],
      ["getEntity", { entityId: entity.id }, { kind: "gone", what: "entity", id: entity.id }],
      ["updateEntity", { entityId: entity.id, name: "x" }, { kind: "gone", what: "entity", id: entity.id }],
      ["deleteRelation", { relationId }, { kind: "gone", what: "relation", id: relationId }],
    ];
    for (const [name, input, detail] of refusals) {
      const reply = await dispatch(table, name, input);
      assert.equal(reply.ok, false, name);
      assert.equal(reply.error.code, "not_found", name);
      assert.deepEqual(reply.error.detail, detail, name);
    }

    pageStubs();
    const span404 = { message: "span 9 does not exist", detail: { kind: "gone", what: "span", id: 9 } as const };
    applyLocale("en");
    assert.equal(errorText(span404), "This span is no longer there: it was deleted, perhaps in another window.");
    applyLocale("ar");
    assert.equal(errorText(span404), "لم يعد هذا المقطع موجودًا: لقد حُذف، ربما في نافذة أخرى.");
    for (const what of ["relation", "entity", "document"] as const) {
      const text = errorText({ message: "", detail: { kind: "gone", what, id: 1 } });
      assert.match(text, /^لم (يعد|تعد) هذ[اه] /u, what);
      assert.match(text, /ربما في نافذة أخرى\.$/u, what);
    }
    applyLocale("en");
  });

  it("refuses an undo across a later change made elsewhere, naming that change in the interface language", async (t) => {
    const { table, store, documentId } = annotatedSample(t);
    const other = createOperationTable(store, { annotator: "other", client: () => "tab-b" });
    other.createSpan({ documentId, label: "MISC", ...extent("موسكو") });
    table.deleteDocuments({ documentIds: [documentId] });
    const reply = await dispatch(other, "undo", {});
    assert.equal(reply.ok, false);
    assert.equal(reply.error.code, "conflict");
    const detail = reply.error.detail;
    assert.equal(detail?.kind, "history.built_on");
    assert.deepEqual(detail.change, table.getHistory({}).undo?.message);
    assert.equal(detail.change?.kind, "document.delete");
    pageStubs();
    applyLocale("ar");
    assert.match(errorText(reply.error), /^لا يمكن التراجع عن هذا التغيير: بُني عليه تغيير لاحق في مكان آخر \(حذف «/u);
    applyLocale("en");
    assert.match(
      errorText(reply.error),
      /^This change cannot be undone: a later change made elsewhere builds on it \(Delete “/u,
    );
  });
});
