/**
 * The change feed as views apply it (ARCHITECTURE.md §8): each record of the project's
 * change log with the current state of what it created or updated, so that a view updates
 * its model from the record alone. `changesSince` serves views that catch up (the push
 * channels, a view that missed records); `dispatch` attaches the records of a write to its
 * reply through the same function.
 */
import type { ChangeRecord, ObjectChange } from "../../core/change-feed.ts";
import type {
  ChangedObjects,
  ChangesSinceView,
  ChangeView,
  DocumentSummary,
  EntityView,
  OperationTable,
  RelationView,
  SpanView,
} from "../../core/contract.ts";
import type { Ops } from "./context.ts";
import { entityViewOf, relationView, spanView, summaryView } from "./views.ts";

/** Above this many documents in one record, their lines are counted in one pass over the project. */
const FEW_DOCUMENTS = 8;

/** Above this many spans and relations in one record, views reload instead (an import, a big undo). */
const MOST_OBJECTS = 2000;

/** Accepted spans per label name, and unreviewed suggestions, of one document's spans. */
export function countSpans(spans: readonly { label: string; suggested: string | null }[]): {
  spanCounts: Record<string, number>;
  suggestionCount: number;
} {
  const spanCounts: Record<string, number> = {};
  let suggestionCount = 0;
  for (const s of spans) {
    if (s.suggested === null) spanCounts[s.label] = (spanCounts[s.label] ?? 0) + 1;
    else suggestionCount++;
  }
  return { spanCounts, suggestionCount };
}

/** The list lines of these documents (those that still exist). */
function summaries(ops: Ops, ids: readonly number[]): DocumentSummary[] {
  if (ids.length === 0) return [];
  if (ids.length <= FEW_DOCUMENTS) {
    return ids.flatMap((id) => {
      const doc = ops.store.document(id);
      if (doc === undefined || !ops.mayOpen(id)) return [];
      const counts = countSpans(ops.visibleSpans(id).map((s) => ({ label: s.label, suggested: s.suggested_by })));
      return [summaryView(doc, counts.spanCounts, counts.suggestionCount)];
    });
  }
  const wanted = new Set(ids.filter((id) => ops.mayOpen(id)));
  const counts = new Map<number, Record<string, number>>();
  for (const c of ops.spanCounts()) {
    if (!wanted.has(c.document_id)) continue;
    counts.set(c.document_id, { ...counts.get(c.document_id), [c.label]: c.n });
  }
  const suggestions = ops.store.suggestionCounts();
  return ops.store
    .documentHeads()
    .filter((row) => wanted.has(row.id))
    .map((row) => summaryView(row, counts.get(row.id) ?? {}, suggestions.get(row.id) ?? 0));
}

/** Ids of the objects of `type` that `changes` created or updated. */
function touched(changes: readonly ObjectChange[], type: ObjectChange["type"]): number[] {
  return changes.filter((c) => c.type === type && c.kind !== "deleted").map((c) => c.id);
}

/**
 * The current state of what one record created or updated.
 * @param ops the operation table's services (reads only)
 */
export function changedObjects(
  ops: Ops,
  record: ChangeRecord,
  project: () => ChangedObjects["project"],
): ChangedObjects {
  const { changes } = record;
  const fine = changes.filter((c) => c.type === "span" || c.type === "relation").length;
  const complete = fine <= MOST_OBJECTS && !changes.some((c) => c.whole === true);
  const spans: SpanView[] = [];
  const relations: RelationView[] = [];
  if (complete) {
    // On a team server, only what the caller may see (their documents; a blind annotator's own layer).
    for (const id of touched(changes, "span")) {
      const row = ops.store.span(id);
      if (row === undefined || !ops.mayOpen(row.document_id)) continue;
      if (!ops.showsLayer(row.annotator, row.suggested_by !== null)) continue;
      const doc = ops.store.document(row.document_id);
      if (doc !== undefined) spans.push(spanView(ops, row, ops.indexesOf(doc).offsets));
    }
    for (const id of touched(changes, "relation")) {
      const row = ops.store.relation(id);
      if (row !== undefined && ops.mayOpen(row.document_id) && ops.showsRelation(row))
        relations.push(relationView(row));
    }
  }
  const entities: EntityView[] = touched(changes, "entity").flatMap((id) => {
    const row = ops.store.entity(id);
    return row === undefined ? [] : [entityViewOf(ops, row)];
  });
  const schema = changes.some((c) => c.type === "label" || c.type === "schema" || c.type === "cue");
  return {
    documents: summaries(ops, touched(changes, "document")),
    spans,
    relations,
    entities,
    project: schema ? project() : null,
    complete,
  };
}

/**
 * Records with their objects.
 * @param project the project's schema now (`getProject`), read once for all records that need it
 */
export function changeViews(
  ops: Ops,
  records: readonly ChangeRecord[],
  project: () => ChangedObjects["project"],
): ChangeView[] {
  let schema: ChangedObjects["project"] | undefined;
  const once = () => (schema ??= project());
  return records.map((r) => ({ ...r, objects: changedObjects(ops, r, once) }));
}

/** `changesSince`. */
export function feedOperations(
  ops: Ops,
  project: () => ChangedObjects["project"],
): Pick<OperationTable, "changesSince"> {
  return {
    changesSince({ since, limit }): ChangesSinceView {
      const batch = ops.store.changesSince(since, limit);
      if (limit === 0) return { revision: batch.revision, reset: false, records: [] };
      return { revision: batch.revision, reset: batch.reset, records: changeViews(ops, batch.records, project) };
    },
  };
}
